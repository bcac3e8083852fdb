#pragma once
// "week 7 van 20 · sessie 3 van 4" for the screens: the trajectory's week (or the ISO week when
// no trajectory is set) and this week's session out of the week's slots.
#include <string>

#include "kiosk/config/config_loader.hpp"

namespace kiosk::app {

// `held`: sessions opened this ISO week so far (the open one included). Between sessions the
// line counts the next one.
std::string week_line(const Config& config, const LocalMoment& local, int held, bool session_open);

}  // namespace kiosk::app
