#include "kiosk/app/display_power.hpp"

#include <SDL_syswm.h>

#include <cstdio>

#ifdef KIOSK_HAVE_DPMS
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>
#endif

namespace kiosk::app {

DisplayPower::DisplayPower([[maybe_unused]] SDL_Window* window) {
#ifdef KIOSK_HAVE_DPMS
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!window || !SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11) return;
    Display* display = info.info.x11.display;
    int event_base = 0, error_base = 0;
    if (DPMSQueryExtension(display, &event_base, &error_base) && DPMSCapable(display)) m_display = display;
#endif
}

bool DisplayPower::sleep() {
#ifdef KIOSK_HAVE_DPMS
    if (!m_display) return false;
    auto* display = static_cast<Display*>(m_display);
    DPMSEnable(display);
    DPMSForceLevel(display, DPMSModeOff);
    XFlush(display);
    m_asleep = true;
    return true;
#else
    return false;
#endif
}

void DisplayPower::wake() {
#ifdef KIOSK_HAVE_DPMS
    if (!m_display || !m_asleep) return;
    auto* display = static_cast<Display*>(m_display);
    DPMSForceLevel(display, DPMSModeOn);
    // While the kiosk runs the screen must not blank by itself: the server's own timeouts off.
    DPMSDisable(display);
    XFlush(display);
#endif
    m_asleep = false;
}

}  // namespace kiosk::app
