#pragma once
// What a session settles, as facts. When the engine decides something the group will rely on
// later (the notes a vote chose and how, the end of a run-off, the decision with its owner, the
// lobby's reviews of earlier decisions, the group's question for the coffee corner), it says so
// as a Fact; the journal keeps facts beside the events. A replay that recalls them applies each
// fact where the engine would have decided, instead of deciding again under the rules of the
// version that replays: an upgrade never rewrites what a group decided.
// Plain data; made and used on the engine's thread.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/choice.hpp"
#include "kiosk/core/decision.hpp"

namespace kiosk {

// The rules an outcome is worked out by. Bump it with every change that can alter what a
// session settles from the same events (how a vote is counted, when a part ends, what "ready"
// does), and teach RulesVersionTest the new behaviour (tests/rules_version_tests.cpp); the
// version a session ran under is journaled with it.
//   1: up to journal schema 2: every note at a deciding place was chosen, ties included (the
//      earlier one led: the problem statement, the headline); no run-off.
//   2: a tie goes to a run-off of one dot each, then to the room's keys 1-9, and only when
//      nobody picks to the earlier note.
//   3: a stage's surprise card is drawn at its pool's minute (videoframes); under 1 and 2 the
//      minute passes without a card, so a session that began before cards never shows one for
//      a minute nobody saw.
inline constexpr int k_rules_version = 3;
inline constexpr int k_oldest_rules_version = 1;
// Rules from 2 on settle votes, ties and decisions alike (3 only adds the cards): a session that
// began under them replays deciding the same again instead of recalling what it decided.
inline constexpr bool settles_as_today(int rules) { return rules >= 2; }

// A step's dot vote settled: its chosen notes (ids, best first) and how.
struct ChosenFact {
    int step = 0;  // index into content->steps
    std::vector<int> notes;
    ChosenBy by = ChosenBy::Votes;
};

// A run-off ended: its dots per tied note (what it settled follows as a ChosenFact).
struct RunOffFact {
    int step = 0;
    std::map<int, int> dots;  // note id -> run-off dots
};

// The validation's decision as the session left its validation step.
struct DecidedFact {
    DecisionKind decision = DecisionKind::Park;
    std::string owner;
    std::string first_step;
    int review_date = 0;  // yyyymmdd; 0 when none
};

// A lobby's review of an earlier decision, as the lobby was left.
struct ReviewedFact {
    std::string decision;  // the decision's id
    std::string review;    // "done", "running", "dropped"
};

// The wrap-up's chosen question for the coffee corner, as the session closed.
struct QuestionFact {
    std::string text;
};

// The format (videoframe) the session runs, as the lobby was left.
struct VideoframeFact {
    std::string id;
};

// A surprise card drawn: the step's `draw`-th draw (0: at its minute, 1: the room's second) took
// card `card` of the step's pool; `key` ("format/stage/card") marks it used for the trajectory.
struct SurpriseFact {
    int step = 0;
    int draw = 0;
    int card = 0;
    std::string key;
};

using Fact = std::variant<ChosenFact, RunOffFact, DecidedFact, ReviewedFact, QuestionFact, VideoframeFact, SurpriseFact>;

// "chosen", "runoff", "decided", "reviewed", "question", "videoframe", "surprise"
std::string_view fact_name(const Fact& fact);
// The step a vote's fact is about (chosen, runoff); nullopt for the others.
std::optional<int> step_of(const Fact& fact);

// Facts a replay applies instead of deciding again (Engine::recall).
struct RecalledFacts {
    std::map<int, ChosenFact> chosen;  // by step
    std::optional<DecidedFact> decided;
    std::map<std::string, std::string> reviewed;  // decision id -> review
    std::optional<QuestionFact> question;
    std::optional<VideoframeFact> videoframe;
    std::map<std::pair<int, int>, int> surprises;  // (step, draw) -> card
    bool empty() const { return chosen.empty() && !decided && reviewed.empty() && !question && !videoframe && surprises.empty(); }
};

RecalledFacts recalled(const std::vector<Fact>& facts);  // the last fact of each kind and step wins

// The facts a replay recalls under any rules: the session's format and its surprise cards. No
// rule works them out from the events (the library or the trajectory may have changed since),
// so recalling them never cuts a vote's path short.
std::vector<Fact> drawn_facts(const std::vector<Fact>& facts);

}  // namespace kiosk
