#include "kiosk/display/display_switch.hpp"

#include "kiosk/display/cec_switch.hpp"
#include "kiosk/display/ddc_switch.hpp"
#include "kiosk/display/pjlink.hpp"

namespace kiosk::display {

std::string_view to_string(PowerState state) {
    switch (state) {
    case PowerState::On: return "on";
    case PowerState::Off: return "off (standby)";
    case PowerState::WarmingUp: return "warming up";
    case PowerState::CoolingDown: return "cooling down";
    case PowerState::Unknown: break;
    }
    return "unknown";
}

std::unique_ptr<DisplaySwitch> make_switch(const PowerSettings& settings) {
    switch (settings.method) {
    case PowerMethod::Pjlink: return std::make_unique<PjlinkSwitch>(settings.host, settings.port, settings.password);
    case PowerMethod::Cec: return std::make_unique<CecSwitch>();
    case PowerMethod::Ddc: return std::make_unique<DdcSwitch>();
    case PowerMethod::Dpms:
    case PowerMethod::None: break;
    }
    return nullptr;
}

}  // namespace kiosk::display
