#pragma once
// The words on the coffee corner's panels, put together from strings.<lang>.json. Pure, so
// the tests read them without drawing; the scene only lays them out.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "scenes/scene.hpp"

namespace kiosk::scenes {

// strings.format(key, values), with any {placeholder} the values did not fill taken out: an
// edited translation that names one we do not pass must not put "{x}" on the wall.
std::string fill_text(const Strings& strings, const std::string& key,
                      const std::vector<std::pair<std::string, std::string>>& values = {});

// "123 456": six digits in two groups, as people read them out; anything else as it is.
std::string spaced_code(const std::string& code);
// Under the QR: "of typ code 123 456 op 192.168.1.20:8080/c"; the link itself without a code.
std::string coffee_code_hint(const Frame& frame);

// One open decision as its card says it.
struct DecisionCard {
    std::string what;     // the problem statement, else the work situation, else "Doen"
    std::string people;   // "Eigenaar: Sanne · Eerste stap: vijf vragen kiezen"
    std::string review;   // "Terugkijken: ma 14 december", "… · te laat" when overdue; "" without a date
    std::string status;   // "loopt" / "nog open"
    bool running = false;
    bool overdue = false;  // the review date has passed and nobody marked it done or dropped
};
// The decisions still open or running, newest first (the lobby appends them in order).
std::vector<DecisionCard> decision_cards(const Frame& frame);

// The next session, large: "Vandaag 09:00 — over 25 min", "Morgen 09:00", "Donderdag 09:00",
// or "Nu bezig: 09:00–10:00"; "" without slots.
std::string next_session_line(const Frame& frame);
// The short line beside the clock: "Volgende sessie: morgen 09:00–10:00".
std::string slot_summary(const Frame& frame);
// How many of this ISO week's slots are still to start after `now`.
int slots_to_come(const std::vector<Slot>& slots, const LocalMoment& now);
// "Deze week: 2 gehouden, 2 te gaan".
std::string week_sessions_line(const Frame& frame);
// The trajectory's week ("week 11 van 20 · sessie 2 van 4"), else the ISO week ("Week 11").
std::string coffee_week_line(const Frame& frame);

}  // namespace kiosk::scenes
