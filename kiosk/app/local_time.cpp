#include "kiosk/app/local_time.hpp"

#include <cstdio>
#include <ctime>

namespace kiosk::app {

LocalMoment to_local(WallTime time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm local{};
    localtime_r(&seconds, &local);
    using namespace std::chrono;
    const year_month_day date{year{local.tm_year + 1900}, month{static_cast<unsigned>(local.tm_mon + 1)},
                              day{static_cast<unsigned>(local.tm_mday)}};
    return LocalMoment{date, local.tm_hour * 60 + local.tm_min};
}

std::string local_text(WallTime time, char separator, bool colon) {
    const auto local = to_local(time);
    char text[40];
    std::snprintf(text, sizeof text, colon ? "%04d-%02u-%02u%c%02d:%02d" : "%04d-%02u-%02u%c%02d%02d",
                  static_cast<int>(local.date.year()), static_cast<unsigned>(local.date.month()),
                  static_cast<unsigned>(local.date.day()), separator, local.minute_of_day / 60, local.minute_of_day % 60);
    return text;
}

}  // namespace kiosk::app
