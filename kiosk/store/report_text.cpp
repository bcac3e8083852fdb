#include "kiosk/store/report_text.hpp"

#include <cmark.h>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <memory>

namespace kiosk::store {

// ---- Addresses ----------------------------------------------------------------------------

namespace {

// ASCII only and without <cctype>: bytes of UTF-8 text are never letters here, whatever the locale.
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
bool is_one_of(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }
bool is_space(char c) { return is_one_of(c, " \t\n\r\f\v"); }
bool is_scheme_char(char c) { return is_alnum(c) || is_one_of(c, "+.-"); }
bool is_local_char(char c) { return is_alnum(c) || is_one_of(c, ".+_-"); }
bool is_domain_char(char c) { return is_alnum(c) || is_one_of(c, "._-"); }

// The end of an address's path that starts at `from`: up to a space or '<', less the trailing
// punctuation a sentence puts after an address. `from` when nothing is left.
std::size_t path_end(std::string_view text, std::size_t from) {
    std::size_t end = from;
    while (end < text.size() && !is_space(text[end]) && text[end] != '<') ++end;
    while (end > from && is_one_of(text[end - 1], "?!.,:;*_~'\")]}>`")) --end;
    return end;
}

bool starts_www(std::string_view text, std::size_t at) {
    if (text.size() - at < 4 || text[at + 3] != '.') return false;
    for (std::size_t i = at; i < at + 3; ++i)
        if (text[i] != 'w' && text[i] != 'W') return false;
    return true;
}

// Where an address starting at `at` ends; `at` when none starts there.
std::size_t address_end(std::string_view text, std::size_t at) {
    const char before = at > 0 ? text[at - 1] : ' ';
    // GFM links "http://" after any non-letter ("1http://", ".http://"): so is an address found here.
    if (is_alpha(text[at]) && !is_alpha(before)) {  // scheme://
        std::size_t colon = at;
        while (colon < text.size() && is_scheme_char(text[colon])) ++colon;
        if (text.substr(colon, 3) == "://") {
            const std::size_t end = path_end(text, colon + 3);
            if (end > colon + 3) return end;
        }
    }
    if (!is_alnum(before) && starts_www(text, at)) {  // www.
        const std::size_t end = path_end(text, at + 4);
        if (end > at + 4) return end;
    }
    if (is_local_char(text[at]) && !is_local_char(before)) {  // name@domain.tld
        std::size_t sign = at;
        while (sign < text.size() && is_local_char(text[sign])) ++sign;
        if (sign < text.size() && text[sign] == '@') {
            std::size_t end = sign + 1;
            while (end < text.size() && is_domain_char(text[end])) ++end;
            while (end > sign + 1 && is_one_of(text[end - 1], "._-")) --end;
            if (text.substr(sign + 1, end - sign - 1).find('.') != std::string_view::npos) return end;
        }
    }
    return at;
}

}  // namespace

std::vector<TextRun> address_runs(std::string_view text) {
    std::vector<TextRun> runs;
    std::size_t plain = 0;  // where the plain text not yet in a run begins
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = address_end(text, at);
        if (end == at) {
            ++at;
            continue;
        }
        if (at > plain) runs.push_back({text.substr(plain, at - plain), false});
        runs.push_back({text.substr(at, end - at), true});
        at = plain = end;
    }
    if (plain < text.size()) runs.push_back({text.substr(plain), false});
    return runs;
}

// ---- A model's Markdown -------------------------------------------------------------------

namespace {

using Document = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

cmark_node* literal_node(cmark_node_type type, const std::string& literal) {
    cmark_node* node = cmark_node_new(type);
    cmark_node_set_literal(node, literal.c_str());
    return node;
}

// Puts `fresh` before `node`; a node cmark refuses there is freed rather than leaked.
void insert_before(cmark_node* node, cmark_node* fresh) {
    if (!cmark_node_insert_before(node, fresh)) cmark_node_free(fresh);
}

void drop_node(cmark_node* node) {
    cmark_node_unlink(node);
    cmark_node_free(node);
}

// Every node of the given types, in document order, collected before the tree changes.
std::vector<cmark_node*> nodes_of(cmark_node* root, std::initializer_list<cmark_node_type> types) {
    std::vector<cmark_node*> found;
    cmark_iter* iter = cmark_iter_new(root);
    for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE; event = cmark_iter_next(iter)) {
        cmark_node* node = cmark_iter_get_node(iter);
        if (event == CMARK_EVENT_ENTER && std::find(types.begin(), types.end(), cmark_node_get_type(node)) != types.end())
            found.push_back(node);
    }
    cmark_iter_free(iter);
    return found;
}

