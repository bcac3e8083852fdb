#include "scenes/scene_catalog.hpp"

#include <algorithm>

#include "scenes/coffee_panels.hpp"

namespace kiosk::scenes {

namespace {
constexpr char k_coffee_night[] = "coffee-night";
}  // namespace

std::vector<std::string> scene_names(const Content& content) {
    std::vector<std::string> names{"idle"};
    for (const auto panel : k_coffee_panels) names.push_back(coffee_panel_name(panel));
    names.push_back(k_coffee_night);
    names.push_back("lobby");
    for (const auto& step : content.steps) {
        names.push_back(step.id);
        if (step.has_vote()) {  // a dot-vote step shows its vote and its result differently
            names.push_back(step.id + "-vote");
            names.push_back(step.id + "-results");
        } else if (step.has_parts()) {  // the validation: scores, the decision, the owner
            names.push_back(step.id + "-decide");
            names.push_back(step.id + "-owner");
        }
    }
    names.push_back("wrapup");
    return names;
}

std::string scene_name(const View& view) {
    switch (view.phase) {
    case Phase::Idle: return "idle";
    case Phase::Lobby: return "lobby";
    case Phase::Step:
        if (view.in_proposal_step()) {
            const auto& proposal = view.proposal;
            if (proposal.show_prompt) return view.step_spec().id + "-prompt";
            if (proposal.state == ProposalState::Failed) return view.step_spec().id + "-failed";
            if (proposal.state != ProposalState::Collecting) return view.step_spec().id + "-proposal";
        }
        // A tie at a deciding place (not in the list: it happens only with tied votes).
        if (const auto* tie = view.open_choice()) return view.step_spec().id + (tie->in_runoff() ? "-runoff" : "-pick");
        switch (view.part()) {
        case Part::Write: return view.step_spec().id;
        case Part::Vote: return view.step_spec().id + (view.step_spec().has_vote() ? "-vote" : "-decide");
        case Part::Results: return view.step_spec().id + (view.step_spec().has_vote() ? "-results" : "-owner");
        }
        return view.step_spec().id;
    case Phase::WrapUp: return "wrapup";
    }
    return "idle";
}

std::optional<CoffeePanel> coffee_panel_named(const std::string& name) {
    for (const auto panel : k_coffee_panels)
        if (coffee_panel_name(panel) == name) return panel;
    return std::nullopt;
}

bool is_coffee_night(const std::string& name) { return name == k_coffee_night; }

bool drive_to_scene(Engine& engine, const std::string& name, Millis now) {
    const auto names = scene_names(*engine.view().content);
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) return false;
    // The coffee corner's looks are one idle engine drawn with another Frame: no key to press.
    if (coffee_panel_named(name) || is_coffee_night(name)) return engine.view().phase == Phase::Idle;
    // Past the coffee corner, each name is one "next" further along the session than the one before it.
    for (std::size_t presses = 0; presses < names.size() && scene_name(engine.view()) != name; ++presses)
        engine.apply({EventKind::Next, now});
    return scene_name(engine.view()) == name;
}

}  // namespace kiosk::scenes
