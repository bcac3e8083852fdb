#pragma once
#include "kiosk/core/clock.hpp"
#include "kiosk/core/schedule.hpp"

namespace kiosk::app {

// The wall clock in the machine's time zone (TZ), as the schedule and the idle clock use it.
LocalMoment to_local(WallTime time);

}  // namespace kiosk::app
