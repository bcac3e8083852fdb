#pragma once
// A stage's surprise card on the screen (content.hpp SurprisePool): in the side column, where the
// QR stands the rest of the stage, so it hides neither the timer nor the wall.
#include "scenes/scene.hpp"

namespace kiosk::scenes {

void draw_surprise_card(ui::Canvas& canvas, const Frame& frame, const SurpriseCard& card, const SDL_Rect& area);

}  // namespace kiosk::scenes
