#pragma once
// How the kiosk switches the room's display off at night and on again (kiosk.json
// "display": {"power": {...}}). Plain data: the config reads it, kiosk_display acts on it.
#include <string>
#include <string_view>

#include "kiosk/core/enum_names.hpp"

namespace kiosk::display {

enum class PowerMethod {
    Dpms,    // X11 DPMS: the monitor of the X server the kiosk draws on (today's default)
    Pjlink,  // a projector on the network, PJLink class 1 over TCP
    Cec,     // a TV or projector on HDMI-CEC, through libcec and a CEC adapter
    Ddc,     // a monitor through DDC/CI over the video cable's I2C, through libddcutil
    None,    // a black frame only
};

struct PowerSettings {
    PowerMethod method = PowerMethod::Dpms;
    std::string host;       // pjlink: the projector's address
    int port = 4352;        // pjlink
    std::string password;   // pjlink: empty when the projector asks none
    int warmup_seconds = 60;  // on again this long before the screen has something to show
};

inline const EnumNames<PowerMethod>& power_method_names() {
    static const EnumNames<PowerMethod> names{{"dpms", PowerMethod::Dpms}, {"pjlink", PowerMethod::Pjlink},
                                              {"cec", PowerMethod::Cec},   {"ddc", PowerMethod::Ddc},
                                              {"none", PowerMethod::None}};
    return names;
}

inline std::string_view to_string(PowerMethod method) { return name_of(method, power_method_names()); }

}  // namespace kiosk::display
