#include "kiosk/ui/layout_log.hpp"

#include <algorithm>

namespace kiosk::ui {

namespace {

std::string describe(const SDL_Rect& r) {
    return std::to_string(r.w) + "x" + std::to_string(r.h) + "+" + std::to_string(r.x) + "+" + std::to_string(r.y);
}

std::string quoted(const LayoutItem& item) {
    return item.kind == LayoutItem::Kind::Text ? "\"" + item.text + "\" (" + describe(item.rect) + ")"
                                               : std::string{item.kind == LayoutItem::Kind::Fill ? "a fill" : "an image"} +
                                                     " (" + describe(item.rect) + ")";
}

// How far `inner` sticks out of `outer` on its worst side; 0 when it is inside.
int sticks_out(const SDL_Rect& inner, const SDL_Rect& outer) {
    return std::max({outer.x - inner.x, outer.y - inner.y, (inner.x + inner.w) - (outer.x + outer.w),
                     (inner.y + inner.h) - (outer.y + outer.h), 0});
}

// The smaller side of the overlap of two rectangles; 0 when they do not overlap.
int overlap(const SDL_Rect& a, const SDL_Rect& b) {
    const int w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
    const int h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? std::min(w, h) : 0;
}

}  // namespace

std::vector<std::string> layout_problems(const LayoutLog& log, SDL_Rect screen, int slack) {
    std::vector<std::string> problems;
    const auto& items = log.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        if (item.kind != LayoutItem::Kind::Text || item.rect.w == 0 || item.rect.h == 0) continue;
        if (sticks_out(item.rect, screen) > slack)
            problems.push_back(quoted(item) + " runs out of the screen");
        if (item.box && sticks_out(item.rect, *item.box) > slack)
            problems.push_back(quoted(item) + " runs out of its box " + describe(*item.box));
        for (std::size_t j = i + 1; j < items.size(); ++j) {
            const auto& later = items[j];
            if (later.layer != item.layer || overlap(item.rect, later.rect) <= slack) continue;
            problems.push_back(quoted(item) + (later.kind == LayoutItem::Kind::Text ? " and " : " is under ") + quoted(later) +
                               (later.kind == LayoutItem::Kind::Text ? " overlap" : ""));
        }
    }
    return problems;
}

}  // namespace kiosk::ui
