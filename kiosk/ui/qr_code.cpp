#include "kiosk/ui/qr_code.hpp"

#include <qrencode.h>

#include <memory>

#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

namespace {
struct QrDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
constexpr int k_quiet_modules = 4;
}  // namespace

SurfacePtr render_qr(const std::string& text, int max_px) {
    std::unique_ptr<QRcode, QrDeleter> code{QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1)};
    if (!code) throw std::runtime_error{"cannot encode \"" + text + "\" as a QR code"};
    const int modules = code->width + 2 * k_quiet_modules;
    const int scale = std::max(1, max_px / modules);
    SurfacePtr surface = make_rgb_surface(modules * scale, modules * scale);
    const auto light = SDL_MapRGB(surface->format, theme::qr_light.r, theme::qr_light.g, theme::qr_light.b);
    const auto dark = SDL_MapRGB(surface->format, theme::qr_dark.r, theme::qr_dark.g, theme::qr_dark.b);
    SDL_FillRect(surface.get(), nullptr, light);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            // Bit 0 of each byte says "dark module"; the other bits describe its role.
            if ((code->data[y * code->width + x] & 1) == 0) continue;
            SDL_Rect module{(x + k_quiet_modules) * scale, (y + k_quiet_modules) * scale, scale, scale};
            SDL_FillRect(surface.get(), &module, dark);
        }
    }
    return surface;
}

}  // namespace kiosk::ui
