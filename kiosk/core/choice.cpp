#include "kiosk/core/choice.hpp"

#include <algorithm>

#include "kiosk/core/view.hpp"

namespace kiosk {

namespace {

struct Candidate {
    int note;
    int dots;
};

// Splits candidates (most dots first, earlier notes first among equals) at `slots` places:
// settles the choice when the place boundary falls between different counts, else chooses
// those above the tied group and leaves the group with the places it has to fill.
void split(StageChoice& choice, std::vector<Candidate> candidates, int slots, ChosenBy by) {
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.dots > b.dots; });
    const auto places = static_cast<std::size_t>(std::max(0, slots));
    if (places == 0 || candidates.size() <= places || candidates[places].dots < candidates[places - 1].dots) {
        for (std::size_t i = 0; i < std::min(places, candidates.size()); ++i) choice.chosen.push_back(candidates[i].note);
        choice.settled = true;
        choice.by = by;
        choice.tied.clear();
        choice.slots = 0;
        return;
    }
    const int boundary = candidates[places - 1].dots;
    choice.tied.clear();
    for (const auto& candidate : candidates) {
        if (candidate.dots > boundary) choice.chosen.push_back(candidate.note);
        else if (candidate.dots == boundary) choice.tied.push_back(candidate.note);
    }
    std::sort(choice.tied.begin(), choice.tied.end());  // ids are in the order notes were written
    choice.slots = slots - static_cast<int>(std::count_if(candidates.begin(), candidates.end(),
                                                          [&](const Candidate& c) { return c.dots > boundary; }));
}

}  // namespace

std::string_view to_string(ChosenBy by) {
    switch (by) {
    case ChosenBy::Votes: return "votes";
    case ChosenBy::RunOff: return "runoff";
    case ChosenBy::Room: return "room";
    case ChosenBy::FirstOnTie: return "first_on_tie";
    }
    return "votes";
}

int StageChoice::runoff_dots(int note) const {
    return static_cast<int>(std::count_if(runoff.begin(), runoff.end(), [&](const auto& vote) { return vote.second == note; }));
}

StageChoice choose_by_votes(const std::vector<Ranked>& ranking, int winners) {
    StageChoice choice;
    std::vector<Candidate> candidates;
    for (const auto& ranked : ranking) candidates.push_back({ranked.note, ranked.dots});
    if (candidates.empty()) {
        choice.settled = true;  // nobody voted: nothing was chosen
        return choice;
    }
    split(choice, std::move(candidates), winners, ChosenBy::Votes);
    return choice;
}

StageChoice choose_by_places(const std::vector<Ranked>& ranking, int winners) {
    StageChoice choice;
    choice.settled = true;
    for (const auto& ranked : ranking)  // most dots first, the earlier note first among equals
        if (ranked.place <= winners) choice.chosen.push_back(ranked.note);
    choice.by = static_cast<int>(choice.chosen.size()) > winners ? ChosenBy::FirstOnTie : ChosenBy::Votes;
    return choice;
}

void count_runoff(StageChoice& choice) {
    if (choice.settled) return;
    std::vector<Candidate> candidates;
    for (const int note : choice.tied) candidates.push_back({note, choice.runoff_dots(note)});
    choice.runoff_ends.reset();
    split(choice, std::move(candidates), choice.slots, ChosenBy::RunOff);
}

bool pick_tied(StageChoice& choice, int number) {
    if (!choice.room_picks() || number < 1 || number > static_cast<int>(choice.tied.size())) return false;
    choice.chosen.push_back(choice.tied[static_cast<std::size_t>(number - 1)]);
    choice.tied.erase(choice.tied.begin() + (number - 1));
    if (--choice.slots <= 0) {
        choice.settled = true;
        choice.by = ChosenBy::Room;
        choice.tied.clear();
    }
    return true;
}

void take_earliest(StageChoice& choice) {
    if (choice.settled) return;
    choice.runoff_ends.reset();
    for (std::size_t i = 0; i < choice.tied.size() && static_cast<int>(i) < choice.slots; ++i) choice.chosen.push_back(choice.tied[i]);
    choice.tied.clear();
    choice.slots = 0;
    choice.settled = true;
    choice.by = ChosenBy::FirstOnTie;
}

}  // namespace kiosk
