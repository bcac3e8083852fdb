// A tie at a deciding place of a dot vote: a run-off, then the room's pick, then the earlier
// note only when nobody picked; the chosen notes are explicit in the View and replay the same.
#include <catch2/catch.hpp>

#include "kiosk/core/spoken_date.hpp"
#include "tests/engine_room.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using kiosk::testing::Room;

namespace {

constexpr int k_statements = 2;  // "probleemstelling": winners 1
constexpr int k_ideas = 3;       // "brainstorm": winners 3

Outcome runoff(Room& room, int n, int note) {
    auto event = room.from(n, EventKind::RunOffVote);
    event.as<RunOffPayload>().note = note;
    return room.send(event);
}

Outcome room_pick(Room& room, int number) {
    return room.send({EventKind::RoomPick, Sender::room(), RoomPickPayload{number}});
}

// `people` phones each write one note in `step`, then the vote opens.
std::vector<int> write_then_vote(Room& room, int step, int people) {
    room.open_at(step, people);
    std::vector<int> ids;
    for (int n = 1; n <= people; ++n) ids.push_back(room.add(n, "Notitie " + std::to_string(n)).id);
    room.press(EventKind::Next);  // the vote
    REQUIRE(room.view().part() == Part::Vote);
    return ids;
}

const StageChoice& choice_of(const Room& room, int step) { return *room.view().choice(step); }

}  // namespace

TEST_CASE("A clear winner is chosen by the dots, with no run-off") {
    Room room;
    const auto ids = write_then_vote(room, k_statements, 3);
    room.vote(1, {ids[1], ids[1], ids[0]});
    room.vote(2, {ids[1], ids[2], ids[2]});
    const auto duration = room.view().timer.duration;
    room.press(EventKind::Next);  // the result
    CHECK(room.view().open_choice() == nullptr);
    const auto& choice = choice_of(room, k_statements);
    CHECK(choice.settled);
    CHECK(choice.by == ChosenBy::Votes);
    CHECK(choice.chosen == std::vector<int>{ids[1]});
    CHECK(room.view().timer.duration == duration);
    CHECK(room.view().chosen_statement() == "Notitie 2");
}

TEST_CASE("A tie at place 1 goes to a run-off of one dot each, which decides") {
    Room room;
    const auto ids = write_then_vote(room, k_statements, 3);
    for (int n = 1; n <= 3; ++n) room.vote(n, {ids[static_cast<std::size_t>(n - 1)], ids[static_cast<std::size_t>(n - 1)],
                                               ids[static_cast<std::size_t>(n - 1)]});
    const auto duration = room.view().timer.duration;
    room.press(EventKind::Next);  // the result part begins: all three tie
    const auto* tie = room.view().open_choice();
    REQUIRE(tie);
    CHECK(tie->in_runoff());
    CHECK(tie->tied == ids);
    CHECK(tie->slots == 1);
    CHECK(room.view().timer.duration == duration + 60s);  // the run-off has its own minute
    CHECK(room.view().chosen_statement().empty());       // nothing is "the first of the ranking"

    CHECK(runoff(room, 1, 999).status == Status::OutOfRange);  // not one of the tied
    CHECK(runoff(room, 1, ids[2]).ok());
    CHECK(runoff(room, 1, ids[1]).ok());  // a phone may change its dot
    CHECK(runoff(room, 2, ids[1]).ok());
    CHECK(room.view().open_choice());
    CHECK(runoff(room, 3, ids[0]).ok());  // everyone has voted: counted at once
    const auto& choice = choice_of(room, k_statements);
    CHECK(choice.settled);
    CHECK(choice.by == ChosenBy::RunOff);
    CHECK(choice.chosen == std::vector<int>{ids[1]});
    CHECK(room.view().chosen_statement() == "Notitie 2");
    CHECK(runoff(room, 1, ids[0]).status == Status::NotOpen);
}

