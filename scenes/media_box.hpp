#pragma once
// A stage's clip, picture or sound on the screen: in the side column (where the QR is) or over
// the main column ("full"), with the stage bar and the timer still in view. What it shows comes
// from the screen loop (Frame::media); the box says what it is, shows the picture, and the
// clip's caption under it in the screen's own type, large enough for the back of the room.
#include <SDL.h>

#include "scenes/scene.hpp"

namespace kiosk::scenes {

// The entry of the running stage shown at `show` now (the format's later entry wins), or nullptr.
const MediaPicture* media_at(const Frame& frame, MediaShow show);
// Draws the entry's box filling `area`; sets `shown.box` to where its picture went.
void draw_media_box(ui::Canvas& canvas, const Frame& frame, const MediaPicture& shown, const SDL_Rect& area);

}  // namespace kiosk::scenes
