// The engine's side of the phones: joining, notes, dot votes, readiness, extension votes and
// the host, driven event by event with a fake clock.
#include <catch2/catch.hpp>

#include "kiosk/core/engine.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

#include "tests/engine_room.hpp"

using testing::Room;

TEST_CASE("Phones join an open session with numbers in joining order") {
    Room room;
    CHECK(room.join(1).status == Status::NoSession);  // nothing is open while idle
    room.press(EventKind::Start);
    CHECK(room.join(1).id == 1);
    CHECK(room.join(2).id == 2);
    const auto version = room.view().version;
    const auto again = room.join(1);  // a reload joins again with the same key
    CHECK(again.status == Status::Ignored);
    CHECK(again.id == 1);
    CHECK(room.view().version == version);
    CHECK(room.view().participants.size() == 2);
}

TEST_CASE("The room refuses phones beyond its maximum and keeps those already in") {
    SessionRules rules;
    rules.max_participants = 2;
    Room room{rules};
    room.press(EventKind::Start);
    room.join(1);
    room.join(2);
    CHECK(room.join(3).status == Status::RoomFull);
    CHECK(room.view().participants.size() == 2);
}

TEST_CASE("First names are kept only when the room shows them") {
    Room anonymous;
    anonymous.press(EventKind::Start);
    anonymous.join(1, "Anna");
    CHECK(anonymous.view().participants[0].name.empty());

    SessionRules rules;
    rules.show_names = true;
    Room named{rules};
    named.press(EventKind::Start);
    named.join(1, "  Anna ");
    CHECK(named.view().participants[0].name == "Anna");
    CHECK(named.join(2, std::string(31, 'x')).status == Status::BadText);
}

TEST_CASE("A new session has a new join token and forgets the phones of the last one") {
    Room room;
    room.open_at(0, 2);
    const auto token = room.view().join_token;
    CHECK(token.size() >= 16);
    CHECK(room.view().join_code.size() == 6);
    while (room.view().phase != Phase::WrapUp) room.press(EventKind::Next);
    room.press(EventKind::Start);  // closed
    CHECK(room.view().join_token.empty());
    room.press(EventKind::Start);
    CHECK(room.view().join_token != token);
    CHECK(room.view().participants.empty());
    CHECK(room.add(1, "te laat").status == Status::UnknownPerson);
}

TEST_CASE("Notes go only to the running stage, within its limit, as clean text") {
    Room room;
    room.open_at(1, 2);  // analyse: facts, 3 each
    REQUIRE(room.step_id() == "analyse");
    CHECK(room.add(1, "  De klant belde drie keer  ").status == Status::Ok);
    CHECK(room.view().notes.back().text == "De klant belde drie keer");
    room.add(1, "Twee");
    room.add(1, "Drie");
    CHECK(room.add(1, "Vier").status == Status::Limit);
    CHECK(room.add(2, "   ").status == Status::BadText);
    CHECK(room.add(2, std::string(281, 'a')).status == Status::BadText);
    CHECK(room.add(2, "bel\x01l").status == Status::BadText);

    auto stale = room.from(2, EventKind::Contribute);
    stale.as<NewNotePayload>().stage = "brainstorm";
    stale.as<NewNotePayload>().text = "te vroeg";
    CHECK(room.send(stale).status == Status::WrongStage);
    auto forged = room.from(9, EventKind::Contribute);
    forged.as<NewNotePayload>().text = "hallo";
    CHECK(room.send(forged).status == Status::UnknownPerson);
    CHECK(room.view().notes.size() == 3);
}

TEST_CASE("Stages without notes on the phone refuse them") {
    Room room;
    room.open_at(5, 1);  // validatie: scores, not notes
    CHECK(room.add(1, "een notitie").status == Status::NotOpen);
}

TEST_CASE("A participant edits and withdraws only their own notes") {
    Room room;
    room.open_at(1, 2);
    const int id = room.add(1, "eerste versie").id;
    auto edit = room.from(1, EventKind::Edit);
    edit.as<EditNotePayload>().note = id;
    edit.as<EditNotePayload>().text = "tweede versie";
    CHECK(room.send(edit).status == Status::Ok);
    CHECK(room.view().note(id)->text == "tweede versie");

    auto other = room.from(2, EventKind::Withdraw);
    other.as<NoteRefPayload>().note = id;
    CHECK(room.send(other).status == Status::NotYours);
    auto missing = room.from(1, EventKind::Withdraw);
    missing.as<NoteRefPayload>().note = 99;
    CHECK(room.send(missing).status == Status::UnknownNote);

    auto withdraw = room.from(1, EventKind::Withdraw);
    withdraw.as<NoteRefPayload>().note = id;
    CHECK(room.send(withdraw).status == Status::Ok);
    CHECK(room.view().notes_of(1).empty());
    CHECK(room.add(1, "opnieuw").status == Status::Ok);  // a withdrawn note frees its place
}

