#pragma once
#include "scenes/scene.hpp"

namespace kiosk::scenes {

// The one-time host QR (key H), over whatever scene is showing, while its minute runs.
void draw_host_overlay(ui::Canvas& canvas, const Frame& frame);

}  // namespace kiosk::scenes
