// The week line on the screens: the trajectory's week and this week's session.
#include <catch2/catch.hpp>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/week_line.hpp"

using namespace kiosk;

TEST_CASE("The week line shows the trajectory's week and this week's session") {
    using namespace std::chrono;
    auto config = load_config(KIOSK_SOURCE_DIR "/config");
    const LocalMoment monday{2026y / November / 23, 9 * 60};  // week 12 of a trajectory from 2026-09-07
    CHECK(kiosk::week_line(config.strings, config.settings.trajectory, config.settings.slots.size(), monday, 2, true) == "week 12 van 20 · sessie 2 van 4");
    CHECK(kiosk::week_line(config.strings, config.settings.trajectory, config.settings.slots.size(), monday, 2, false) == "week 12 van 20 · sessie 3 van 4");  // between sessions: the next
    config.settings.trajectory.start = 0;  // no trajectory: the ISO week
    CHECK(kiosk::week_line(config.strings, config.settings.trajectory, config.settings.slots.size(), monday, 0, false) == "week 48 · sessie 1 van 4");
}