TEST_CASE("Ideas tied at place 3 go to a run-off for that place, tied again, the room picks") {
    Room room;
    room.open_at(k_ideas, 4);
    std::vector<int> ids;
    for (const char* idea : {"A", "B", "C", "D", "E"}) ids.push_back(room.add(1, idea).id);
    room.press(EventKind::Next);  // the vote
    const auto a = ids[0], b = ids[1], c = ids[2], d = ids[3], e = ids[4];
    room.vote(1, {a, a, a});
    room.vote(2, {b, b, b});
    room.vote(3, {a, c, c});
    room.vote(4, {d, d, e});  // A 4, B 3, C 2, D 2, E 1: places 3 and 4 tie
    room.press(EventKind::Next);
    const auto* tie = room.view().open_choice();
    REQUIRE(tie);
    CHECK(tie->chosen == std::vector<int>{a, b});  // above the tie: chosen already
    CHECK(tie->tied == std::vector<int>{c, d});
    CHECK(tie->slots == 1);
    runoff(room, 1, c);
    runoff(room, 2, d);
    room.wait(61s);  // the run-off's time is up: 1 : 1, still tied
    tie = room.view().open_choice();
    REQUIRE(tie);
    CHECK(tie->room_picks());
    CHECK(tie->tied == std::vector<int>{c, d});
    CHECK(room.send(Event{EventKind::RoomPick, Sender::participant(Room::key(1)), RoomPickPayload{1}}).status ==
          Status::NotAllowed);  // the room's keys, not a phone
    CHECK(room_pick(room, 7).status == Status::Ignored);  // no seventh tied note
    CHECK(room_pick(room, 2).ok());
    const auto& choice = choice_of(room, k_ideas);
    CHECK(choice.settled);
    CHECK(choice.by == ChosenBy::Room);
    CHECK(choice.chosen == std::vector<int>{a, b, d});
    CHECK(room.view().open_choice() == nullptr);
    CHECK(room.engine.take_applied().back().kind == EventKind::RoomPick);
}

TEST_CASE("Still tied and nobody picks: the earlier note, and the record says so") {
    Room room;
    const auto ids = write_then_vote(room, k_statements, 2);
    room.vote(1, {ids[0]});
    room.vote(2, {ids[1]});
    room.press(EventKind::Next);
    REQUIRE(room.view().open_choice());
    room.wait(61s);  // nobody gave a run-off dot
    REQUIRE(room.view().open_choice());
    CHECK(room.view().open_choice()->room_picks());
    room.wait(10min);  // the stage's time runs out with nobody picking
    CHECK(room.step_id() == "brainstorm");
    const auto& choice = choice_of(room, k_statements);
    CHECK(choice.settled);
    CHECK(choice.by == ChosenBy::FirstOnTie);
    CHECK(choice.chosen == std::vector<int>{ids[0]});
    CHECK(room.view().chosen_statement() == "Notitie 1");
}

TEST_CASE("PageDown ends a run-off, and once more leaves the stage with the earlier note") {
    Room room;
    const auto ids = write_then_vote(room, k_statements, 2);
    room.vote(1, {ids[0]});
    room.vote(2, {ids[1]});
    room.press(EventKind::Next);
    REQUIRE(room.view().open_choice()->in_runoff());
    room.press(EventKind::Next);  // counts the run-off (nobody voted): the room may pick
    REQUIRE(room.view().open_choice());
    CHECK(room.view().open_choice()->room_picks());
    CHECK(room.step_id() == "probleemstelling");
    room.press(EventKind::Next);  // leaves the stage
    CHECK(room.step_id() == "brainstorm");
    CHECK(choice_of(room, k_statements).by == ChosenBy::FirstOnTie);
}

TEST_CASE("Everyone ready in the run-off counts it, a pause stops its clock") {
    Room room;
    const auto ids = write_then_vote(room, k_statements, 2);
    room.vote(1, {ids[0]});
    room.vote(2, {ids[1]});
    room.press(EventKind::Next);
    const auto ends = *room.view().open_choice()->runoff_ends;
    room.press(EventKind::TogglePause);
    room.wait(5min);
    room.press(EventKind::TogglePause);
    CHECK(*room.view().open_choice()->runoff_ends == ends + 5min);
    runoff(room, 1, ids[1]);
    room.set_ready(1);
    room.set_ready(2);  // both done: the run-off is counted, the stage stays for its result
    CHECK(room.step_id() == "probleemstelling");
    CHECK(choice_of(room, k_statements).by == ChosenBy::RunOff);
    CHECK(choice_of(room, k_statements).chosen == std::vector<int>{ids[1]});
}

TEST_CASE("One participant: a tie among their own dots is settled by their run-off dot") {
    auto content = std::make_shared<Content>(*testing::phone_content());
    content->steps[k_statements].max_per_person = 2;
    Room room{SessionRules{}, content};
    room.open_at(k_statements, 1);
    const int first = room.add(1, "Een").id;
    const int second = room.add(1, "Twee").id;
    room.press(EventKind::Next);
    room.vote(1, {first, second});
    room.press(EventKind::Next);
    REQUIRE(room.view().open_choice());
    runoff(room, 1, second);
    CHECK(choice_of(room, k_statements).chosen == std::vector<int>{second});
}

