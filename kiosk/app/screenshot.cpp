#include "kiosk/app/screenshot.hpp"

#include "kiosk/app/key_map.hpp"
#include "kiosk/app/local_time.hpp"
#include "kiosk/core/engine.hpp"
#include "kiosk/ui/png.hpp"
#include "scenes/scene_catalog.hpp"

namespace kiosk::app {

void write_screenshot(const Config& config, const scenes::Room& room, const ui::FontFiles& fonts,
                      const std::string& scene, ScreenSize size, bool help_overlay,
                      const std::filesystem::path& file) {
    FakeClock clock{SystemClock{}.wall()};
    Engine engine{config.content, config.settings.timers};
    if (!scenes::drive_to_scene(engine, scene, clock.monotonic()))
        throw UsageError{"--scene " + scene + ": no such scene; --list-scenes lists the names"};
    auto surface = ui::make_rgb_surface(size.width, size.height);
    ui::Canvas canvas{surface.get(), fonts};
    const auto rows = help_rows(config.strings, static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(
                                                    config.settings.timers.extend_step).count()));
    const scenes::Frame frame{engine.view(), config.strings, room,         clock.monotonic(),
                              clock.wall(),  to_local(clock.wall()), help_overlay, &rows};
    scenes::draw_frame(canvas, frame);
    ui::save_png(surface.get(), file);
}

}  // namespace kiosk::app
