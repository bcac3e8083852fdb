#pragma once
// Time sources for the engine and the screen. Injected everywhere so tests step time forward
// instead of sleeping. Safe to read from any thread.
#include <atomic>
#include <chrono>

namespace kiosk {

using Millis = std::chrono::milliseconds;
using WallTime = std::chrono::system_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    // Monotonic time: measures running timers; never jumps when the wall clock is set.
    virtual Millis monotonic() const = 0;
    // Wall-clock time: what the room's clock shows and what the journal records.
    virtual WallTime wall() const = 0;
};

class SystemClock final : public Clock {
public:
    Millis monotonic() const override;
    WallTime wall() const override;
};

// A clock that only moves when told to. Monotonic and wall time advance together.
class FakeClock final : public Clock {
public:
    explicit FakeClock(WallTime wall_start = WallTime{}, Millis mono_start = Millis{1'000'000});
    Millis monotonic() const override { return Millis{m_mono.load()}; }
    WallTime wall() const override { return WallTime{std::chrono::milliseconds{m_wall.load()}}; }
    void advance(Millis by);

private:
    std::atomic<long long> m_mono;
    std::atomic<long long> m_wall;  // milliseconds since the epoch
};

}  // namespace kiosk
