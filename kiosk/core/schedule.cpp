#include "kiosk/core/schedule.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk {

using namespace std::chrono;

int iso_weekday(year_month_day date) {
    return static_cast<int>(weekday{sys_days{date}}.iso_encoding()) - 1;
}

int iso_week(year_month_day date) {
    // The ISO week belongs to the year of its Thursday; week 1 holds that year's 4 January.
    const sys_days day{date};
    const sys_days thursday = day + days{3 - iso_weekday(date)};
    const year_month_day thursday_date{thursday};
    const sys_days first_of_year{thursday_date.year() / January / 1};
    return static_cast<int>((thursday - first_of_year).count() / 7) + 1;
}

int iso_week_year(year_month_day date) {
    const sys_days day{date};
    return static_cast<int>(year_month_day{day + days{3 - iso_weekday(date)}}.year());
}

int iso_yyyyww(year_month_day date) { return iso_week_year(date) * 100 + iso_week(date); }

std::optional<UpcomingSlot> next_slot(const std::vector<Slot>& slots, const LocalMoment& now) {
    std::optional<UpcomingSlot> best;
    int best_distance = 0;
    const int today = iso_weekday(now.date);
    for (const auto& slot : slots) {
        const int days_ahead = (slot.weekday - today + 7) % 7;
        if (days_ahead == 0 && now.minute_of_day >= slot.start_minute &&
            now.minute_of_day < slot.end_minute)
            return UpcomingSlot{slot, 0, true};
        // A slot earlier today that is over comes round again next week.
        const int ahead = (days_ahead == 0 && now.minute_of_day >= slot.end_minute) ? 7 : days_ahead;
        const int distance = ahead * 24 * 60 + slot.start_minute - now.minute_of_day;
        if (!best || distance < best_distance) {
            best = UpcomingSlot{slot, ahead, false};
            best_distance = distance;
        }
    }
    return best;
}

std::string format_hhmm(int minute_of_day) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", (minute_of_day / 60) % 100, minute_of_day % 60);
    return text;
}

int trajectory_week(const Trajectory& trajectory, std::chrono::year_month_day date) {
    if (trajectory.start <= 0) return 0;
    using namespace std::chrono;
    const year_month_day start{year{trajectory.start / 10000}, month{static_cast<unsigned>(trajectory.start / 100 % 100)},
                               day{static_cast<unsigned>(trajectory.start % 100)}};
    // Mondays of both ISO weeks; whole weeks between them (works across year ends).
    const auto monday = [](year_month_day d) { return sys_days{d} - days{iso_weekday(d)}; };
    const auto weeks_between = (monday(date) - monday(start)).count() / 7;
    return weeks_between < 0 ? 0 : static_cast<int>(weeks_between) + 1;
}

std::optional<Slot> slot_starting(const std::vector<Slot>& slots, const LocalMoment& now) {
    const int weekday = iso_weekday(now.date);
    for (const auto& slot : slots)
        if (slot.weekday == weekday && slot.start_minute == now.minute_of_day) return slot;
    return std::nullopt;
}

bool SlotOpener::due(const std::vector<Slot>& slots, const LocalMoment& now) {
    const int weekday = iso_weekday(now.date);
    const int day = static_cast<int>(std::chrono::sys_days{now.date}.time_since_epoch().count());
    for (const auto& slot : slots) {
        if (slot.weekday != weekday) continue;
        const int into = now.minute_of_day - slot.start_minute;
        if (into < 0 || into >= m_grace || now.minute_of_day >= slot.end_minute) continue;
        const std::pair<int, int> occurrence{day, slot.start_minute};
        if (m_opened == occurrence) return false;
        m_opened = occurrence;
        return true;
    }
    return false;
}

int sessions_in_week(const std::vector<std::chrono::year_month_day>& opened, std::chrono::year_month_day today) {
    const int week = iso_week(today), year = iso_week_year(today);
    int count = 0;
    for (const auto& date : opened)
        if (iso_week(date) == week && iso_week_year(date) == year && std::chrono::sys_days{date} <= std::chrono::sys_days{today}) ++count;
    return count;
}

bool OpeningHours::always() const {
    return std::all_of(days.begin(), days.end(), [](const auto& ranges) { return ranges.empty(); });
}

bool OpeningHours::open_at(const LocalMoment& now) const {
    if (always()) return true;
    for (const auto& [start, end] : days[static_cast<std::size_t>(iso_weekday(now.date))])
        if (now.minute_of_day >= start && now.minute_of_day < end) return true;
    return false;
}

std::optional<LocalMoment> OpeningHours::next_opening(const LocalMoment& now) const {
    if (always()) return std::nullopt;
    const std::chrono::sys_days today{now.date};
    for (int ahead = 0; ahead <= 7; ++ahead) {
        const std::chrono::year_month_day date{today + std::chrono::days{ahead}};
        std::optional<int> first;
        for (const auto& [start, end] : days[static_cast<std::size_t>(iso_weekday(date))])
            if ((ahead > 0 || start > now.minute_of_day) && (!first || start < *first)) first = start;
        if (first) return LocalMoment{date, *first};
    }
    return std::nullopt;
}

std::optional<LocalMoment> next_slot_start(const std::vector<Slot>& slots, const LocalMoment& now) {
    const std::chrono::sys_days today{now.date};
    for (int ahead = 0; ahead <= 7; ++ahead) {
        const std::chrono::year_month_day date{today + std::chrono::days{ahead}};
        std::optional<int> first;
        for (const auto& slot : slots)
            if (slot.weekday == iso_weekday(date) && (ahead > 0 || slot.start_minute > now.minute_of_day) &&
                (!first || slot.start_minute < *first))
                first = slot.start_minute;
        if (first) return LocalMoment{date, *first};
    }
    return std::nullopt;
}

}  // namespace kiosk
