// The rules an outcome is worked out by carry a version (fact.hpp), journaled with each
// session. These scenes pin what each version settles from the same events: when one of them
// changes, an outcome-changing rule changed. Then bump k_rules_version, keep the old behaviour
// for older versions (Engine::follow_rules), add the new version's expectations here and a
// journal fixture under tests/journals/ (its README says how).
#include <catch2/catch.hpp>

#include <algorithm>

#include <sstream>

#include "tests/engine_room.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using kiosk::testing::Room;

namespace {

constexpr int k_statements = 2;  // test content: one winner
constexpr int k_ideas = 3;       // test content: three winners

// What a step's vote settled, in one line: "chosen 1,3 by first_on_tie", or "open: runoff".
std::string settled(const Room& room, int step) {
    const auto* choice = room.view().choice(step);
    if (!choice) return "none";
    if (!choice->settled) return choice->in_runoff() ? "open: runoff" : "open: room picks";
    std::ostringstream out;
    out << "chosen";
    for (std::size_t i = 0; i < choice->chosen.size(); ++i) out << (i ? "," : " ") << choice->chosen[i];
    out << " by " << to_string(choice->by);
    return out.str();
}

// Three phones tie their statements (each puts all dots on their own); the result part begins.
std::string tie_at_the_result(int rules) {
    Room room;
    room.engine.follow_rules(rules);
    room.open_at(k_statements, 3);
    for (int n = 1; n <= 3; ++n) room.add(n, "Stelling " + std::to_string(n));
    room.press(EventKind::Next);
    for (int n = 1; n <= 3; ++n) room.vote(n, {n, n, n});
    room.press(EventKind::Next);
    return settled(room, k_statements);
}

// The same tie, then nobody gives a run-off dot and nobody picks until the stage ends.
std::string tie_nobody_settles(int rules) {
    Room room;
    room.engine.follow_rules(rules);
    room.open_at(k_statements, 2);
    room.add(1, "Eerste");
    room.add(2, "Tweede");
    room.press(EventKind::Next);
    room.vote(1, {1});
    room.vote(2, {2});
    room.press(EventKind::Next);
    room.wait(30min);
    return settled(room, k_statements);
}

// Ideas: A 4, B 3, C 2, D 2, E 1: the third place ties.
std::string ideas_tie_at_place_three(int rules) {
    Room room;
    room.engine.follow_rules(rules);
    room.open_at(k_ideas, 4);
    for (const char* idea : {"A", "B", "C", "D", "E"}) room.add(1, idea);
    room.press(EventKind::Next);
    room.vote(1, {1, 1, 1});
    room.vote(2, {2, 2, 2});
    room.vote(3, {1, 3, 3});
    room.vote(4, {4, 4, 5});
    room.press(EventKind::Next);
    return settled(room, k_ideas);
}

std::string clear_winner(int rules) {
    Room room;
    room.engine.follow_rules(rules);
    room.open_at(k_statements, 2);
    room.add(1, "Eerste");
    room.add(2, "Tweede");
    room.press(EventKind::Next);
    room.vote(1, {2, 2});
    room.vote(2, {2, 1});
    room.press(EventKind::Next);
    return settled(room, k_statements);
}

// A format with a pool of two cards at two minutes into the first stage, shown for three: what
// the screen holds five minutes into the stage, and after the room's K.
std::string card_at_its_minute(int rules) {
    auto content = std::make_shared<Content>(*kiosk::testing::phone_content());
    content->surprises = {{1, 2min, 3min, {{CardKind::Question, "Wat als het nul euro mag kosten?", "", {}},
                                           {CardKind::Role, "Jij bent nu de klant.", "", {}}}}};
    Room room{SessionRules{}, std::shared_ptr<const Content>{content}};
    room.engine.follow_rules(rules);
    room.open_at(1, 1);
    room.wait(2min + 1s);
    const auto* card = room.view().surprise_card();
    std::string said = card ? "card: " + card->text : "no card";
    room.send(Event{EventKind::RedrawSurprise});
    said += room.view().surprise_card() && room.view().surprise_card() != card ? "; K: another" : "; K: nothing";
    room.wait(5min);
    return said + (room.view().surprise_card() ? "; still there" : "; gone");
}

struct Expected {
    int rules;
    const char* tie_at_the_result;
    const char* tie_nobody_settles;
    const char* ideas_tie_at_place_three;
    const char* clear_winner;
    const char* card_at_its_minute;
};

// One row per rules version, oldest first.
constexpr Expected k_expected[] = {
    {1, "chosen 1,2,3 by first_on_tie", "chosen 1,2 by first_on_tie", "chosen 1,2,3,4 by first_on_tie", "chosen 2 by votes",
     "no card; K: nothing; gone"},
    {2, "open: runoff", "chosen 1 by first_on_tie", "open: runoff", "chosen 2 by votes", "no card; K: nothing; gone"},
    {3, "open: runoff", "chosen 1 by first_on_tie", "open: runoff", "chosen 2 by votes",
     "card: Jij bent nu de klant.; K: another; gone"},
};

}  // namespace

