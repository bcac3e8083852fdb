#include "kiosk/core/week_line.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace kiosk {

std::string week_line(const Strings& strings, const Trajectory& trajectory, std::size_t slots, const LocalMoment& local,
                      int held, bool session_open) {
    const int session = session_open ? std::max(1, held) : held + 1;
    const int per_week = slots == 0 ? 4 : static_cast<int>(slots);
    const int week = trajectory_week(trajectory, local.date);
    const std::vector<std::pair<std::string, std::string>> values{
        {"week", std::to_string(week > 0 ? week : iso_week(local.date))},
        {"weeks", std::to_string(trajectory.weeks)},
        {"session", std::to_string(session)},
        {"per_week", std::to_string(per_week)}};
    return strings.format(week > 0 ? "week_line" : "week_line_iso", values);
}

}  // namespace kiosk
