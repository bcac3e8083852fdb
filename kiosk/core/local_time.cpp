#include "kiosk/core/local_time.hpp"

#include <cstdio>
#include <ctime>

namespace kiosk {

LocalMoment to_local(WallTime time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm local{};
    localtime_r(&seconds, &local);
    using namespace std::chrono;
    const year_month_day date{year{local.tm_year + 1900}, month{static_cast<unsigned>(local.tm_mon + 1)},
                              day{static_cast<unsigned>(local.tm_mday)}};
    return LocalMoment{date, local.tm_hour * 60 + local.tm_min};
}

WallTime wall_of(const LocalMoment& local) {
    std::tm parts{};
    parts.tm_year = static_cast<int>(local.date.year()) - 1900;
    parts.tm_mon = static_cast<int>(static_cast<unsigned>(local.date.month())) - 1;
    parts.tm_mday = static_cast<int>(static_cast<unsigned>(local.date.day()));
    parts.tm_hour = local.minute_of_day / 60;
    parts.tm_min = local.minute_of_day % 60;
    parts.tm_isdst = -1;  // the zone's rules decide, also on the days the clocks change
    return std::chrono::system_clock::from_time_t(std::mktime(&parts));
}

std::string local_text(WallTime time, char separator, bool colon) {
    const auto local = to_local(time);
    char text[40];
    std::snprintf(text, sizeof text, colon ? "%04d-%02u-%02u%c%02d:%02d" : "%04d-%02u-%02u%c%02d%02d",
                  static_cast<int>(local.date.year()), static_cast<unsigned>(local.date.month()),
                  static_cast<unsigned>(local.date.day()), separator, local.minute_of_day / 60, local.minute_of_day % 60);
    return text;
}

}  // namespace kiosk
