#pragma once
// A monitor through DDC/CI (VCP feature 0xD6, power mode: 1 on, 4 off) over the video cable's
// I2C bus, through libddcutil. Needs the i2c-dev module and read-write /dev/i2c-* for the
// kiosk's user (the package's udev rule, README "Display power").
#include "kiosk/display/display_switch.hpp"

namespace kiosk::display {

class DdcSwitch : public DisplaySwitch {
public:
    SwitchResult set_power(bool on) override;
    StateResult state() override;
    std::string name() const override { return "DDC/CI"; }
};

}  // namespace kiosk::display
