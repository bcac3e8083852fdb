#include <catch2/catch.hpp>

#include "kiosk/core/schedule.hpp"

using namespace kiosk;
using namespace std::chrono;

namespace {
const std::vector<Slot> k_week{{0, 540, 600}, {1, 540, 600}, {3, 540, 600}, {4, 540, 600}};
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
    CHECK(next_slot({{6, 600, 660}}, at(2026y / November / 22, 12, 0))->days_ahead == 7);
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
