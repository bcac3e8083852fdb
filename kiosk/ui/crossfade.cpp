#include "kiosk/ui/crossfade.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kiosk::ui {

bool copy_surface(SDL_Surface* source, SurfacePtr& copy) {
    if (!source || source->format->BytesPerPixel != 4) return false;
    if (!copy || copy->w != source->w || copy->h != source->h || copy->format->format != source->format->format)
        copy.reset(SDL_CreateRGBSurfaceWithFormat(0, source->w, source->h, 32, source->format->format));
    if (!copy) return false;
    if (SDL_MUSTLOCK(source)) SDL_LockSurface(source);
    for (int y = 0; y < source->h; ++y)
        std::memcpy(static_cast<std::uint8_t*>(copy->pixels) + static_cast<std::ptrdiff_t>(y) * copy->pitch,
                    static_cast<const std::uint8_t*>(source->pixels) + static_cast<std::ptrdiff_t>(y) * source->pitch,
                    static_cast<std::size_t>(source->w) * 4);
    if (SDL_MUSTLOCK(source)) SDL_UnlockSurface(source);
    return true;
}

void blend_surfaces(const SDL_Surface& from, const SDL_Surface& to, SDL_Surface& out, int weight) {
    const auto w = static_cast<std::uint16_t>(std::clamp(weight, 0, 256));
    const auto v = static_cast<std::uint16_t>(256 - w);
    const int width = std::min({from.w, to.w, out.w});
    const int height = std::min({from.h, to.h, out.h});
    const auto bytes = static_cast<std::size_t>(width) * 4;
    // The ends of a fade are plain copies.
    if (w == 0 || w == 256) {
        const SDL_Surface& source = w == 0 ? from : to;
        for (int y = 0; y < height; ++y)
            std::memcpy(static_cast<std::uint8_t*>(out.pixels) + static_cast<std::ptrdiff_t>(y) * out.pitch,
                        static_cast<const std::uint8_t*>(source.pixels) + static_cast<std::ptrdiff_t>(y) * source.pitch, bytes);
        return;
    }
    for (int y = 0; y < height; ++y) {
        const auto* a = static_cast<const std::uint8_t*>(from.pixels) + static_cast<std::ptrdiff_t>(y) * from.pitch;
        const auto* b = static_cast<const std::uint8_t*>(to.pixels) + static_cast<std::ptrdiff_t>(y) * to.pitch;
        auto* o = static_cast<std::uint8_t*>(out.pixels) + static_cast<std::ptrdiff_t>(y) * out.pitch;
        // Byte by byte in 16-bit arithmetic (255 * 256 fits): the compiler turns this into
        // SSE2 multiplies of 8 bytes at a time (crossfade.cpp is built with -O3 for it).
        for (std::size_t i = 0; i < bytes; ++i)
            o[i] = static_cast<std::uint8_t>((a[i] * v + b[i] * w) >> 8);
    }
}

int fade_weight(double progress) {
    const double t = std::clamp(progress, 0.0, 1.0);
    const double eased = t * t * (3 - 2 * t);
    return static_cast<int>(eased * 256 + 0.5);
}

}  // namespace kiosk::ui
