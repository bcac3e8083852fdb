#pragma once
// Renders scenes headlessly for tests: the shipped config, real fonts found on the system, a
// fake clock, and an RGB888 surface per screen size. Phone URL on loopback (tests talk to
// 127.0.0.1 only).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/ui/canvas.hpp"
#include "kiosk/ui/png.hpp"
#include "scenes/scene.hpp"
#include "scenes/scene_catalog.hpp"
#include "scenes/scene_harness.hpp"

namespace kiosk::testing {

inline const Config& shipped_config() {
    static const Config config = load_config(std::filesystem::path{KIOSK_SOURCE_DIR} / "config");
    return config;
}

inline const ui::FontFiles& system_fonts() {
    static const ui::FontFiles fonts = ui::locate_fonts(std::filesystem::path{KIOSK_SOURCE_DIR} / "fonts");
    return fonts;
}

struct Screen {
    scenes::SceneHarness harness{shipped_config().content, shipped_config().settings.timers, shipped_config().strings,
                                 {"Leerruimte Test", "http://127.0.0.1:18080", shipped_config().settings.slots},
                                 WallTime{std::chrono::hours{24 * 20'000}}};  // 2024-10-04, a Friday
    ui::SurfacePtr surface;
    std::unique_ptr<ui::Canvas> canvas;

    Screen(int width, int height) : surface{ui::make_rgb_surface(width, height)},
                                    canvas{std::make_unique<ui::Canvas>(surface.get(), system_fonts())} {}

    void go_to(const std::string& scene) {
        if (!harness.go_to(scene)) throw std::runtime_error{"no scene " + scene};
    }
    void press(EventKind kind) { harness.press(kind); }
    void wait(Millis time) { harness.wait(time); }
    const View& view() const { return harness.view(); }
    scenes::Frame frame() const {
        const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(harness.clock().wall())};
        return harness.frame(LocalMoment{today, 8 * 60});
    }
    void draw() { scenes::draw_frame(*canvas, frame()); }
    SDL_Rect draw_ticking() { return scenes::draw_tick(*canvas, frame()); }

    Uint32 pixel(int x, int y) const {
        const auto* row = static_cast<const Uint8*>(surface->pixels) + y * surface->pitch;
        return reinterpret_cast<const Uint32*>(row)[x] & 0xFFFFFF;
    }
    std::string save(const std::filesystem::path& path) const {
        ui::save_png(surface.get(), path);
        return path.string();
    }
    // Text tesseract reads in `area`, scaled by `scale` and inverted to dark on light (OCR
    // reads best at body-text sizes in that polarity; the screen is light on dark).
    std::string read_text(const SDL_Rect& area, double scale, const std::filesystem::path& png) const;
};

inline Uint32 rgb(ui::Color c) { return static_cast<Uint32>(c.r) << 16 | static_cast<Uint32>(c.g) << 8 | c.b; }

// Pixels of exactly `color` in `area`.
inline int count_pixels(const Screen& screen, const SDL_Rect& area, ui::Color color) {
    int found = 0;
    for (int y = area.y; y < area.y + area.h; ++y)
        for (int x = area.x; x < area.x + area.w; ++x)
            if (screen.pixel(x, y) == rgb(color)) ++found;
    return found;
}

// Runs a command and returns what it printed on stdout.
inline std::string run_command(const std::string& command) {
    std::string output;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
        pclose(pipe);
    }
    return output;
}

inline std::string Screen::read_text(const SDL_Rect& area, double scale, const std::filesystem::path& png) const {
    auto part = ui::make_rgb_surface(static_cast<int>(area.w * scale), static_cast<int>(area.h * scale));
    SDL_Rect source = area;
    SDL_BlitScaled(surface.get(), &source, part.get(), nullptr);
    for (int y = 0; y < part->h; ++y) {
        auto* row = reinterpret_cast<Uint32*>(static_cast<Uint8*>(part->pixels) + y * part->pitch);
        for (int x = 0; x < part->w; ++x) row[x] = ~row[x] & 0xFFFFFF;
    }
    ui::save_png(part.get(), png);
    return run_command("tesseract '" + png.string() + "' - -l nld --psm 6 2>/dev/null");
}

inline std::string decode_qr(const std::string& png) {
    auto text = run_command("zbarimg -q --raw '" + png + "' 2>/dev/null");
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

}  // namespace kiosk::testing
