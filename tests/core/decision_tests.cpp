// Issue 6 in the engine: the lobby's choices, the validation stage (scores, distributions,
// objections, the decision rule and the vote, the owner), carry-over into the next lobby, and
// the time spent per stage.
#include <catch2/catch.hpp>

#include "tests/engine_room.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using testing::Room;

namespace {

constexpr int k_validation = 5;

std::shared_ptr<Content> with_criteria(int count) {
    auto content = std::make_shared<Content>(*testing::phone_content());
    content->criteria.clear();
    for (int i = 0; i < count; ++i) content->criteria.push_back({"C" + std::to_string(i + 1), "..."});
    content->framing_questions = {"F1", "F2", "F3", "F4", "F5"};
    content->steps[k_validation].vote_time = 2min;
    content->steps[k_validation].result_time = 2min;
    return content;
}

// A room whose content has `criteria` criteria.
struct DecisionRoom : Room {
    explicit DecisionRoom(int criteria = 3) : Room{SessionRules{}, with_criteria(criteria)} {}
    Outcome score(int n, std::vector<int> values) {
        auto event = from(n, EventKind::Score);
        event.as<ScoresPayload>().scores = std::move(values);
        return send(event);
    }
    Outcome vote_for(int n, const std::string& kind) {
        auto event = from(n, EventKind::DecisionVote);
        event.as<DecisionVotePayload>().decision = kind;
        return send(event);
    }
    // The action's one text field (text, name or first step), and a review date for Commit.
    Outcome with_text(int n, EventKind kind, const std::string& text, int date = 0) {
        return send(testing::phone_event(kind, key(n), view(), text, {}, date));
    }
};

ValidationView scored(std::vector<std::vector<int>> rows) {
    ValidationView validation;
    for (std::size_t i = 0; i < rows.size(); ++i) validation.scores[static_cast<int>(i) + 1] = rows[i];
    return validation;
}

DecisionKind rule_says(std::vector<std::vector<int>> rows, bool objections = false, DecisionRule rule = {}) {
    const auto validation = scored(std::move(rows));
    return propose_decision(criterion_results(validation, 3, rule), objections, rule);
}

}  // namespace

TEST_CASE("Score distributions count each score, and a wide spread is flagged") {
    const auto results = criterion_results(scored({{1, 4, 0}, {5, 4, 3}, {2, 4, 0}}), 3, DecisionRule{});
    CHECK(results[0].counts == Distribution{1, 1, 0, 0, 1});
    CHECK(results[0].scored == 3);
    CHECK(results[0].mean == Approx(8.0 / 3));
    CHECK(results[0].spread);       // 1 and 5
    CHECK_FALSE(results[1].spread); // all 4
    CHECK(results[1].counts == Distribution{0, 0, 0, 3, 0});
    CHECK(results[2].scored == 1);  // 0 means not scored
    CHECK_FALSE(results[2].weak);
}

TEST_CASE("The decision rule: doen, aanpassen, parkeren") {
    // No weak criterion: doen.
    CHECK(rule_says({{4, 4, 5}, {3, 4, 4}}) == DecisionKind::Do);
    // A criterion is weak when MOST gave it 2 or less: one low score of three is not.
    CHECK(rule_says({{1, 4, 4}, {4, 4, 4}, {4, 4, 4}}) == DecisionKind::Do);
    // Exactly half is not most.
    CHECK(rule_says({{2, 4, 4}, {4, 4, 4}}) == DecisionKind::Do);
    // One or two weak criteria: aanpassen.
    CHECK(rule_says({{2, 4, 4}, {1, 4, 4}, {4, 4, 4}}) == DecisionKind::Adjust);
    CHECK(rule_says({{2, 2, 4}, {1, 1, 4}}) == DecisionKind::Adjust);
    // More than two: parkeren.
    CHECK(rule_says({{2, 2, 2}, {1, 1, 1}}) == DecisionKind::Park);
    // A serious objection turns doen into aanpassen, unless the room's rule says otherwise.
    CHECK(rule_says({{5, 5, 5}}, true) == DecisionKind::Adjust);
    DecisionRule lenient;
    lenient.objection_means_adjust = false;
    CHECK(rule_says({{5, 5, 5}}, true, lenient) == DecisionKind::Do);
    // The thresholds are the room's.
    DecisionRule strict;
    strict.weak_score = 3;
    strict.adjust_max_weak = 0;
    CHECK(rule_says({{3, 5, 5}}, false, strict) == DecisionKind::Park);
    // Nobody scored: nothing is weak.
    CHECK(rule_says({}) == DecisionKind::Do);
    // A single participant decides alone.
    CHECK(rule_says({{1, 5, 5}}) == DecisionKind::Adjust);
}

