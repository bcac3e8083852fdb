#include "scenes/markdown_text.hpp"

#include <cmark.h>

#include <algorithm>
#include <memory>

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

namespace {

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;
using IterPtr = std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)>;

// Nesting deeper than this (a paste of 20 000 ">" or "*") is not walked recursively: what is
// inside is read as one plain paragraph at this depth, so the stack stays small and the text
// is still all there.
constexpr int k_max_nesting = 12;

// All text under `node`, in order, without recursion (cmark's iterator).
std::string flat_text(cmark_node* node) {
    std::string text;
    IterPtr iter{cmark_iter_new(node), cmark_iter_free};
    for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE; event = cmark_iter_next(iter.get())) {
        if (event != CMARK_EVENT_ENTER) continue;
        auto* current = cmark_iter_get_node(iter.get());
        switch (cmark_node_get_type(current)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
            if (const char* literal = cmark_node_get_literal(current)) text += literal;
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_PARAGRAPH: text += ' '; break;
        default: break;
        }
    }
    for (auto& c : text)
        if (c == '\n') c = ' ';
    return text;
}

void add_text(std::vector<TextRun>& runs, std::string text, bool bold) {
    if (text.empty()) return;
    if (!runs.empty() && runs.back().bold == bold) runs.back().text += text;
    else runs.push_back({std::move(text), bold});
}

// The inline content of a block, flattened into runs.
void collect_inlines(cmark_node* node, bool bold, std::vector<TextRun>& runs, int nesting = 0) {
    if (nesting > k_max_nesting) return add_text(runs, flat_text(node), bold);
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        switch (cmark_node_get_type(child)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE: {
            const char* literal = cmark_node_get_literal(child);
            add_text(runs, literal ? literal : "", bold);
            break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK: add_text(runs, " ", bold); break;
        case CMARK_NODE_STRONG: collect_inlines(child, true, runs, nesting + 1); break;
        default: collect_inlines(child, bold, runs, nesting + 1); break;  // emphasis, links, images: their text
        }
    }
}

void collect_block(cmark_node* node, int depth, std::vector<TextBlock>& blocks, int nesting);

void collect_blocks(cmark_node* parent, int depth, std::vector<TextBlock>& blocks, int nesting) {
    for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node))
        collect_block(node, depth, blocks, nesting);
}

// `depth`: the list indent the block is drawn at; `nesting`: how many containers (lists,
// items, quotes) it is inside, capped at k_max_nesting.
void collect_block(cmark_node* node, int depth, std::vector<TextBlock>& blocks, int nesting) {
    if (nesting > k_max_nesting) {
        TextBlock block{TextBlock::Kind::Paragraph, std::min(depth, k_max_nesting), "", {}};
        add_text(block.runs, flat_text(node), false);
        blocks.push_back(std::move(block));
        return;
    }
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HEADING: {
        TextBlock block{TextBlock::Kind::Heading, cmark_node_get_heading_level(node), "", {}};
        collect_inlines(node, true, block.runs);
        blocks.push_back(std::move(block));
        break;
    }
    case CMARK_NODE_PARAGRAPH: {
        TextBlock block{TextBlock::Kind::Paragraph, depth, "", {}};
        collect_inlines(node, false, block.runs);
        blocks.push_back(std::move(block));
        break;
    }
    case CMARK_NODE_LIST: {
        const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        int number = cmark_node_get_list_start(node);
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item), ++number) {
            TextBlock block{TextBlock::Kind::Item, depth + 1, ordered ? std::to_string(number) + "." : "•", {}};
            // An item's first paragraph is the item; anything nested follows as its own blocks.
            cmark_node* first = cmark_node_first_child(item);
            const bool has_text = first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH;
            if (has_text) collect_inlines(first, false, block.runs);
            blocks.push_back(std::move(block));
            for (cmark_node* rest = has_text ? cmark_node_next(first) : first; rest; rest = cmark_node_next(rest))
                collect_block(rest, depth + 1, blocks, nesting + 1);
        }
        break;
    }
    case CMARK_NODE_BLOCK_QUOTE: collect_blocks(node, depth, blocks, nesting + 1); break;
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK: {
        const char* literal = cmark_node_get_literal(node);
        std::string text = literal ? literal : "";
        for (auto& c : text)
            if (c == '\n') c = ' ';
        TextBlock block{TextBlock::Kind::Paragraph, depth, "", {}};
        add_text(block.runs, std::move(text), false);
        blocks.push_back(std::move(block));
        break;
    }
    default: break;  // thematic breaks and the like: nothing to read
    }
}

struct Word {
    std::string text;
    bool bold;
};

std::vector<Word> words_of(const std::vector<TextRun>& runs) {
    std::vector<Word> words;
    bool glue = false;  // the next piece continues the previous word ("**vet**heid")
    for (const auto& run : runs) {
        std::size_t at = 0;
        while (at < run.text.size()) {
            if (run.text[at] == ' ') {
                glue = false;
                ++at;
                continue;
            }
            const auto end = std::min(run.text.find(' ', at), run.text.size());
            auto piece = run.text.substr(at, end - at);
            if (glue && !words.empty()) words.back().text += piece;  // drawn in the first piece's style
            else words.push_back({std::move(piece), run.bold});
            glue = end == run.text.size();
            at = end;
        }
    }
    return words;
}

}  // namespace

std::vector<TextBlock> parse_markdown(std::string_view markdown) {
    NodePtr document{cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), cmark_node_free};
    std::vector<TextBlock> blocks;
    if (document) collect_blocks(document.get(), 0, blocks, 0);
    return blocks;
}

int layout_blocks(ui::Canvas& canvas, const std::vector<TextBlock>& blocks, int x, int y, int width, double size,
                  ui::Color color, bool draw) {
    const int top = y;
    const int gap = canvas.u(size * 0.45);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const auto& block = blocks[b];
        const bool heading = block.kind == TextBlock::Kind::Heading;
        const double block_size = heading ? size * 1.12 : size;
        const TextStyle plain{block_size, Weight::Regular, heading ? theme::accent : color};
        const TextStyle bold{block_size, Weight::Bold, heading ? theme::accent : color};
        if (b > 0) y += heading ? gap * 2 : gap;
        int left = x + (block.kind == TextBlock::Kind::Item ? canvas.u(size * 1.6) * block.level : 0);
        if (block.kind == TextBlock::Kind::Item && draw)
            canvas.text(block.bullet, {block_size, Weight::Bold, theme::accent}, left - canvas.u(size * 0.4), y, 0, Align::Right);
        if (block.kind == TextBlock::Kind::Paragraph && block.level > 0) left += canvas.u(size * 1.6) * block.level;
        const int space = canvas.measure("x x", plain).x - canvas.measure("xx", plain).x;
        const int line_height = canvas.measure("Ág", plain).y;
        int cursor = left;
        for (const auto& word : words_of(block.runs)) {
            const auto& style = word.bold || heading ? bold : plain;
            const auto extent = canvas.measure(word.text, style);
            if (cursor > left && cursor + extent.x > x + width) {
                cursor = left;
                y += line_height;
            }
            if (draw) canvas.text(word.text, style, cursor, y);
            cursor += extent.x + space;
        }
        y += line_height;
    }
    return y - top;
}

}  // namespace kiosk::scenes