TEST_CASE("Replaying the applied events gives the same chosen notes and how they were chosen") {
    Room room;
    const auto ids = write_then_vote(room, k_statements, 3);
    for (int n = 1; n <= 3; ++n) room.vote(n, {ids[static_cast<std::size_t>(n - 1)]});
    room.press(EventKind::Next);
    runoff(room, 1, ids[2]);
    room.wait(61s);
    room_pick(room, 1);  // run-off 1 : 0 : 0 decided it already: this pick means nothing
    room.press(EventKind::Next);
    room.press(EventKind::Next);
    room.press(EventKind::Next);  // the ideas' vote, nobody voted: nothing chosen there
    const auto events = room.engine.take_applied();
    Engine replay{testing::phone_content(), TimerRules{}, SessionRules{}, testing::counting_keys()};
    for (const auto& event : events) replay.apply(event);
    const auto& a = room.view();
    const auto& b = replay.view();
    REQUIRE(b.choice(k_statements));
    CHECK(b.choice(k_statements)->chosen == a.choice(k_statements)->chosen);
    CHECK(b.choice(k_statements)->by == ChosenBy::RunOff);
    CHECK(b.chosen_statement() == a.chosen_statement());
    CHECK(b.chosen_statement() == "Notitie 3");
}

TEST_CASE("Dates people read are in the room's language, with the weekday") {
    const Strings dutch{{{"day_0", "ma"}, {"day_1", "di"}, {"day_2", "wo"}, {"day_3", "do"}, {"day_4", "vr"}, {"day_5", "za"},
                         {"day_6", "zo"}, {"month_12", "december"}, {"month_1", "januari"}, {"month_2", "februari"},
                         {"date_spoken", "{weekday} {day} {month}"}}};
    const auto words = date_words(dutch);
    CHECK(spoken_date(20261214, words) == "ma 14 december");
    CHECK(spoken_date(20270101, words) == "vr 1 januari");
    CHECK(spoken_date(20280229, words) == "di 29 februari");  // a leap day
    CHECK(spoken_date(0, words).empty());
    CHECK(spoken_date(20261214, DateWords{}) == "2026-12-14");  // no words: ISO
}

TEST_CASE("A note the host hides is never chosen, and leaves a run-off") {
    Room room;
    const auto ids = write_then_vote(room, k_statements, 3);
    for (int n = 1; n <= 3; ++n) room.vote(n, {ids[static_cast<std::size_t>(n - 1)]});
    room.press(EventKind::Next);
    REQUIRE(room.view().open_choice());
    room.press(EventKind::OfferHost);
    auto claim = room.from(1, EventKind::ClaimHost);
    claim.as<ClaimHostPayload>().code = room.view().host_offer->code;
    REQUIRE(room.send(claim).ok());
    runoff(room, 2, ids[2]);
    auto hide = room.from(1, EventKind::HideNote);
    hide.as<HideNotePayload>().note = ids[2];
    CHECK(room.send(hide).ok());
    REQUIRE(room.view().open_choice());
    CHECK(room.view().open_choice()->tied == std::vector<int>{ids[0], ids[1]});
    CHECK(room.view().open_choice()->runoff.empty());  // the dot on the hidden note is gone
    CHECK(runoff(room, 3, ids[2]).status == Status::OutOfRange);
    hide.as<HideNotePayload>().note = ids[1];
    room.send(hide);  // one left for one place: it is chosen
    CHECK(room.view().open_choice() == nullptr);
    CHECK(room.view().chosen_statement() == "Notitie 1");
    hide.as<HideNotePayload>().note = ids[0];
    room.send(hide);  // hidden after it was chosen: no longer the statement anywhere
    CHECK(room.view().chosen_statement().empty());
}

TEST_CASE("Everyone ready does not settle a tie that waits for the room's pick") {
    Room room;
    const auto ids = write_then_vote(room, k_statements, 2);
    room.vote(1, {ids[0]});
    room.vote(2, {ids[1]});
    room.press(EventKind::Next);
    room.wait(61s);
    REQUIRE(room.view().open_choice()->room_picks());
    room.set_ready(1);
    room.set_ready(2);
    CHECK(room.step_id() == "probleemstelling");
    CHECK(room.view().open_choice());
}
