#pragma once
// Puts the monitor to sleep in the coffee corner's night hours and wakes it again, where the
// display server allows it (X11 with the DPMS extension). Elsewhere (Wayland, no DPMS) sleep()
// returns false and the screen shows a black frame instead.
#include <SDL.h>

namespace kiosk::app {

class DisplayPower {
public:
    explicit DisplayPower(SDL_Window* window);
    // True when the monitor was told to sleep.
    bool sleep();
    void wake();
    bool asleep() const { return m_asleep; }

private:
    void* m_display = nullptr;  // the X11 Display, when there is one with DPMS
    bool m_asleep = false;
};

}  // namespace kiosk::app
