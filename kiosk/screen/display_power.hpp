#pragma once
// Switches the room's display off in the coffee corner's night hours and on again
// (kiosk.json display.power): X11 DPMS on the window's own X server ("dpms", on the screen's
// thread: it is one quick request), or a projector, TV or monitor through PJLink, HDMI-CEC or
// DDC/CI on a worker thread that never holds up the screen. Where nothing can switch it
// ("none", DPMS without X11 as under cage) the night is a black frame on a lit display.
#include <SDL.h>

#include <memory>
#include <string>

#include "kiosk/display/power_settings.hpp"
#include "kiosk/display/power_worker.hpp"

namespace kiosk::screen {

class DisplayPower {
public:
    DisplayPower(SDL_Window* window, const display::PowerSettings& settings);
    // Asks the display to sleep; how, for the log ("monitor asleep through DPMS", "display off
    // through PJLink 192.0.2.40:4352"), or "" when nothing can switch it (a black frame only).
    std::string sleep();
    void wake();
    bool asleep() const { return m_asleep; }
    // Whether the display needs time to come on (a projector's lamp): then wake() comes
    // warmup_seconds before the screen has something to show.
    bool warms_up() const { return m_worker != nullptr && m_warmup_seconds > 0; }
    int warmup_seconds() const { return m_warmup_seconds; }

private:
    void* m_display = nullptr;  // the X11 Display, when DPMS is the method and the server has it
    std::unique_ptr<display::PowerWorker> m_worker;  // PJLink, CEC, DDC/CI
    int m_warmup_seconds = 0;
    bool m_asleep = false;
};

}  // namespace kiosk::screen
