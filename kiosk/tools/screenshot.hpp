#pragma once
// --screenshot: one scene rendered without any display into a PNG file.
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/tools/usage_error.hpp"
#include "kiosk/ui/screen_size.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/ui/canvas.hpp"
#include "kiosk/ui/font_locator.hpp"
#include "scenes/scene.hpp"

namespace kiosk::tools {

// Throws UsageError for an unknown scene name, SdlError when the file cannot be written.
// With sample_notes > 0 (--demo N) the step shows that many notes from config/demo.<lang>.json.
void write_screenshot(const Config& config, const scenes::Room& room, const ui::FontFiles& fonts,
                      const std::string& scene, ui::ScreenSize size, bool help_overlay, int sample_notes,
                      const std::filesystem::path& file);

// The same scene drawn onto `canvas` (the picture's size is the canvas's) as it looks at `at`
// (the week's question and line follow the date): for the projector-size check, which reads the
// canvas's layout log instead of a file.
void draw_screenshot(const Config& config, const scenes::Room& room, ui::Canvas& canvas, const std::string& scene,
                     bool help_overlay, int sample_notes, WallTime at);

// --screenshot DIR --videoframe ID: every scene of one format of the library (a draft too) and
// each of its surprise cards, for the person who reviews it before setting it ready. Returns the
// files written (DIR/<id>-<scene>.png, DIR/<id>-<stage>-card<N>.png). UsageError for an unknown id.
std::vector<std::filesystem::path> write_videoframe_screenshots(const Config& config, const scenes::Room& room,
                                                                const ui::FontFiles& fonts, const std::string& id,
                                                                ui::ScreenSize size, const std::filesystem::path& dir);

}  // namespace kiosk::tools
