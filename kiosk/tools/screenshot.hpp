#pragma once
// --screenshot: one scene rendered without any display into a PNG file.
#include <filesystem>
#include <string>

#include "kiosk/tools/usage_error.hpp"
#include "kiosk/ui/screen_size.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/ui/font_locator.hpp"
#include "scenes/scene.hpp"

namespace kiosk::tools {

// Throws UsageError for an unknown scene name, SdlError when the file cannot be written.
// With sample_notes > 0 (--demo N) the step shows that many notes from config/demo.<lang>.json.
void write_screenshot(const Config& config, const scenes::Room& room, const ui::FontFiles& fonts,
                      const std::string& scene, ui::ScreenSize size, bool help_overlay, int sample_notes,
                      const std::filesystem::path& file);

}  // namespace kiosk::tools