TEST_CASE("The group's vote confirms or overrides the proposal, ties and silence keep it") {
    using K = DecisionKind;
    CHECK(voted_decision({}, K::Adjust) == K::Adjust);                                  // nobody voted
    CHECK(voted_decision({{1, K::Do}, {2, K::Do}, {3, K::Park}}, K::Adjust) == K::Do);  // override
    CHECK(voted_decision({{1, K::Do}, {2, K::Adjust}}, K::Adjust) == K::Adjust);        // tie with the proposal
    CHECK(voted_decision({{1, K::Do}, {2, K::Park}}, K::Adjust) == K::Park);            // other tie: the careful one
    CHECK(voted_decision({{1, K::Do}}, K::Park) == K::Do);                              // a single voter
}

TEST_CASE("In the lobby phones name the situation and pick up to three framing questions") {
    DecisionRoom room;
    room.press(EventKind::Start);
    for (int n = 1; n <= 3; ++n) room.join(n);
    CHECK(room.with_text(1, EventKind::SetSituation, "De overdracht van 8:30").ok());
    CHECK(room.with_text(2, EventKind::SetSituation, "De overdracht van 8:30 op maandag").ok());  // others may edit
    CHECK(room.view().situation == "De overdracht van 8:30 op maandag");
    auto pick = [&](int n, std::vector<int> dots) {
        auto event = room.from(n, EventKind::FramingVote);
        event.as<FramingPayload>().picks = std::move(dots);
        return room.send(event);
    };
    CHECK(pick(1, {0, 3}).ok());
    CHECK(pick(2, {3, 4}).ok());
    CHECK(pick(3, {3, 1}).ok());
    CHECK(pick(3, {0, 1, 2, 3}).status == Status::TooMany);
    CHECK(pick(3, {9}).status == Status::OutOfRange);
    CHECK(room.view().framing_choice() == std::vector<int>{0, 1, 3});  // 3 has three votes; 0, 1, 4 one each: earliest
    room.press(EventKind::Start);  // the check-in: the choice is fixed
    CHECK(room.view().framing == std::vector<int>{0, 1, 3});
    CHECK(pick(1, {2}).status == Status::NotOpen);
    CHECK(room.with_text(1, EventKind::SetSituation, "later").status == Status::NotOpen);
}

TEST_CASE("Validation: scores, objections, the decision vote, then an owner with a step and a date") {
    DecisionRoom room{3};
    room.open_at(k_validation, 3);
    REQUIRE(room.step_id() == "validatie");
    CHECK(room.score(1, {4, 2, 5}).ok());
    CHECK(room.score(2, {5, 1, 4}).ok());
    CHECK(room.score(3, {4, 5, 5}).ok());
    CHECK(room.score(3, {4, 5}).status == Status::WrongCount);  // one score per criterion
    CHECK(room.score(3, {4, 6, 5}).status == Status::OutOfRange);
    CHECK(room.view().criterion_results()[1].weak);
    CHECK(room.view().criterion_results()[1].spread);
    CHECK(room.view().proposed_decision() == DecisionKind::Adjust);
    CHECK(room.with_text(2, EventKind::Object, "Dit kost de late dienst te veel tijd.").ok());
    CHECK(room.vote_for(1, "doen").status == Status::NotOpen);  // first the scores
    room.press(EventKind::Next);                                // to the decision
    CHECK(room.view().part() == Part::Vote);
    CHECK(room.vote_for(1, "doen").ok());
    CHECK(room.vote_for(2, "doen").ok());
    CHECK(room.vote_for(3, "onzin").status == Status::BadChoice);
    room.press(EventKind::Next);  // to the owner part: the group overrode "aanpassen"
    CHECK(room.view().validation.decided == DecisionKind::Do);
    CHECK(room.with_text(2, EventKind::Volunteer, "Sanne").ok());
    CHECK(room.with_text(3, EventKind::Volunteer, "Ik ook").status == Status::NotYours);
    CHECK(room.with_text(3, EventKind::Commit, "Iets", 20261203).status == Status::NotYours);
    CHECK(room.with_text(2, EventKind::Commit, "Vragenlijst maken", 20260231).status == Status::BadDate);  // no such date
    CHECK(room.with_text(2, EventKind::Commit, "Vragenlijst maken", 20261203).ok());
    CHECK(room.with_text(1, EventKind::AdjustProposal, "Korter").status == Status::NotOpen);  // only after "aanpassen"
    const auto outcome = room.view().outcome();
    REQUIRE(outcome);
    CHECK(outcome->kind == DecisionKind::Do);
    CHECK(outcome->owner == "Sanne");
    CHECK(outcome->first_step == "Vragenlijst maken");
    CHECK(format_date(outcome->review_date) == "2026-12-03");
}

