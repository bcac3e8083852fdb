#pragma once
// What a dot vote chose, made explicit: the notes at the deciding places (1 for a problem
// statement, 3 for ideas), and how they were chosen. A tie at a deciding place is not picked
// silently: the tied notes go to a run-off (one dot each), and if they tie again the room picks
// with its keys; only when nobody picks is the earlier note taken, and the record says so.
// Plain data in the View plus pure functions; the engine drives them (session_choice.cpp).
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "kiosk/core/clock.hpp"

namespace kiosk {

struct Ranked;

enum class ChosenBy {
    Votes,       // the dots decided
    RunOff,      // the run-off decided
    Room,        // still tied after the run-off: the room picked
    FirstOnTie,  // still tied and nobody picked: the earlier note ("bij gelijke stand: de eerste")
};

std::string_view to_string(ChosenBy by);  // "votes", "runoff", "room", "first_on_tie"

struct StageChoice {
    bool settled = false;
    std::vector<int> chosen;  // note ids, best first
    ChosenBy by = ChosenBy::Votes;
    // While not settled: the notes still in the running (in the order they were written) and
    // how many of them are still to be chosen.
    std::vector<int> tied;
    int slots = 0;
    std::map<int, int> runoff;          // participant -> the note they gave their run-off dot
    std::optional<Millis> runoff_ends;  // phones vote in the run-off until then

    bool in_runoff() const { return !settled && runoff_ends.has_value(); }
    bool room_picks() const { return !settled && !runoff_ends && !tied.empty(); }
    // Run-off dots per tied note.
    int runoff_dots(int note) const;
};

// From a dot vote's ranking: settled when the deciding places are clear; otherwise those above
// the tie are chosen and the tied group has `slots` places to fill.
StageChoice choose_by_votes(const std::vector<Ranked>& ranking, int winners);
// Rules 1 (journal schema 1 and 2): every note at a deciding place is chosen, ties included (a
// tie at place 1 of a problem statement chose both; the earlier one led); no run-off. `by` is
// FirstOnTie when a tie crossed the last deciding place, else Votes.
StageChoice choose_by_places(const std::vector<Ranked>& ranking, int winners);
// The run-off is over: its dots settle what they can; what still ties waits for the room.
void count_runoff(StageChoice& choice);
// The room picks tied note `number` (1-based, as numbered on the screen); false if there is none.
bool pick_tied(StageChoice& choice, int number);
// Nobody picked before the stage ended: the earlier notes fill the places.
void take_earliest(StageChoice& choice);

}  // namespace kiosk
