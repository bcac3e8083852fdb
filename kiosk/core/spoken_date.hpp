#pragma once
// Dates as people read them, in the room's language: "ma 14 december", "Mon 14 December".
// The words come from strings.<lang>.json (day_0..day_6 from Monday, month_1..month_12, and
// date_spoken with {weekday} {day} {month}); ISO dates stay for JSON, CSV and date pickers.
#include <array>
#include <string>

#include "kiosk/core/strings.hpp"

namespace kiosk {

struct DateWords {
    std::array<std::string, 7> weekdays;  // Monday first
    std::array<std::string, 12> months;
    std::string pattern;                  // empty: dates stay ISO
};

DateWords date_words(const Strings& strings);
// yyyymmdd as the room reads it; "" for 0; ISO ("2026-12-14") without words.
std::string spoken_date(int yyyymmdd, const DateWords& words);

}  // namespace kiosk
