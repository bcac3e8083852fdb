#pragma once
// Markdown as the room sees it: parsed with cmark (CommonMark) into blocks of styled words, and
// drawn word by word so bold stays bold inside a wrapped line. Headings, paragraphs, bulleted
// and numbered lists, bold; raw HTML and links are shown as their plain text, never
// interpreted. Nesting (lists, quotes, emphasis) is followed 12 levels deep; deeper content is
// read as one plain paragraph, so no paste can exhaust the stack.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/canvas.hpp"

namespace kiosk::scenes {

struct TextRun {
    std::string text;
    bool bold = false;
};

struct TextBlock {
    enum class Kind { Paragraph, Heading, Item } kind = Kind::Paragraph;
    int level = 0;       // heading level; list depth for items (1 = top)
    std::string bullet;  // "•" or "3." for items
    std::vector<TextRun> runs;
};

std::vector<TextBlock> parse_markdown(std::string_view markdown);

// Lays the blocks out in `width` at `size` units and draws them with their top at y when
// `draw`; returns the height they take.
int layout_blocks(ui::Canvas& canvas, const std::vector<TextBlock>& blocks, int x, int y, int width, double size,
                  ui::Color color, bool draw);

}  // namespace kiosk::scenes
