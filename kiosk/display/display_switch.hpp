#pragma once
// One way of switching a display's power: a projector over PJLink, a TV over HDMI-CEC, a
// monitor over DDC/CI. Each call may block for a few seconds (a network, a bus): callers off
// the screen's thread use them (PowerWorker), or the doctor, which may wait.
#include <memory>
#include <string>

#include "kiosk/display/power_settings.hpp"

namespace kiosk::display {

enum class PowerState { Unknown, On, Off, WarmingUp, CoolingDown };
std::string_view to_string(PowerState state);

// What a call achieved; `error` is one line for the log and the doctor when it failed.
struct SwitchResult {
    bool ok = false;
    std::string error;
};

struct StateResult {
    PowerState state = PowerState::Unknown;
    std::string error;   // why the state is unknown
    std::string detail;  // more for the doctor ("lamp 1: 1234 h, on")
};

class DisplaySwitch {
public:
    virtual ~DisplaySwitch() = default;
    virtual SwitchResult set_power(bool on) = 0;
    virtual StateResult state() = 0;
    // How it reaches the display, for the log: "PJLink 192.0.2.40:4352", "HDMI-CEC", "DDC/CI".
    virtual std::string name() const = 0;
};

// The switch for `settings` (PJLink, CEC, DDC/CI); nullptr for dpms and none, which need no
// switch of their own (DPMS goes through the X server the window is on).
std::unique_ptr<DisplaySwitch> make_switch(const PowerSettings& settings);

}  // namespace kiosk::display
