#include "kiosk/app/screenshot.hpp"

#include "kiosk/app/key_map.hpp"
#include "kiosk/app/local_time.hpp"
#include "kiosk/ui/png.hpp"
#include "scenes/scene_harness.hpp"

namespace kiosk::app {

void write_screenshot(const Config& config, const scenes::Room& room, const ui::FontFiles& fonts,
                      const std::string& scene, ScreenSize size, bool help_overlay,
                      const std::filesystem::path& file) {
    scenes::SceneHarness harness{config.content, config.settings.timers, config.strings, room, SystemClock{}.wall()};
    if (!harness.go_to(scene))
        throw UsageError{"--scene " + scene + ": no such scene; --list-scenes lists the names"};
    auto surface = ui::make_rgb_surface(size.width, size.height);
    ui::Canvas canvas{surface.get(), fonts};
    const auto rows = help_rows(config);
    scenes::draw_frame(canvas, harness.frame(to_local(harness.clock().wall()), help_overlay, &rows));
    ui::save_png(surface.get(), file);
}

}  // namespace kiosk::app
