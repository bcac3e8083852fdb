#include "scenes/scene_catalog.hpp"

#include <algorithm>

namespace kiosk::scenes {

std::vector<std::string> scene_names(const Content& content) {
    std::vector<std::string> names{"idle", "lobby"};
    for (const auto& step : content.steps) names.push_back(step.id);
    names.push_back("wrapup");
    return names;
}

std::string scene_name(const View& view) {
    switch (view.phase) {
    case Phase::Idle: return "idle";
    case Phase::Lobby: return "lobby";
    case Phase::Step: return view.step_spec().id;
    case Phase::WrapUp: return "wrapup";
    }
    return "idle";
}

bool drive_to_scene(Engine& engine, const std::string& name, Millis now) {
    const auto names = scene_names(*engine.view().content);
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) return false;
    // Each name is one "next" further along the session than the one before it.
    const auto presses = found - names.begin();
    for (std::ptrdiff_t i = 0; i < presses; ++i) engine.apply({EventKind::Next, now});
    return true;
}

}  // namespace kiosk::scenes
