#pragma once
// "week 7 van 20 · sessie 3 van 4" for the screens: the trajectory's week (or the ISO week when
// no trajectory is set) and this week's session out of the week's slots.
#include <cstddef>
#include <string>

#include "kiosk/core/schedule.hpp"
#include "kiosk/core/strings.hpp"

namespace kiosk {

// `held`: sessions opened this ISO week so far (the open one included). Between sessions the
// line counts the next one. `slots`: the schedule's slots a week (none configured: four).
std::string week_line(const Strings& strings, const Trajectory& trajectory, std::size_t slots, const LocalMoment& local,
                      int held, bool session_open);

}  // namespace kiosk