TEST_CASE("Undo takes back the note just added, only one's own and only within 30 seconds") {
    using namespace std::chrono_literals;
    Room room;
    room.open_at(1, 2);
    const auto undo = [&](int phone, int note) {
        auto event = room.from(phone, EventKind::UndoNote);
        event.as<UndoNotePayload>().note = note;
        return room.send(event);
    };
    const int first = room.add(1, "eerste").id;
    room.wait(40s);
    const int second = room.add(1, "tweede").id;
    const int theirs = room.add(2, "van een ander").id;
    room.wait(20s);
    CHECK(undo(1, theirs).status == Status::NotYours);
    const auto undone = undo(1, second);
    CHECK(undone.status == Status::Ok);
    CHECK(undone.what == Made::Note);
    CHECK(undone.id == second);
    CHECK(room.view().note(second)->withdrawn);
    CHECK(room.view().note(theirs)->visible());
    CHECK(undo(1, second).status == Status::UnknownNote);  // once
    // "eerste" was added a minute ago: too late to undo, it stays.
    CHECK(undo(1, first).status == Status::NotOpen);
    CHECK(room.view().note(first)->visible());
    CHECK(undo(2, theirs).ok());  // phone 2 still had 10 seconds
    CHECK(undo(1, 99).status == Status::UnknownNote);
    // The next stage takes no notes back from this one.
    const int late = room.add(1, "nog een").id;
    room.press(EventKind::Next);
    CHECK(undo(1, late).status != Status::Ok);
    CHECK(room.view().note(late)->visible());
}

TEST_CASE("A dot-vote stage moves from writing to voting to results by the clock") {
    Room room;
    room.open_at(2, 2);  // probleemstelling: 8 minutes, vote 2, results 2
    REQUIRE(room.step_id() == "probleemstelling");
    CHECK(room.view().part() == Part::Write);
    room.add(1, "Hoe kunnen we minder wachten, zodat klanten sneller geholpen zijn?");
    const int second = room.add(2, "Hoe kunnen we overdrachten verbeteren, zodat niets verloren gaat?").id;
    CHECK(room.vote(1, {second}).status == Status::NotOpen);  // no voting while writing

    room.wait(4min);
    CHECK(room.view().part() == Part::Vote);
    CHECK(room.add(1, "te laat").status == Status::NotOpen);
    CHECK(room.vote(1, {second, second, 1}).status == Status::Ok);
    CHECK(room.vote(2, {1, 1, 1, second}).status == Status::TooManyDots);
    CHECK(room.vote(2, {77}).status == Status::UnknownNote);
    CHECK(room.vote(2, {second}).status == Status::Ok);
    CHECK(room.view().voters(2) == 2);

    room.wait(2min);
    CHECK(room.view().part() == Part::Results);
    const auto ranking = room.view().ranking(2);
    REQUIRE(ranking.size() == 2);
    CHECK(ranking[0].note == second);
    CHECK(ranking[0].dots == 3);
    CHECK(ranking[1].dots == 1);
    CHECK(room.vote(2, {1}).status == Status::NotOpen);  // the result stands
    room.wait(2min);
    CHECK(room.step_id() == "brainstorm");
}

TEST_CASE("Next moves a dot-vote stage through its parts before leaving it") {
    Room room;
    room.open_at(3, 1);  // brainstorm
    room.press(EventKind::Next);
    CHECK(room.view().part() == Part::Vote);
    room.press(EventKind::Next);
    CHECK(room.view().part() == Part::Results);
    room.press(EventKind::Next);
    CHECK(room.step_id() == "ai-voorstel");
}

TEST_CASE("When everyone who joined is ready the stage moves on") {
    Room room;
    room.open_at(1, 3);
    room.set_ready(1);
    room.set_ready(2);
    room.set_ready(2, false);
    room.set_ready(3);
    CHECK(room.view().activity.ready.size() == 2);
    CHECK(room.step_id() == "analyse");
    room.set_ready(2);
    CHECK(room.step_id() == "probleemstelling");
    CHECK(room.view().activity.ready.empty());  // everyone starts the next stage not ready
}

TEST_CASE("Everyone ready ends the write part of a dot vote, then the vote") {
    Room room;
    room.open_at(2, 2);
    room.set_ready(1);
    room.set_ready(2);
    CHECK(room.view().part() == Part::Vote);
    room.set_ready(1);
    room.set_ready(2);
    CHECK(room.view().part() == Part::Results);
}

TEST_CASE("A room can keep the stages on the clock when everyone is ready") {
    SessionRules rules;
    rules.advance_when_all_ready = false;
    Room room{rules};
    room.open_at(1, 1);
    room.set_ready(1);
    CHECK(room.step_id() == "analyse");
}

