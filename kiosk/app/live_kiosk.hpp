#pragma once
// The kiosk for real: engine on its thread, the phones' HTTP server, optional demo phones,
// and the screen on the main thread, wired together and shut down in the right order.
#include <filesystem>

#include "kiosk/app/command_line.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/ui/font_locator.hpp"
#include "scenes/scene.hpp"

namespace kiosk::app {

struct LiveSetup {
    const Config& config;
    const Options& options;
    ui::FontFiles fonts;
    ScreenSize size;
    std::filesystem::path data_dir;
};

void run_live_kiosk(const LiveSetup& setup);

// The room as the scenes know it, with the phone URL for `port`.
scenes::Room room_for(const Config& config, int port);

}  // namespace kiosk::app
