#pragma once
// A soft cross-fade between two pictures of the whole screen (the coffee corner's panels): the
// old picture and the new one are kept as copies, and each fade frame mixes them into the
// window's surface. Software only, one pass over the pixels: about a millisecond or two per
// 1080p frame, so a fade costs little even without a GPU.
#include <SDL.h>

#include "kiosk/ui/sdl_handles.hpp"

namespace kiosk::ui {

// Copies a 32-bit surface into `copy`, which is made (again) only when it is missing or of
// another size or format: a 4K copy made afresh each time costs more in page faults than in
// copying. False when it cannot be made.
bool copy_surface(SDL_Surface* source, SurfacePtr& copy);

// out = from * (256 - weight) / 256 + to * weight / 256, per 8-bit channel. All three surfaces
// must be 32 bits per pixel and the same size; `weight` is clamped to 0..256.
void blend_surfaces(const SDL_Surface& from, const SDL_Surface& to, SDL_Surface& out, int weight);

// Smooth start and end (ease in-out), for `progress` in 0..1; returns 0..256.
int fade_weight(double progress);

}  // namespace kiosk::ui
