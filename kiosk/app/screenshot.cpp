#include "kiosk/app/screenshot.hpp"

#include "kiosk/app/key_map.hpp"
#include "kiosk/app/demo_phones.hpp"
#include "kiosk/app/local_time.hpp"
#include "kiosk/net/phone_state.hpp"
#include "kiosk/ui/png.hpp"
#include "scenes/scene_catalog.hpp"
#include "scenes/scene_harness.hpp"

#include <algorithm>

namespace kiosk::app {

void write_screenshot(const Config& config, const scenes::Room& room, const ui::FontFiles& fonts,
                      const std::string& scene, ScreenSize size, bool help_overlay, int sample_notes,
                      const std::filesystem::path& file) {
    scenes::SceneHarness harness{config.content, config.settings.timers, config.strings, room, SystemClock{}.wall()};
    const auto names = scenes::scene_names(*config.content);
    if (std::find(names.begin(), names.end(), scene) == names.end())
        throw UsageError{"--scene " + scene + ": no such scene; --list-scenes lists the names"};
    if (sample_notes > 0) {
        // Notes are written first, votes placed while voting, then on to the scene asked for.
        const auto dash = scene.find("-vote") != std::string::npos ? scene.find("-vote") : scene.find("-results");
        harness.go_to(scene.substr(0, dash));
        if (harness.view().in_step()) {
            const auto samples = load_demo_samples(config);
            const auto kind = samples.find(net::contribution_name(harness.view().step_spec().contribution));
            if (kind != samples.end()) harness.add_notes(sample_notes, kind->second, std::max(4, sample_notes / 2));
        }
        while (scenes::scene_name(harness.view()) != scene) {
            if (harness.view().part() == Part::Vote && harness.view().voters(harness.view().step) == 0) harness.add_votes();
            harness.press(EventKind::Next);
        }
        harness.wait(std::chrono::seconds{1});  // past the fade-in
    } else {
        harness.go_to(scene);
    }
    auto surface = ui::make_rgb_surface(size.width, size.height);
    ui::Canvas canvas{surface.get(), fonts};
    const auto rows = help_rows(config);
    scenes::draw_frame(canvas, harness.frame(to_local(harness.clock().wall()), help_overlay, &rows));
    ui::save_png(surface.get(), file);
}

}  // namespace kiosk::app
