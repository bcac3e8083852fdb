#include "kiosk/app/week_line.hpp"

#include <algorithm>

namespace kiosk::app {

std::string week_line(const Config& config, const LocalMoment& local, int held, bool session_open) {
    const auto& settings = config.settings;
    const int session = session_open ? std::max(1, held) : held + 1;
    const int per_week = settings.slots.empty() ? 4 : static_cast<int>(settings.slots.size());
    const int week = trajectory_week(settings.trajectory, local.date);
    const std::vector<std::pair<std::string, std::string>> values{
        {"week", std::to_string(week > 0 ? week : iso_week(local.date))},
        {"weeks", std::to_string(settings.trajectory.weeks)},
        {"session", std::to_string(session)},
        {"per_week", std::to_string(per_week)}};
    return config.strings.format(week > 0 ? "week_line" : "week_line_iso", values);
}

}  // namespace kiosk::app