TEST_CASE("Every rules version has its expected outcomes here, up to the current one") {
    INFO("k_rules_version changed: add a row for it to k_expected, and a journal fixture (tests/journals/README.md)");
    CHECK(std::size(k_expected) == static_cast<std::size_t>(k_rules_version - k_oldest_rules_version + 1));
    CHECK(k_expected[std::size(k_expected) - 1].rules == k_rules_version);
}

TEST_CASE("Each rules version settles the same events as it always did") {
    for (const auto& expected : k_expected) {
        INFO("rules " << expected.rules << ": an outcome changed without a new rules version; bump k_rules_version "
                                             "(fact.hpp) and keep this version's behaviour for the sessions it recorded");
        CHECK(tie_at_the_result(expected.rules) == expected.tie_at_the_result);
        CHECK(tie_nobody_settles(expected.rules) == expected.tie_nobody_settles);
        CHECK(ideas_tie_at_place_three(expected.rules) == expected.ideas_tie_at_place_three);
        CHECK(clear_winner(expected.rules) == expected.clear_winner);
        CHECK(card_at_its_minute(expected.rules) == expected.card_at_its_minute);
    }
}

TEST_CASE("A settled vote is said as a fact, and a replay that recalls it does not decide again") {
    Room live;
    live.open_at(k_statements, 3);
    for (int n = 1; n <= 3; ++n) live.add(n, "Stelling " + std::to_string(n));
    live.press(EventKind::Next);
    for (int n = 1; n <= 3; ++n) live.vote(n, {n, n, n});
    live.press(EventKind::Next);  // the run-off
    live.wait(61s);              // nobody gave a dot: the room picks
    CHECK(live.send({EventKind::RoomPick, Sender::room(), RoomPickPayload{3}}).ok());
    std::vector<Fact> facts;  // the statements' (the steps walked through settled empty votes)
    for (const auto& fact : live.engine.take_facts())
        if (step_of(fact) == k_statements) facts.push_back(fact);
    REQUIRE(facts.size() == 2);
    CHECK(fact_name(facts[0]) == "runoff");
    const auto* chosen = std::get_if<ChosenFact>(&facts[1]);
    REQUIRE(chosen);
    CHECK(chosen->step == k_statements);
    CHECK(chosen->notes == std::vector<int>{3});
    CHECK(chosen->by == ChosenBy::Room);

    // The same votes replayed under rules 1 would choose all three at once; the recalled fact stands.
    Room replayed;
    replayed.engine.follow_rules(1);
    replayed.engine.recall(facts);
    replayed.open_at(k_statements, 3);
    for (int n = 1; n <= 3; ++n) replayed.add(n, "Stelling " + std::to_string(n));
    replayed.press(EventKind::Next);
    for (int n = 1; n <= 3; ++n) replayed.vote(n, {n, n, n});
    replayed.press(EventKind::Next);
    CHECK(settled(replayed, k_statements) == "chosen 3 by room");
    for (const auto& fact : replayed.engine.take_facts()) CHECK(step_of(fact) != k_statements);  // nothing new about them
}

TEST_CASE("The decision, its owner and the lobby's reviews are facts, recalled, they stand") {
    Room live;
    // An earlier decision to review in the lobby.
    Decision earlier;
    earlier.id = "earlier-session";
    earlier.kind = DecisionKind::Do;
    live.engine.remember_decisions({earlier});
    live.press(EventKind::Start);
    live.join(1);
    auto review = live.from(1, EventKind::ReviewDecision);
    review.as<ReviewPayload>().decision = "earlier-session";
    review.as<ReviewPayload>().status = "done";
    REQUIRE(live.send(review).ok());
    live.press(EventKind::Start);  // the lobby is left: its reviews, then the format the session runs
    auto facts = live.engine.take_facts();
    REQUIRE(facts.size() == 2);
    CHECK(std::get<VideoframeFact>(facts[1]).id == "werksituatie");
    const auto* reviewed = std::get_if<ReviewedFact>(&facts[0]);
    REQUIRE(reviewed);
    CHECK(reviewed->decision == "earlier-session");
    CHECK(reviewed->review == "done");

    Room replayed;
    replayed.engine.remember_decisions({earlier});
    replayed.engine.recall({ReviewedFact{"earlier-session", "running"}, DecidedFact{DecisionKind::Adjust, "Teamleider", "Bellen", 20261214}});
    replayed.press(EventKind::Start);
    replayed.join(1);
    replayed.press(EventKind::Start);
    CHECK(replayed.view().reviews.at(0).review == "running");
    while (replayed.view().phase == Phase::Step) replayed.press(EventKind::Next);  // through the validation
    CHECK(replayed.view().validation.decided == DecisionKind::Adjust);
    CHECK(replayed.view().validation.owner_name == "Teamleider");
    CHECK(replayed.view().validation.review_date == 20261214);
    // Only the empty votes of the steps walked through, and the format the older session did not say.
    const auto facts_said = replayed.engine.take_facts();
    for (const auto& fact : facts_said) CHECK((fact_name(fact) == "chosen" || fact_name(fact) == "videoframe"));
    CHECK(std::count_if(facts_said.begin(), facts_said.end(), [](const Fact& f) { return fact_name(f) == "videoframe"; }) == 1);
}
