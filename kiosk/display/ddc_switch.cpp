#include "kiosk/display/ddc_switch.hpp"

#include <ddcutil_c_api.h>
#include <dlfcn.h>

#include <functional>

namespace kiosk::display {

namespace {

constexpr DDCA_Vcp_Feature_Code k_power_mode = 0xD6;

// libddcutil, loaded when a DDC/CI monitor is first switched, not with the kiosk: on loading it
// looks for video cards and says so on stderr, which a kiosk that switches no monitor this way
// (or a build machine without /sys/class/drm) should not print.
struct Ddcutil {
    decltype(&ddca_rc_name) rc_name = nullptr;
    decltype(&ddca_get_display_info_list2) list = nullptr;
    decltype(&ddca_free_display_info_list) free_list = nullptr;
    decltype(&ddca_open_display2) open = nullptr;
    decltype(&ddca_close_display) close = nullptr;
    decltype(&ddca_get_non_table_vcp_value) get_value = nullptr;
    decltype(&ddca_set_non_table_vcp_value) set_value = nullptr;
    std::string problem;  // why it could not be loaded
};

template <typename F>
void bind(void* library, const char* name, F& function, std::string& problem) {
    function = reinterpret_cast<F>(::dlsym(library, name));
    if (!function && problem.empty()) problem = std::string{"libddcutil has no "} + name;
}

const Ddcutil& ddcutil() {
    static const Ddcutil loaded = [] {
        Ddcutil d;
        void* library = ::dlopen("libddcutil.so.4", RTLD_NOW | RTLD_LOCAL);
        if (!library) {
            d.problem = "libddcutil is not installed (apt install libddcutil4)";
            return d;
        }
        bind(library, "ddca_rc_name", d.rc_name, d.problem);
        bind(library, "ddca_get_display_info_list2", d.list, d.problem);
        bind(library, "ddca_free_display_info_list", d.free_list, d.problem);
        bind(library, "ddca_open_display2", d.open, d.problem);
        bind(library, "ddca_close_display", d.close, d.problem);
        bind(library, "ddca_get_non_table_vcp_value", d.get_value, d.problem);
        bind(library, "ddca_set_non_table_vcp_value", d.set_value, d.problem);
        return d;  // kept loaded for the process's life
    }();
    return loaded;
}

std::string problem_of(const char* what, DDCA_Status status) {
    const char* name = ddcutil().rc_name(status);
    return std::string{what} + " (" + (name ? name : std::to_string(status)) + ")";
}

// Opens the first monitor that speaks DDC/CI, runs `work` with it, closes it; the problem when
// there is none or it cannot be opened.
std::string with_monitor(const std::function<std::string(const Ddcutil&, DDCA_Display_Handle)>& work) {
    const auto& d = ddcutil();
    if (!d.problem.empty()) return d.problem;
    DDCA_Display_Info_List* monitors = nullptr;
    if (const auto status = d.list(false, &monitors); status != 0) return problem_of("cannot list the monitors", status);
    std::string problem;
    if (!monitors || monitors->ct < 1) {
        problem = "no monitor answers DDC/CI (is the i2c-dev module loaded, /dev/i2c-* open to the kiosk, DDC/CI on in the monitor's menu?)";
    } else {
        DDCA_Display_Handle handle = nullptr;
        if (const auto status = d.open(monitors->info[0].dref, false, &handle); status != 0) {
            problem = problem_of("cannot open the monitor", status);
        } else {
            problem = work(d, handle);
            d.close(handle);
        }
    }
    d.free_list(monitors);
    return problem;
}

}  // namespace

SwitchResult DdcSwitch::set_power(bool on) {
    const auto problem = with_monitor([on](const Ddcutil& d, DDCA_Display_Handle handle) -> std::string {
        const auto status = d.set_value(handle, k_power_mode, 0, on ? 1 : 4);
        return status == 0 ? "" : problem_of("the monitor refused the power mode", status);
    });
    return {problem.empty(), problem};
}

StateResult DdcSwitch::state() {
    StateResult result;
    result.error = with_monitor([&result](const Ddcutil& d, DDCA_Display_Handle handle) -> std::string {
        DDCA_Non_Table_Vcp_Value value{};
        if (const auto status = d.get_value(handle, k_power_mode, &value); status != 0)
            return problem_of("the monitor does not say its power mode", status);
        result.state = value.sl == 1 ? PowerState::On : PowerState::Off;
        return "";
    });
    return result;
}

}  // namespace kiosk::display
