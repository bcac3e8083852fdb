#pragma once
// The wall of notes: what phones added to this step, laid out to fill an area legibly for 1
// to 200 notes. The type shrinks step by step as the wall fills; below the smallest size the
// newest notes stay and a count says how many older ones are off the wall. New notes fade in.
#include <vector>

#include "scenes/scene.hpp"

namespace kiosk::scenes {

// How long a new or edited note takes to fade in.
inline constexpr Millis k_note_fade{500};

void draw_note_wall(ui::Canvas& canvas, const Frame& frame, const std::vector<const Note*>& notes,
                    const SDL_Rect& area);

// The dot-vote result: ranked rows with a bar and the count, the winners marked.
void draw_ranking(ui::Canvas& canvas, const Frame& frame, int step, const SDL_Rect& area);
// Notes numbered 1, 2, 3 ... (a tie the room settles with the number keys).
void draw_numbered(ui::Canvas& canvas, const Frame& frame, const std::vector<int>& notes, const SDL_Rect& area);

// True while a note of this step is still fading in (the screen then draws ~30 frames a second).
bool wall_is_fading(const Frame& frame, int step);

}  // namespace kiosk::scenes
