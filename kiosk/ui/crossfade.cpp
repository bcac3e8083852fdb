#include "kiosk/ui/crossfade.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kiosk::ui {

SurfacePtr copy_surface(SDL_Surface* source) {
    if (!source || source->format->BytesPerPixel != 4) return nullptr;
    SurfacePtr copy{SDL_CreateRGBSurfaceWithFormat(0, source->w, source->h, 32, source->format->format)};
    if (!copy) return nullptr;
    if (SDL_MUSTLOCK(source)) SDL_LockSurface(source);
    for (int y = 0; y < source->h; ++y)
        std::memcpy(static_cast<std::uint8_t*>(copy->pixels) + static_cast<std::ptrdiff_t>(y) * copy->pitch,
                    static_cast<const std::uint8_t*>(source->pixels) + static_cast<std::ptrdiff_t>(y) * source->pitch,
                    static_cast<std::size_t>(source->w) * 4);
    if (SDL_MUSTLOCK(source)) SDL_UnlockSurface(source);
    return copy;
}

void blend_surfaces(const SDL_Surface& from, const SDL_Surface& to, SDL_Surface& out, int weight) {
    const auto w = static_cast<std::uint32_t>(std::clamp(weight, 0, 256));
    const std::uint32_t v = 256 - w;
    const int width = std::min({from.w, to.w, out.w});
    const int height = std::min({from.h, to.h, out.h});
    for (int y = 0; y < height; ++y) {
        const auto* a = reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(from.pixels) + static_cast<std::ptrdiff_t>(y) * from.pitch);
        const auto* b = reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(to.pixels) + static_cast<std::ptrdiff_t>(y) * to.pitch);
        auto* o = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(out.pixels) + static_cast<std::ptrdiff_t>(y) * out.pitch);
        // Two channels at a time in one 32-bit word (0x00ff00ff and 0xff00ff00 lanes): the
        // compiler vectorises this loop.
        for (int x = 0; x < width; ++x) {
            const std::uint32_t p = a[x], q = b[x];
            const std::uint32_t rb = (((p & 0x00ff00ffu) * v + (q & 0x00ff00ffu) * w) >> 8) & 0x00ff00ffu;
            const std::uint32_t ag = ((((p >> 8) & 0x00ff00ffu) * v + ((q >> 8) & 0x00ff00ffu) * w)) & 0xff00ff00u;
            o[x] = rb | ag;
        }
    }
}

int fade_weight(double progress) {
    const double t = std::clamp(progress, 0.0, 1.0);
    const double eased = t * t * (3 - 2 * t);
    return static_cast<int>(eased * 256 + 0.5);
}

}  // namespace kiosk::ui
