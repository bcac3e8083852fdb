#pragma once
// The coffee corner's choices, without drawing: which question it asks, where the answers go,
// which panels have something to show and which one the wall clock puts on the screen now.
// Pure functions of a Frame, so the rotation is tested on a fake clock without SDL.
#include <optional>
#include <string>
#include <vector>

#include "scenes/scene.hpp"

namespace kiosk::scenes {

// Every panel, in the order they rotate.
inline constexpr CoffeePanel k_coffee_panels[] = {CoffeePanel::Question, CoffeePanel::Answers, CoffeePanel::Decisions,
                                                  CoffeePanel::Next};

// The group's question for this ISO week when the room puts groups first and one was chosen,
// else the reflection question of the week from the content.
std::string coffee_question(const Frame& frame);
// The week's answer link, <phone url>/k/<token>; "" while the week has no token.
std::string coffee_url(const Frame& frame);

// A decision the coffee corner still shows: not yet reviewed ("") or still running.
bool is_open_decision(const Decision& decision);

// The panels with something to show, in rotation order. The question is always there (without
// a token it still asks, only without a QR); the answers with at least one shown answer; the
// decisions with at least one open one; the next session when the room has slots.
std::vector<CoffeePanel> coffee_panels(const Frame& frame);

struct CoffeeRotation {
    CoffeePanel panel;
    std::optional<Millis> until_next;  // nullopt: nothing rotates (one panel, or a forced one)
};
// The panel on the screen now. The wall clock picks it (slot = seconds since the epoch /
// rotate_seconds, panel = slot modulo the panels), so it needs no state and every redraw, a
// restart included, agrees; a forced panel (screenshots) stays.
CoffeeRotation coffee_rotation(const Frame& frame);

// "coffee-question", "coffee-answers", "coffee-decisions", "coffee-next".
std::string coffee_panel_name(CoffeePanel panel);

}  // namespace kiosk::scenes
