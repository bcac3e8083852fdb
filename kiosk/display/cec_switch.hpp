#pragma once
// A TV or projector on HDMI-CEC, through libcec and a CEC adapter (a Pulse-Eight USB adapter, a
// Raspberry Pi's own HDMI): "standby" to the TV (logical address 0) at night, "power on" in
// the morning. Each call opens the adapter and closes it again (twice a day; no thread of
// libcec's stays behind).
#include "kiosk/display/display_switch.hpp"

namespace kiosk::display {

class CecSwitch : public DisplaySwitch {
public:
    SwitchResult set_power(bool on) override;
    StateResult state() override;
    std::string name() const override { return "HDMI-CEC"; }
};

}  // namespace kiosk::display