TEST_CASE("A majority voting for more time extends the stage once") {
    Room room;
    room.open_at(1, 4);
    const auto deadline = room.view().timer.deadline;
    room.send(room.from(1, EventKind::VoteExtend));
    room.send(room.from(1, EventKind::VoteExtend));  // one vote per person
    room.send(room.from(2, EventKind::VoteExtend));
    CHECK(room.view().timer.deadline == deadline);  // two of four is no majority
    room.send(room.from(3, EventKind::VoteExtend));
    CHECK(room.view().timer.deadline == deadline + 2min);
    CHECK(room.send(room.from(4, EventKind::VoteExtend)).status == Status::NotOpen);
    CHECK(room.view().timer.deadline == deadline + 2min);
}

TEST_CASE("Only a phone that scanned the host code may pause, extend, skip or hide") {
    Room room;
    room.open_at(1, 2);
    const int id = room.add(2, "iets ongepasts").id;
    CHECK(room.send(room.from(1, EventKind::TogglePause)).status == Status::NotHost);

    room.press(EventKind::OfferHost);
    REQUIRE(room.view().host_offer);
    auto claim = room.from(1, EventKind::ClaimHost);
    claim.as<ClaimHostPayload>().code = "fout";
    CHECK(room.send(claim).status == Status::BadCode);
    claim.as<ClaimHostPayload>().code = room.view().host_offer->code;
    CHECK(room.send(claim).status == Status::Ok);
    CHECK_FALSE(room.view().host_offer);  // one phone per code
    auto second = room.from(2, EventKind::ClaimHost);
    second.as<ClaimHostPayload>() = claim.as<ClaimHostPayload>();
    CHECK(room.send(second).status == Status::BadCode);

    CHECK(room.send(room.from(1, EventKind::TogglePause)).status == Status::Ok);
    CHECK(room.view().timer.paused);
    auto hide = room.from(1, EventKind::HideNote);
    hide.as<HideNotePayload>().note = id;
    CHECK(room.send(hide).status == Status::Ok);
    CHECK(room.view().notes_of(1).empty());
    CHECK(room.send(room.from(1, EventKind::Next)).status == Status::Ok);
    CHECK(room.step_id() == "probleemstelling");
    CHECK(room.send(room.from(1, EventKind::Start)).status == Status::NotAllowed);  // opening and closing stay with the room
}

TEST_CASE("The host code expires after a minute") {
    Room room;
    room.open_at(1, 1);
    room.press(EventKind::OfferHost);
    CHECK(room.engine.next_deadline() == room.clock.monotonic() + 60s);
    const auto code = room.view().host_offer->code;
    room.wait(61s);
    CHECK_FALSE(room.view().host_offer);
    auto claim = room.from(1, EventKind::ClaimHost);
    claim.as<ClaimHostPayload>().code = code;
    CHECK(room.send(claim).status == Status::BadCode);
}

TEST_CASE("Replaying the applied events rebuilds the same session") {
    Room room;
    room.open_at(2, 3);
    room.add(1, "Hoe kunnen we A, zodat B?");
    room.add(2, "Hoe kunnen we C, zodat D?");
    room.wait(4min);  // the vote opens by the clock
    room.press(EventKind::OfferHost);
    room.vote(1, {2, 2});
    room.vote(3, {1});
    const auto events = room.engine.take_applied();

    // A different key source proves the replay takes the tokens from the events.
    Engine replay{testing::phone_content(), TimerRules{}, SessionRules{}, [] { return std::string{"other"}; }};
    for (const auto& event : events)
        if (event.kind != EventKind::TimedOut && event.kind != EventKind::PartEnded) replay.apply(event);
    const auto& a = room.view();
    const auto& b = replay.view();
    CHECK(b.join_token == a.join_token);
    REQUIRE(b.host_offer);
    CHECK(b.host_offer->code == a.host_offer->code);
    CHECK(b.participants.size() == 3);
    CHECK(b.notes.size() == 2);
    CHECK(b.part() == Part::Vote);
    CHECK(b.dots == a.dots);
}

TEST_CASE("A finished session leaves its chosen problem statement for the idle screen") {
    Room room;
    room.open_at(2, 2);
    room.add(1, "Hoe kunnen we A, zodat B?");
    const int winner = room.add(2, "Hoe kunnen we C, zodat D?").id;
    room.press(EventKind::Next);  // the vote
    room.vote(1, {winner, winner});
    room.vote(2, {winner, 1});
    while (room.view().phase != Phase::WrapUp) room.press(EventKind::Next);
    CHECK(room.view().chosen_statement() == "Hoe kunnen we C, zodat D?");
    room.press(EventKind::Start);  // closed
    CHECK(room.view().phase == Phase::Idle);
    CHECK(room.view().last_outcome == "Hoe kunnen we C, zodat D?");
    room.press(EventKind::Start);  // the next lobby still shows it
    CHECK(room.view().last_outcome == "Hoe kunnen we C, zodat D?");
}
