#include "kiosk/core/spoken_date.hpp"

#include <chrono>

#include "kiosk/core/decision.hpp"

namespace kiosk {

DateWords date_words(const Strings& strings) {
    DateWords words;
    for (std::size_t i = 0; i < words.weekdays.size(); ++i) words.weekdays[i] = strings.text("day_" + std::to_string(i));
    for (std::size_t i = 0; i < words.months.size(); ++i) words.months[i] = strings.text("month_" + std::to_string(i + 1));
    words.pattern = strings.all().count("date_spoken") ? strings.text("date_spoken") : std::string{};
    return words;
}

std::string spoken_date(int yyyymmdd, const DateWords& words) {
    const auto iso = format_date(yyyymmdd);
    if (iso.empty() || words.pattern.empty()) return iso;
    const std::chrono::year_month_day day{std::chrono::year{yyyymmdd / 10000},
                                          std::chrono::month{static_cast<unsigned>(yyyymmdd / 100 % 100)},
                                          std::chrono::day{static_cast<unsigned>(yyyymmdd % 100)}};
    const auto monday_first = (std::chrono::weekday{std::chrono::sys_days{day}}.c_encoding() + 6) % 7;
    const Strings pattern{{{"date", words.pattern}}};
    return pattern.format("date", {{"weekday", words.weekdays[monday_first]},
                                   {"day", std::to_string(yyyymmdd % 100)},
                                   {"month", words.months[static_cast<std::size_t>(yyyymmdd / 100 % 100 - 1)]}});
}

}  // namespace kiosk
