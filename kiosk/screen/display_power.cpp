#include "kiosk/screen/display_power.hpp"

#include <SDL_syswm.h>

#include <cstdio>

#ifdef KIOSK_HAVE_DPMS
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>
#endif

#include "kiosk/display/display_switch.hpp"

namespace kiosk::screen {

DisplayPower::DisplayPower([[maybe_unused]] SDL_Window* window, const display::PowerSettings& settings)
    : m_warmup_seconds{settings.warmup_seconds} {
    if (auto device = display::make_switch(settings)) {
        m_worker = std::make_unique<display::PowerWorker>(std::move(device));
        return;
    }
#ifdef KIOSK_HAVE_DPMS
    if (settings.method != display::PowerMethod::Dpms) return;
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!window || !SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11) return;
    Display* x_display = info.info.x11.display;
    int event_base = 0, error_base = 0;
    if (DPMSQueryExtension(x_display, &event_base, &error_base) && DPMSCapable(x_display)) m_display = x_display;
#endif
}

std::string DisplayPower::sleep() {
    if (m_worker) {
        m_worker->want(false);
        m_asleep = true;
        return "display off through " + m_worker->name();
    }
#ifdef KIOSK_HAVE_DPMS
    if (!m_display) return "";
    auto* x_display = static_cast<Display*>(m_display);
    DPMSEnable(x_display);
    DPMSForceLevel(x_display, DPMSModeOff);
    XFlush(x_display);
    m_asleep = true;
    return "monitor asleep through DPMS";
#else
    return "";
#endif
}

void DisplayPower::wake() {
    if (m_worker) {
        m_worker->want(true);
        m_asleep = false;
        return;
    }
#ifdef KIOSK_HAVE_DPMS
    if (!m_display || !m_asleep) return;
    auto* x_display = static_cast<Display*>(m_display);
    DPMSForceLevel(x_display, DPMSModeOn);
    // While the kiosk runs the screen must not blank by itself: the server's own timeouts off.
    DPMSDisable(x_display);
    XFlush(x_display);
#endif
    m_asleep = false;
}

}  // namespace kiosk::screen
