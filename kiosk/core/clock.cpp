#include "kiosk/core/clock.hpp"

namespace kiosk {

Millis SystemClock::monotonic() const {
    return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now().time_since_epoch());
}

WallTime SystemClock::wall() const { return std::chrono::system_clock::now(); }

FakeClock::FakeClock(WallTime wall_start, Millis mono_start)
    : m_mono{mono_start.count()},
      m_wall{std::chrono::duration_cast<Millis>(wall_start.time_since_epoch()).count()} {}

void FakeClock::advance(Millis by) {
    m_mono += by.count();
    m_wall += by.count();
}

}  // namespace kiosk
