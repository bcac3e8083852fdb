#pragma once
#include <string>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/schedule.hpp"

namespace kiosk {

// The wall clock in the machine's time zone (TZ), as the schedule and the idle clock use it.
LocalMoment to_local(WallTime time);

// The wall-clock moment of a local date and minute (mktime decides a time that a DST change
// skips or repeats).
WallTime wall_of(const LocalMoment& local);

// The local date and time as text: "2026-11-23 09:00" with the default separators, or
// "2026-11-23_0900" with separator '_' and no colon (file names).
std::string local_text(WallTime time, char separator = ' ', bool colon = true);

}  // namespace kiosk
