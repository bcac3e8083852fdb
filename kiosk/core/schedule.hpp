#pragma once
// The weekly session slots and the calendar facts the screens show (next slot, ISO week,
// the week's reflection question). Works on civil dates; turning a WallTime into local time
// is the caller's job, so this stays free of time-zone state.
#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct Slot {
    int weekday = 0;       // 0 = Monday ... 6 = Sunday (ISO order)
    int start_minute = 0;  // minutes after midnight, local time
    int end_minute = 0;
    std::string videoframe;  // the format this slot's sessions use ("" = the lobby chooses)
};

struct LocalMoment {
    std::chrono::year_month_day date;
    int minute_of_day = 0;
};

struct UpcomingSlot {
    Slot slot;
    int days_ahead = 0;  // 0 = today, 1 = tomorrow ...
    bool running = false;  // the slot is on now
};

// The slot that is running now, or else the next one to start; nullopt without slots.
std::optional<UpcomingSlot> next_slot(const std::vector<Slot>& slots, const LocalMoment& now);

// ISO 8601 week number (1-53) of a date.
int iso_week(std::chrono::year_month_day date);
// The year its ISO week belongs to (the year of that week's Thursday): 2024-12-30 is 2025-W01.
int iso_week_year(std::chrono::year_month_day date);
// yyyyww of a date's ISO week (ISO year * 100 + week): how the coffee corner and history key weeks.
int iso_yyyyww(std::chrono::year_month_day date);
// ISO weekday of a date, 0 = Monday.
int iso_weekday(std::chrono::year_month_day date);

// "09:00"
std::string format_hhmm(int minute_of_day);

// The learning trajectory: a number of weeks from a start date (kiosk.json schedule.trajectory).
struct Trajectory {
    int start = 0;   // yyyymmdd; 0 = not set (screens then show only the ISO week)
    int weeks = 20;
};

// Which week of the trajectory a date falls in (1-based, counted from the start date's ISO
// week); 0 before the start or without a start; may exceed `weeks` after the end.
int trajectory_week(const Trajectory& trajectory, std::chrono::year_month_day date);

// How many of these session dates fall in the ISO week of `today` (on or before it).
int sessions_in_week(const std::vector<std::chrono::year_month_day>& opened, std::chrono::year_month_day today);

// Opens the lobby by itself when a slot begins: due() is true once per slot, in the first
// `grace` minutes of it (a screen that woke a little late still opens), never twice for the
// same slot on the same day (a group that closed early is not pulled back in).
class SlotOpener {
public:
    explicit SlotOpener(int grace_minutes = 5) : m_grace{grace_minutes} {}
    bool due(const std::vector<Slot>& slots, const LocalMoment& now);

private:
    int m_grace;
    std::optional<std::pair<int, int>> m_opened;  // days since epoch, start minute
};

// When the slot that starts `now` began: the minute of a slot's start (for opening the lobby
// by itself). nullopt when no slot starts at this minute.
std::optional<Slot> slot_starting(const std::vector<Slot>& slots, const LocalMoment& now);

// The coffee corner's opening hours (kiosk.json coffee.hours): outside them the screen sleeps.
// Per ISO weekday, ranges of [start, end) minutes in local time; no ranges at all = always open.
struct OpeningHours {
    std::array<std::vector<std::pair<int, int>>, 7> days{};

    bool always() const;
    bool open_at(const LocalMoment& now) const;
    // The local moment of the next opening after `now` (within 8 days); nullopt when always open
    // or never open.
    std::optional<LocalMoment> next_opening(const LocalMoment& now) const;
};

// The local moment the next slot starts after `now` (not one running now); nullopt without slots.
std::optional<LocalMoment> next_slot_start(const std::vector<Slot>& slots, const LocalMoment& now);

}  // namespace kiosk
