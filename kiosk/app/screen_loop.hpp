#pragma once
// The kiosk on a real display: the window, the frame loop on the main thread, the keys, and
// the engine on its own thread behind an inbox.
#include <optional>
#include <stdexcept>
#include <string>

#include "kiosk/app/command_line.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/ui/font_locator.hpp"
#include "scenes/scene.hpp"

namespace kiosk::app {

class DisplayError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct ScreenSetup {
    const Config& config;
    const scenes::Room& room;
    ui::FontFiles fonts;
    bool fullscreen = true;
    ScreenSize size;
    std::optional<std::string> start_scene;
    bool print_first_frame = false;
};

// Runs until Ctrl+Alt+Q, the window is closed, or SIGINT/SIGTERM. Throws DisplayError when
// there is no display to show on.
void run_screen(const ScreenSetup& setup);

}  // namespace kiosk::app
