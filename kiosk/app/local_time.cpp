#include "kiosk/app/local_time.hpp"

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

}  // namespace kiosk::app
