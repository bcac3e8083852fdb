#pragma once
#include "scenes/scene.hpp"

namespace kiosk::scenes {

// Draws the key map (frame.help_rows) over the current picture.
void draw_help_overlay(ui::Canvas& canvas, const Frame& frame);

}  // namespace kiosk::scenes
