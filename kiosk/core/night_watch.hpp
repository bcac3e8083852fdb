#pragma once
// The coffee corner's night and weekend (kiosk.json coffee.hours): outside the opening hours the
// idle screen goes black and the kiosk sleeps until the next opening or the next session slot,
// whichever comes first; a key press wakes it for five minutes. A session is never night.
#include <optional>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/schedule.hpp"

namespace kiosk {

class NightWatch {
public:
    static constexpr Millis k_awake{std::chrono::minutes{5}};

    NightWatch(OpeningHours hours, std::vector<Slot> slots) : m_hours{std::move(hours)}, m_slots{std::move(slots)} {}

    // Whether the screen sleeps now: idle, outside the hours, and not woken in the last 5 minutes.
    bool night(const LocalMoment& local, Millis now, bool idle) const {
        return idle && !m_hours.open_at(local) && now >= m_awake_until;
    }
    // A key was pressed at night: awake for five minutes (then night again if still closed).
    void woken(Millis now) { m_awake_until = now + k_awake; }
    Millis awake_until() const { return m_awake_until; }

    // When the night ends by itself (local time): the next opening or the next slot's start,
    // whichever is first; nullopt when neither comes (never open, no slots).
    std::optional<LocalMoment> night_ends(const LocalMoment& local) const {
        const auto opening = m_hours.next_opening(local);
        const auto slot = next_slot_start(m_slots, local);
        if (!opening) return slot;
        if (!slot) return opening;
        return later(*opening, *slot) ? slot : opening;
    }

private:
    static bool later(const LocalMoment& a, const LocalMoment& b) {
        return std::chrono::sys_days{a.date} != std::chrono::sys_days{b.date} ? std::chrono::sys_days{a.date} > std::chrono::sys_days{b.date}
                                                                              : a.minute_of_day > b.minute_of_day;
    }

    OpeningHours m_hours;
    std::vector<Slot> m_slots;
    Millis m_awake_until{0};
};

}  // namespace kiosk
