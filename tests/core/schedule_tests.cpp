#include <catch2/catch.hpp>

#include "kiosk/core/schedule.hpp"

using namespace kiosk;
using namespace std::chrono;

namespace {
const std::vector<Slot> k_week{{0, 540, 600, ""}, {1, 540, 600, ""}, {3, 540, 600, ""}, {4, 540, 600, ""}};
LocalMoment at(year_month_day date, int hour, int minute) { return {date, hour * 60 + minute}; }
}  // namespace

TEST_CASE("ISO week numbers follow the Thursday rule across year ends") {
    CHECK(iso_week(2026y / November / 22) == 47);
    CHECK(iso_week(2026y / January / 1) == 1);   // a Thursday
    CHECK(iso_week(2027y / January / 1) == 53);  // a Friday, still week 53 of 2026
    CHECK(iso_week(2024y / December / 30) == 1); // a Monday, week 1 of 2025
    CHECK(iso_week(2021y / January / 3) == 53);  // a Sunday, week 53 of 2020
}

TEST_CASE("The next slot is later today, later this week or next week") {
    // 2026-11-23 is a Monday.
    auto next = next_slot(k_week, at(2026y / November / 23, 8, 0));
    REQUIRE(next);
    CHECK(next->days_ahead == 0);
    CHECK_FALSE(next->running);

    next = next_slot(k_week, at(2026y / November / 23, 9, 30));
    REQUIRE(next);
    CHECK(next->running);

    next = next_slot(k_week, at(2026y / November / 24, 10, 0));  // Tuesday, just over
    REQUIRE(next);
    CHECK(next->slot.weekday == 3);
    CHECK(next->days_ahead == 2);

    next = next_slot(k_week, at(2026y / November / 27, 11, 0));  // Friday after the slot
    REQUIRE(next);
    CHECK(next->slot.weekday == 0);
    CHECK(next->days_ahead == 3);

    CHECK_FALSE(next_slot({}, at(2026y / November / 23, 8, 0)));
    CHECK(next_slot({{6, 600, 660, ""}}, at(2026y / November / 22, 12, 0))->days_ahead == 7);
}

TEST_CASE("Times show as HH:MM") {
    CHECK(format_hhmm(540) == "09:00");
    CHECK(format_hhmm(23 * 60 + 5) == "23:05");
}

TEST_CASE("The ISO week's year is its Thursday's") {
    using namespace std::chrono;
    CHECK(iso_week_year(2024y / December / 30) == 2025);
    CHECK(iso_week(2024y / December / 30) == 1);
    CHECK(iso_week_year(2021y / January / 1) == 2020);
    CHECK(iso_week_year(2026y / November / 22) == 2026);
}

TEST_CASE("Trajectory weeks count ISO weeks from the start, across year ends") {
    using namespace std::chrono;
    const Trajectory trajectory{20260907, 20};  // a Monday
    CHECK(trajectory_week(trajectory, 2026y / September / 7) == 1);
    CHECK(trajectory_week(trajectory, 2026y / September / 13) == 1);  // Sunday, same ISO week
    CHECK(trajectory_week(trajectory, 2026y / September / 14) == 2);
    CHECK(trajectory_week(trajectory, 2026y / November / 22) == 11);
    CHECK(trajectory_week(trajectory, 2026y / December / 31) == 17);  // Thursday of 2026-W53
    CHECK(trajectory_week(trajectory, 2027y / January / 4) == 18);    // Monday of 2027-W01
    CHECK(trajectory_week(trajectory, 2026y / September / 6) == 0);   // before the start
    CHECK(trajectory_week(Trajectory{}, 2026y / September / 7) == 0); // no start set
    // A start on a Wednesday counts its whole ISO week as week 1.
    CHECK(trajectory_week(Trajectory{20241231, 20}, 2024y / December / 30) == 1);  // 2025-W01
    CHECK(trajectory_week(Trajectory{20241231, 20}, 2025y / January / 6) == 2);
}

TEST_CASE("A slot starts at its own minute on its own weekday only") {
    using namespace std::chrono;
    const std::vector<Slot> slots{{0, 9 * 60, 10 * 60, ""}, {3, 9 * 60, 10 * 60, ""}};
    CHECK(slot_starting(slots, {2026y / November / 23, 9 * 60}));        // Monday 09:00
    CHECK_FALSE(slot_starting(slots, {2026y / November / 23, 9 * 60 + 1}));
    CHECK_FALSE(slot_starting(slots, {2026y / November / 24, 9 * 60}));  // Tuesday
    CHECK(slot_starting(slots, {2026y / November / 26, 9 * 60}));        // Thursday
}

TEST_CASE("The lobby opens by itself once when a slot begins") {
    const std::vector<Slot> slots{{0, 9 * 60, 10 * 60, ""}};  // Monday 09:00-10:00
    SlotOpener opener;
    CHECK_FALSE(opener.due(slots, at(2026y / November / 23, 8, 59)));
    CHECK(opener.due(slots, at(2026y / November / 23, 9, 0)));
    CHECK_FALSE(opener.due(slots, at(2026y / November / 23, 9, 1)));  // once per slot
    CHECK_FALSE(opener.due(slots, at(2026y / November / 23, 9, 30))); // the group closed early: stays idle
    CHECK(opener.due(slots, at(2026y / November / 30, 9, 2)));        // next Monday, woke two minutes late
    SlotOpener late;
    CHECK_FALSE(late.due(slots, at(2026y / November / 23, 9, 5)));    // beyond the grace: not pulled in mid-slot
}

TEST_CASE("Sessions this week count the dates in the same ISO week, across a year end") {
    const std::vector<year_month_day> opened{2026y / December / 28, 2026y / December / 31, 2027y / January / 1,
                                             2027y / January / 4, 2026y / December / 21};
    CHECK(sessions_in_week(opened, 2027y / January / 1) == 3);  // Mon 28, Thu 31, Fri 1: 2026-W53
    CHECK(sessions_in_week(opened, 2026y / December / 31) == 2); // not counting a later day
    CHECK(sessions_in_week(opened, 2027y / January / 4) == 1);   // 2027-W01
}
