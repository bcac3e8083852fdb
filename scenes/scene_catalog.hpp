#pragma once
// Names for every scene, and a way to bring an engine to one. Used by --screenshot and
// --scene, by the screen tests and by the benchmarks.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/engine.hpp"
#include "scenes/scene.hpp"

namespace kiosk::scenes {

// "idle" (the coffee corner as the clock turns it), "coffee-question", "coffee-answers",
// "coffee-decisions", "coffee-next", "coffee-night", "lobby", "checkin", one per stage id
// (e.g. "analyse") plus "<id>-vote" and "<id>-results" for a stage with a dot vote, "wrapup".
std::vector<std::string> scene_names(const Content& content);

// The coffee corner's looks, all shown by an idle engine: the panel a "coffee-…" name forces
// (Frame::coffee_panel), nullopt for any other name; and whether it is "coffee-night" (Frame::night).
std::optional<CoffeePanel> coffee_panel_named(const std::string& name);
bool is_coffee_night(const std::string& name);

// The name of the scene that shows this View, as listed by scene_names().
std::string scene_name(const View& view);

// Presses keys on a fresh engine at time `now` until it shows the named scene, its timer
// full. Returns false for an unknown name. The coffee corner's looks need no key: true while
// the engine is idle (the caller sets the Frame's panel or night).
bool drive_to_scene(Engine& engine, const std::string& name, Millis now);

}  // namespace kiosk::scenes
