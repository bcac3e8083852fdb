#pragma once
#include <string>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/ui/font_locator.hpp"

namespace kiosk::bench {

// Frame cost of every scene, drawn into memory (the --screenshot path) at 1080p and 4K: a full
// redraw, and for timed scenes the once-a-second countdown update. Prints a table.
void bench_frames_in_memory(const Config& config, const ui::FontFiles& fonts, int frames);

// The same in a real window on the current X11 display, including getting the pixels onto the
// screen (SDL_UpdateWindowSurface / ...Rects). Prints a table.
void bench_frames_in_window(const Config& config, const ui::FontFiles& fonts, int frames);

// The AI stage's frame while a long answer streams in (one piece per frame) against the same
// screen with the whole answer: the issue asks for no more than 1.2x.
void bench_proposal_streaming(const Config& config, const ui::FontFiles& fonts, int frames);

}  // namespace kiosk::bench
