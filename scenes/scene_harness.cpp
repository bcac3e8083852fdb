#include "scenes/scene_harness.hpp"

#include "scenes/scene_catalog.hpp"

namespace kiosk::scenes {

SceneHarness::SceneHarness(std::shared_ptr<const Content> content, TimerRules rules, Strings strings, Room room,
                           WallTime start)
    : m_clock{start}, m_engine{std::move(content), rules}, m_strings{std::move(strings)}, m_room{std::move(room)} {}

bool SceneHarness::go_to(const std::string& scene) { return drive_to_scene(m_engine, scene, m_clock.monotonic()); }

void SceneHarness::press(EventKind kind) { m_engine.apply({kind, m_clock.monotonic()}); }

void SceneHarness::wait(Millis time) {
    m_clock.advance(time);
    m_engine.tick(m_clock.monotonic());
}

Frame SceneHarness::frame(const LocalMoment& local, bool help_visible, const std::vector<HelpRow>* help_rows) const {
    return Frame{m_engine.view(), m_strings, m_room, m_clock.monotonic(), m_clock.wall(), local, help_visible, help_rows};
}

}  // namespace kiosk::scenes
