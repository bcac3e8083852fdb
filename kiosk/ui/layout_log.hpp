#pragma once
// What a frame drew where, for the projector-size check (tests/scenes/layout_tests.cpp): each
// text's rectangle with the box it was given, each opaque fill and image, in drawing order. A
// fill over the whole screen (the help and host overlays' dimming) starts a new layer: what is
// drawn on it may cover the scene below. Recorded by a Canvas that was given a log; plain data.
#include <SDL.h>

#include <optional>
#include <string>
#include <vector>

namespace kiosk::ui {

struct LayoutItem {
    enum class Kind { Text, Fill, Image };
    Kind kind = Kind::Text;
    SDL_Rect rect{};
    std::optional<SDL_Rect> box;  // a text's box: its wrap width (any height), or text_fit's box
    std::string text;             // a text's first characters, for the message
    int layer = 0;
};

struct LayoutLog {
    std::vector<LayoutItem> items;  // in drawing order
    int layer = 0;
};

// Every place where the frame's text runs out of the screen or its box, over another text, or
// under a fill or an image drawn after it in the same layer; "" when there is none.
// `slack`: pixels a glyph box may stick out (anti-aliasing, rounding) before it counts.
std::vector<std::string> layout_problems(const LayoutLog& log, SDL_Rect screen, int slack = 2);

}  // namespace kiosk::ui
