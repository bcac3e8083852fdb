#pragma once
// Names for every scene, and a way to bring an engine to one. Used by --screenshot and
// --scene, by the screen tests and by the benchmarks.
#include <string>
#include <vector>

#include "kiosk/core/engine.hpp"

namespace kiosk::scenes {

// "idle", "lobby", "checkin", one per stage id (e.g. "analyse") plus "<id>-vote" and
// "<id>-results" for a stage with a dot vote, "wrapup".
std::vector<std::string> scene_names(const Content& content);

// The name of the scene that shows this View, as listed by scene_names().
std::string scene_name(const View& view);

// Presses keys on a fresh engine at time `now` until it shows the named scene, its timer
// full. Returns false for an unknown name.
bool drive_to_scene(Engine& engine, const std::string& name, Millis now);

}  // namespace kiosk::scenes