TEST_CASE("Aanpassen records the group's edits beside the proposal, parkeren has no owner") {
    DecisionRoom adjust{3};
    adjust.open_at(k_validation, 1);
    adjust.score(1, {1, 4, 4});
    adjust.press(EventKind::Next);
    adjust.press(EventKind::Next);  // nobody voted: the rule's proposal stands
    CHECK(adjust.view().validation.decided == DecisionKind::Adjust);
    CHECK(adjust.with_text(1, EventKind::AdjustProposal, "Eerst met één dienst proberen").ok());
    CHECK(adjust.view().validation.edits.at(0).text == "Eerst met één dienst proberen");

    DecisionRoom park{3};
    park.open_at(k_validation, 1);
    park.score(1, {1, 1, 1});
    park.press(EventKind::Next);
    park.press(EventKind::Next);
    CHECK(park.view().validation.decided == DecisionKind::Park);
    CHECK(park.with_text(1, EventKind::Volunteer, "").status == Status::NotOpen);
}

TEST_CASE("The validation parts follow the clock, and everyone ready moves them on") {
    DecisionRoom room{3};
    room.open_at(k_validation, 2);
    room.score(1, {4, 4, 4});
    room.wait(8min);  // 12 min: scoring until 4 min are left
    CHECK(room.view().part() == Part::Vote);
    room.set_ready(1);
    room.set_ready(2);
    CHECK(room.view().part() == Part::Results);
    CHECK(room.view().validation.decided == DecisionKind::Do);

    // Nobody scored and nobody voted: nothing is decided, and nothing carries over.
    DecisionRoom hurried{3};
    hurried.open_at(k_validation, 1);
    hurried.press(EventKind::Next);
    hurried.press(EventKind::Next);
    CHECK_FALSE(hurried.view().validation.decided);
    CHECK_FALSE(hurried.view().outcome());
}

TEST_CASE("A decision carries into the next session's lobby, where phones mark how it went") {
    DecisionRoom room{3};
    room.press(EventKind::Start);
    room.join(1);
    room.with_text(1, EventKind::SetSituation, "Overdracht");
    room.press(EventKind::Start);
    while (room.step_id() != "validatie") room.press(EventKind::Next);
    room.score(1, {5, 5, 5});
    room.press(EventKind::Next);
    room.press(EventKind::Next);
    room.with_text(1, EventKind::Volunteer, "teamcoördinator");
    room.with_text(1, EventKind::Commit, "Vijf vragen kiezen", 20261130);
    room.press(EventKind::Next);   // wrap-up
    room.press(EventKind::Start);  // idle
    REQUIRE(room.view().reviews.size() == 1);
    const auto decided = room.view().reviews[0];
    CHECK(decided.kind == DecisionKind::Do);
    CHECK(decided.situation == "Overdracht");
    CHECK(decided.owner == "teamcoördinator");
    CHECK(decided.review.empty());

    room.press(EventKind::Start);  // the next session's lobby
    room.join(2);
    auto review = room.from(2, EventKind::ReviewDecision);
    review.as<ReviewPayload>() = {decided.id, "running"};
    CHECK(room.send(review).ok());
    review.as<ReviewPayload>().status = "maybe";
    CHECK(room.send(review).status == Status::BadChoice);
    review.as<ReviewPayload>() = {"no-such-decision", "done"};
    CHECK(room.send(review).status == Status::UnknownDecision);
    CHECK(room.view().reviews[0].review == "running");

    // Replaying both sessions' events (a restart) gives the same list, review included.
    Engine replay{with_criteria(3), TimerRules{}, SessionRules{}};
    for (const auto& event : room.engine.take_applied()) replay.apply(event);
    REQUIRE(replay.view().reviews.size() == 1);
    CHECK(replay.view().reviews[0].review == "running");
}

TEST_CASE("Time spent per stage is counted, pauses included") {
    DecisionRoom room{3};
    room.open_at(1, 1);
    room.wait(5min);
    room.press(EventKind::TogglePause);
    room.wait(1min);
    room.press(EventKind::TogglePause);
    room.press(EventKind::Next);
    CHECK(room.view().spent[1] == 6min);
    room.wait(20min);  // the next stage runs out by itself at 8 min
    CHECK(room.view().spent[2] == 8min);
}

TEST_CASE("A shared reflection at the wrap-up is anonymous and one per phone") {
    DecisionRoom room{3};
    room.open_at(1, 2);
    CHECK(room.with_text(1, EventKind::ShareReflection, "Nu al?").status == Status::NotOpen);
    while (room.view().phase != Phase::WrapUp) room.press(EventKind::Next);
    CHECK(room.with_text(1, EventKind::ShareReflection, "Ik neem de vijf vragen mee.").ok());
    CHECK(room.with_text(1, EventKind::ShareReflection, "Ik neem de vragen mee.").ok());
    CHECK(room.view().reflections.size() == 1);
    CHECK(room.view().reflections[0].text == "Ik neem de vragen mee.");
}
