#include "kiosk/core/view.hpp"

#include <algorithm>

namespace kiosk {

Millis View::remaining(Millis now) const {
    if (!in_step()) return Millis{0};
    if (timer.paused) return timer.remaining_paused;
    return std::max(Millis{0}, timer.deadline - now);
}

bool View::in_warning(Millis now) const { return in_step() && remaining(now) <= warning; }

}  // namespace kiosk
