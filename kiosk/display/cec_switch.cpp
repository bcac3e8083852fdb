#include "kiosk/display/cec_switch.hpp"

#include <libcec/cec.h>  // declares CEC::ICECAdapter, which the C API below names
#include <libcec/cecc.h>

#include <cstring>
#include <functional>

namespace kiosk::display {

namespace {

using namespace CEC;

// Opens the first CEC adapter, runs `work` with the connection, closes it; the problem when
// there is no adapter or it cannot be opened.
std::string with_adapter(const std::function<std::string(libcec_connection_t)>& work) {
    libcec_configuration config;
    libcec_clear_configuration(&config);
    config.clientVersion = LIBCEC_VERSION_CURRENT;
    std::strncpy(config.strDeviceName, "Vitale", sizeof config.strDeviceName - 1);
    config.deviceTypes.Add(CEC_DEVICE_TYPE_RECORDING_DEVICE);
    config.bActivateSource = 0;  // the kiosk does not take the TV's input
    libcec_connection_t connection = libcec_initialise(&config);
    if (!connection) return "libcec could not start";
    std::string problem;
    cec_adapter_descriptor adapters[4];
    const int8_t found = libcec_detect_adapters(connection, adapters, 4, nullptr, 1);
    if (found < 1) problem = "no CEC adapter found (a USB CEC adapter, or an HDMI port with CEC)";
    else if (!libcec_open(connection, adapters[0].strComName, 5000))
        problem = std::string{"cannot open the CEC adapter "} + adapters[0].strComName;
    else {
        problem = work(connection);
        libcec_close(connection);
    }
    libcec_destroy(connection);
    return problem;
}

}  // namespace

SwitchResult CecSwitch::set_power(bool on) {
    const auto problem = with_adapter([on](libcec_connection_t connection) -> std::string {
        const int done = on ? libcec_power_on_devices(connection, CECDEVICE_TV) : libcec_standby_devices(connection, CECDEVICE_TV);
        return done ? "" : std::string{"the TV did not take "} + (on ? "power on" : "standby");
    });
    return {problem.empty(), problem};
}

StateResult CecSwitch::state() {
    StateResult result;
    result.error = with_adapter([&result](libcec_connection_t connection) -> std::string {
        switch (libcec_get_device_power_status(connection, CECDEVICE_TV)) {
        case CEC_POWER_STATUS_ON: result.state = PowerState::On; return "";
        case CEC_POWER_STATUS_STANDBY: result.state = PowerState::Off; return "";
        case CEC_POWER_STATUS_IN_TRANSITION_STANDBY_TO_ON: result.state = PowerState::WarmingUp; return "";
        case CEC_POWER_STATUS_IN_TRANSITION_ON_TO_STANDBY: result.state = PowerState::CoolingDown; return "";
        default: return "the TV does not say its power state";
        }
    });
    return result;
}

}  // namespace kiosk::display
