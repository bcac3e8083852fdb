#pragma once
#include "scenes/scene.hpp"

namespace kiosk::scenes {

// Overlays over any scene. The one-time host QR (key H), over whatever scene is showing, while its minute runs.
void draw_host_overlay(ui::Canvas& canvas, const Frame& frame);

// A problem the room must see (the journal cannot write), as a band across the top.
void draw_warning(ui::Canvas& canvas, const std::string& text);

}  // namespace kiosk::scenes
