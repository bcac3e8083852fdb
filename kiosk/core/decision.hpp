#pragma once
// How the group decides, as plain data in the View: the lobby's choices (the work situation,
// the framing questions), the validation stage (scores per criterion, objections, the proposed
// and the voted decision, the owner with a first step and a review date, the group's edits),
// and the decisions of earlier sessions that are due for review.
#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class DecisionKind { Do, Adjust, Park };  // doen / aanpassen / parkeren

std::string_view to_string(DecisionKind kind);  // "doen", "aanpassen", "parkeren"
std::optional<DecisionKind> decision_from(std::string_view name);

// The decision rule (kiosk.json "decision"). A criterion is weak when more than half of those
// who scored it gave it weak_score or less. No weak criterion: doen (if nobody objected, when
// objections count); up to adjust_max_weak weak criteria (or an objection): aanpassen; more:
// parkeren.
struct DecisionRule {
    int weak_score = 2;
    int adjust_max_weak = 2;
    bool objection_means_adjust = true;
};

// How many gave each score (index 0 = score 1 ... 4 = score 5) for one criterion.
using Distribution = std::array<int, 5>;

struct CriterionResult {
    Distribution counts{};
    int scored = 0;       // how many scored it
    double mean = 0;
    bool weak = false;    // see DecisionRule
    bool spread = false;  // scores at least 3 apart: worth discussing
};

// What one session decided, carried into the next sessions' lobbies until it is reviewed.
struct Decision {
    std::string id;           // the deciding session's join token: unique, never shown
    DecisionKind kind = DecisionKind::Park;
    std::string situation;    // the work situation of that session
    std::string statement;    // its problem statement
    std::string owner;        // as the volunteer wrote it (a first name or a role)
    std::string first_step;
    int review_date = 0;      // yyyymmdd; 0 when none
    std::string review;       // "" (open), "done", "running", "dropped"
};

std::optional<std::string_view> review_status(std::string_view name);  // the three names, or nullopt

// One participant's sentence, kept with its author's number: an objection, a change to the
// proposal, a reflection shared at the wrap-up, a suggestion for the coffee corner's question.
struct Sentence {
    int author = 0;
    std::string text;
};

struct ValidationView {
    std::map<int, std::vector<int>> scores;   // participant -> score per criterion (0 = not scored)
    std::vector<Sentence> objections;
    std::map<int, DecisionKind> votes;        // participant -> decision voted for
    std::optional<DecisionKind> decided;      // fixed when the owner part begins
    int owner = 0;                            // participant number of the volunteer; 0 = none yet
    std::string owner_name;
    std::string first_step;
    int review_date = 0;                      // yyyymmdd
    std::vector<Sentence> edits;              // for "aanpassen": the group's changes to the proposal
};

// The results per criterion and the decision the rule proposes.
std::vector<CriterionResult> criterion_results(const ValidationView& validation, std::size_t criteria,
                                               const DecisionRule& rule);
DecisionKind propose_decision(const std::vector<CriterionResult>& results, bool objections, const DecisionRule& rule);
// The group's decision: the most votes; a tie that includes the proposal, or no votes, keeps
// the proposal; any other tie takes the more careful one (parkeren before aanpassen before doen).
DecisionKind voted_decision(const std::map<int, DecisionKind>& votes, DecisionKind proposed);

// yyyymmdd from "YYYY-MM-DD"; 0 when it is not a real date.
int parse_date(std::string_view text);
std::string format_date(int yyyymmdd);  // "2026-12-03"
int yyyymmdd(std::chrono::year_month_day date);

}  // namespace kiosk