// An autolink (<http://…>) shows its address as its text already; repeating it adds nothing.
bool shows_own_address(cmark_node* link, const std::string& url) {
    cmark_node* child = cmark_node_first_child(link);
    if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_TEXT) return false;
    const std::string text = cmark_node_get_literal(child) ? cmark_node_get_literal(child) : "";
    return url == text || url == "mailto:" + text;
}

// A link or an image becomes what it shows (its text, an image's description) and "(url)".
void flatten_link(cmark_node* link) {
    const char* raw_url = cmark_node_get_url(link);
    const std::string url = raw_url ? raw_url : "";
    const bool own = shows_own_address(link, url);
    const bool shows_text = cmark_node_first_child(link) != nullptr;
    while (cmark_node* child = cmark_node_first_child(link)) insert_before(link, child);
    if (!url.empty() && !own) insert_before(link, literal_node(CMARK_NODE_TEXT, (shows_text ? " (" : "(") + url + ")"));
    drop_node(link);
}

// Raw HTML as the text it is; an HTML block becomes a paragraph of its lines.
void html_as_text(cmark_node* html) {
    const char* raw = cmark_node_get_literal(html);
    std::string text = raw ? raw : "";
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (cmark_node_get_type(html) == CMARK_NODE_HTML_INLINE) {
        insert_before(html, literal_node(CMARK_NODE_TEXT, text));
    } else {
        cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
        for (std::size_t start = 0; start <= text.size();) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            if (start > 0) cmark_node_append_child(paragraph, cmark_node_new(CMARK_NODE_SOFTBREAK));
            cmark_node_append_child(paragraph, literal_node(CMARK_NODE_TEXT, text.substr(start, end - start)));
            start = end + 1;
        }
        insert_before(html, paragraph);
    }
    drop_node(html);
}

// Addresses in text as code: no Markdown viewer turns code into a link.
void addresses_as_code(cmark_node* text_node) {
    const std::string text = cmark_node_get_literal(text_node) ? cmark_node_get_literal(text_node) : "";
    const auto runs = address_runs(text);
    if (std::none_of(runs.begin(), runs.end(), [](const TextRun& run) { return run.address; })) return;
    for (const auto& run : runs)
        insert_before(text_node, literal_node(run.address ? CMARK_NODE_CODE : CMARK_NODE_TEXT, std::string{run.text}));
    drop_node(text_node);
}

Document safe_document(std::string_view markdown) {
    Document document{cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &cmark_node_free};
    // Links and images first: their text and "(url)" become text nodes the next passes see.
    for (cmark_node* node : nodes_of(document.get(), {CMARK_NODE_LINK, CMARK_NODE_IMAGE})) flatten_link(node);
    for (cmark_node* node : nodes_of(document.get(), {CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK})) html_as_text(node);
    // cmark splits text at characters that might have been syntax; an address may span pieces.
    cmark_consolidate_text_nodes(document.get());
    for (cmark_node* node : nodes_of(document.get(), {CMARK_NODE_TEXT})) addresses_as_code(node);
    return document;
}

std::string taken(char* rendered) {
    const std::unique_ptr<char, decltype(&std::free)> owner{rendered, &std::free};
    return owner ? std::string{owner.get()} : std::string{};
}

}  // namespace

std::string ai_markdown_as_html(std::string_view markdown) {
    const auto document = safe_document(markdown);
    // No raw HTML is left to render; CMARK_OPT_DEFAULT would drop it anyway.
    return taken(cmark_render_html(document.get(), CMARK_OPT_DEFAULT));
}

std::string ai_markdown_as_markdown(std::string_view markdown) {
    const auto document = safe_document(markdown);
    // cmark writes text nodes back with '[', ']', '<', '>' and the like escaped; width 0: no wrapping.
    return taken(cmark_render_commonmark(document.get(), CMARK_OPT_DEFAULT, 0));
}

}  // namespace kiosk::store
