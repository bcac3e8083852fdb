#pragma once
// What SDL finds on this PC, for --doctor: the screens as screen_loop would open them, and the
// sound the chime would use. SDL ends when the probe does.
#include <optional>
#include <string>

#include "kiosk/ui/screen_size.hpp"

namespace kiosk::screen {

struct ScreenFound {
    bool started = false;  // SDL's video started
    std::string error;     // why not
    std::string driver;    // "x11", "wayland", … ("offscreen" and "dummy" show nothing)
    int displays = 0;
    std::optional<ui::ScreenSize> first;  // the first display's desktop size
    bool invisible() const { return driver.empty() || driver == "offscreen" || driver == "dummy"; }
};

struct SoundFound {
    bool started = false;
    std::string error;
    std::string driver;
    int outputs = 0;  // -1: the driver cannot list them, yet plays
};

class SdlProbe {
public:
    SdlProbe() = default;
    SdlProbe(const SdlProbe&) = delete;
    SdlProbe& operator=(const SdlProbe&) = delete;
    ~SdlProbe();

    ScreenFound screens();
    SoundFound sound();
};

}  // namespace kiosk::screen
