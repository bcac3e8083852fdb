// Who may send what, per kind of sender, from the action table; what a stranger sends is
// refused before it costs the journal anything; a session's phones have a byte budget.
#include <catch2/catch.hpp>

#include <set>

#include "tests/engine_room.hpp"

using namespace kiosk;
using kiosk::testing::Room;

namespace {

std::set<EventKind> kinds_sent_by(unsigned senders) {
    std::set<EventKind> kinds;
    for (const auto& spec : action_specs())
        if (spec.senders & senders) kinds.insert(spec.kind);
    return kinds;
}

// Three phones in the analysis; phone 1 claims the host code.
void make_host(Room& room) {
    room.open_at(1, 3);
    room.press(EventKind::OfferHost);
    auto claim = room.from(1, EventKind::ClaimHost);
    claim.as<ClaimHostPayload>().code = room.view().host_offer->code;
    REQUIRE(room.send(claim).ok());
}

}  // namespace

TEST_CASE("The action table says once who may send what") {
    using E = EventKind;
    CHECK(kinds_sent_by(k_room) ==
          std::set<E>{E::Start, E::Next, E::Previous, E::TogglePause, E::Extend, E::OfferHost, E::TogglePrompt, E::AskAgain,
                      E::RoomPick, E::NewCode, E::CoffeeModerate, E::NextVideoframe,
                                                  E::SkipSurprise, E::RedrawSurprise, E::MediaReplay});
    CHECK(kinds_sent_by(k_system) == std::set<E>{E::AiPrompt, E::AiText, E::AiEnd, E::TimedOut, E::PartEnded, E::WindowEnded,
                                                E::RunOffEnded, E::CloseCodes, E::CoffeeWeek, E::CoffeeQuestion,
                                                E::MediaEnd, E::MediaResume});
    CHECK(kinds_sent_by(k_host) == std::set<E>{E::Next, E::TogglePause, E::Extend, E::HideNote, E::RemoveParticipant});
    CHECK(kinds_sent_by(k_joiner) == std::set<E>{E::Join});
    // The coffee corner's phones send the coffee corner's actions and nothing else, all of them on
    // /api/coffee/ routes; the session's phones send none of them.
    std::set<E> coffee_phone_kinds;
    for (const auto& spec : action_specs()) {
        INFO(spec.name);
        const bool coffee_phone = spec.senders & (k_visitor | k_moderator);
        CHECK((!coffee_phone || spec.module() == Module::Coffee));
        CHECK(coffee_phone == spec.route.starts_with("/api/coffee/"));
        if (spec.module() == Module::Coffee) CHECK_FALSE((spec.senders & (k_joiner | k_participant | k_host)));
        if (coffee_phone) coffee_phone_kinds.insert(spec.kind);
    }
    CHECK(kinds_sent_by(k_visitor | k_moderator) == coffee_phone_kinds);
    CHECK(kinds_sent_by(k_moderator) == std::set<E>{E::CoffeeModerate});
    // Every kind is in the table, in order, with a journal name of its own and a handler.
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < action_specs().size(); ++i) {
        const auto& spec = action_specs()[i];
        CHECK(static_cast<std::size_t>(spec.kind) == i);
        CHECK(names.insert(spec.name).second);
        CHECK(std::visit([](auto handler) { return handler != nullptr; }, spec.handle));
        CHECK(event_kind_from(spec.name) == spec.kind);
        // Only what phones (participants, coffee-corner visitors) may send has a route, and all of that has one.
        CHECK(spec.route.empty() == !(spec.senders & (k_joiner | k_participant | k_host | k_visitor | k_moderator)));
    }
    CHECK(static_cast<std::size_t>(action_specs().back().kind) + 1 == action_specs().size());
}

TEST_CASE("The room may press its keys, a phone may not, whatever it sends") {
    Room room;
    room.open_at(1, 2);
    // Every action a participant may not send (the room's keys, the system's, the coffee
    // corner's) is refused as not allowed, and every host-only one as not the host's: by the
    // table, before any handler runs, so the session does not change.
    int refused = 0;
    for (const auto& spec : action_specs()) {
        INFO(spec.name);
        const auto status = room.send(room.from(1, spec.kind)).status;
        if (!(spec.senders & (k_joiner | k_participant | k_host))) CHECK(status == Status::NotAllowed);
        else if (!(spec.senders & k_participant) && (spec.senders & k_host)) CHECK(status == Status::NotHost);
        else continue;
        ++refused;
    }
    CHECK(refused >= 20);  // the room's, the system's and the coffee corner's actions
    CHECK(room.step_id() == "analyse");
    // A participant with an empty key is a stranger, not the room.
    Event empty{EventKind::Next, Sender::participant(""), ChosenPayload{}};
    CHECK(room.send(empty).status == Status::UnknownPerson);
    CHECK(room.step_id() == "analyse");
    room.press(EventKind::Next);  // the room itself
    CHECK(room.step_id() == "probleemstelling");
}

TEST_CASE("Neither the room nor a phone can speak for the system, nor the system for a phone") {
    Room room;
    room.open_at(1, 1);
    const auto request = room.view().proposal.request;
    CHECK(room.send({EventKind::AiText, Sender::room(), AiTextPayload{request, "nep"}}).status == Status::NotAllowed);
    CHECK(room.send({EventKind::AiText, Sender::participant(Room::key(1)), AiTextPayload{request, "nep"}}).status ==
          Status::NotAllowed);
    CHECK(room.send({EventKind::Contribute, Sender::system(), NewNotePayload{"analyse", "nep"}}).status == Status::NotAllowed);
    CHECK(room.send({EventKind::Contribute, Sender::room(), NewNotePayload{"analyse", "nep"}}).status == Status::NotAllowed);
    CHECK(room.view().notes.empty());
}

TEST_CASE("The host may pause, extend, skip, hide and remove, not open or close the session") {
    Room room;
    make_host(room);
    CHECK(room.send(room.from(1, EventKind::TogglePause)).ok());
    CHECK(room.send(room.from(1, EventKind::Extend)).ok());
    CHECK(room.send(room.from(1, EventKind::Next)).ok());
    CHECK(room.send(room.from(1, EventKind::Start)).status == Status::NotAllowed);
    auto remove = room.from(1, EventKind::RemoveParticipant);
    remove.as<RemovePayload>().participant = 3;
    CHECK(room.send(remove).ok());
    CHECK(room.view().active_participants() == 2);
    CHECK(room.add(3, "na verwijderen").status == Status::UnknownPerson);
    CHECK(room.send(remove).status == Status::OutOfRange);  // already out
    remove.as<RemovePayload>().participant = 1;
    CHECK(room.send(remove).status == Status::NotAllowed);  // not oneself
}

TEST_CASE("A removed participant no longer counts for everyone is ready") {
    Room room;
    make_host(room);
    room.set_ready(1);
    room.set_ready(2);
    CHECK(room.step_id() == "analyse");
    auto remove = room.from(1, EventKind::RemoveParticipant);
    remove.as<RemovePayload>().participant = 3;
    room.send(remove);  // the one who never said ready is gone: everyone left is ready
    CHECK(room.step_id() == "probleemstelling");
}

TEST_CASE("What a stranger sends is refused before the journal would hold it") {
    Room room;
    Engine::Reserved reserved;
    const Event before{EventKind::Contribute, Sender::participant(Room::key(1)), NewNotePayload{"analyse", "x"}};
    CHECK(room.engine.admit(before, reserved) == Status::NoSession);  // no session open
    room.open_at(1, 1);
    CHECK(room.engine.admit(before, reserved) == Status::Ok);
    const Event stranger{EventKind::Contribute, Sender::participant(Room::key(9)), NewNotePayload{"analyse", "x"}};
    CHECK(room.engine.admit(stranger, reserved) == Status::UnknownPerson);
    const Event nobody{EventKind::Next, Sender::participant(""), ChosenPayload{}};
    CHECK(room.engine.admit(nobody, reserved) == Status::UnknownPerson);
    const Event ai{EventKind::AiText, Sender::participant(Room::key(1)), AiTextPayload{1, "nep"}};
    CHECK(room.engine.admit(ai, reserved) == Status::NotAllowed);
    // The room's own keys and the system always go through.
    CHECK(room.engine.admit(Event{EventKind::Next}, reserved) == Status::Ok);
    CHECK(room.engine.admit(Event{EventKind::TimedOut}, reserved) == Status::Ok);
}

TEST_CASE("A session's phones have a byte budget in the journal, the room's keys always work") {
    SessionRules rules;
    rules.phone_budget = 24'000;
    Room room{rules};
    room.open_at(1, 16);  // sixteen phones: the session's budget runs out before any phone's share (1/8)
    Engine::Reserved reserved;
    int admitted = 0;
    for (int i = 0; i < 200; ++i) {
        const Event note{EventKind::Contribute, Sender::participant(Room::key(1 + i % 16)),
                         NewNotePayload{"analyse", std::string(250, 'x')}};
        if (room.engine.admit(note, reserved) != Status::Ok) break;
        ++admitted;
    }
    CHECK(admitted > 60);
    CHECK(admitted < 72);  // about 24 000 / (250 + a row's overhead), less the joins
    const Event more{EventKind::Edit, Sender::participant(Room::key(1)), EditNotePayload{"analyse", 1, std::string(250, 'z')}};
    CHECK(room.engine.admit(more, reserved) == Status::BudgetSpent);
    CHECK(room.engine.admit(Event{EventKind::Next}, reserved) == Status::Ok);

    // What was applied counts the same on replay: the budget survives a restart.
    Room spent{rules};
    spent.open_at(1, 1);
    const int id = spent.add(1, std::string(250, 'y')).id;
    for (int i = 0; i < 20; ++i) {
        auto edit = spent.from(1, EventKind::Edit);
        edit.as<EditNotePayload>() = {"analyse", id, std::string(250, i % 2 ? 'y' : 'z')};
        spent.send(edit);
    }
    Engine::Reserved none;
    CHECK(spent.engine.admit(more, none) == Status::ShareSpent);  // its share: 3 000 bytes
}

TEST_CASE("One participant cannot spend the session's budget: each has a share of it") {
    SessionRules rules;
    rules.phone_budget = 80'000;  // a share is 10 000 bytes
    Room room{rules};
    room.open_at(1, 2);
    Engine::Reserved reserved;
    // What would be refused at once is refused before it is written, and costs nothing.
    const Event pasted{EventKind::PasteAnswer, Sender::participant(Room::key(1)), PastePayload{"ai-voorstel", std::string(5000, 'x')}};
    CHECK(room.engine.admit(pasted, reserved) == Status::WrongStage);
    const Event host_only{EventKind::HideNote, Sender::participant(Room::key(1)), HideNotePayload{1}};
    CHECK(room.engine.admit(host_only, reserved) == Status::NotHost);
    CHECK(reserved.bytes == 0);
    // Phone 1 writes up to its share; phone 2 still may.
    for (int i = 0; i < 60; ++i) {
        auto note = room.from(1, EventKind::Edit);
        note.as<EditNotePayload>() = {"analyse", 1, std::string(250, 'a')};
        Engine::Reserved none;
        if (room.engine.admit(note, none) != Status::Ok) break;
        room.send(note);
    }
    const Event more{EventKind::Edit, Sender::participant(Room::key(1)), EditNotePayload{"analyse", 1, std::string(250, 'b')}};
    Engine::Reserved none;
    CHECK(room.engine.admit(more, none) == Status::ShareSpent);
    const Event other{EventKind::Edit, Sender::participant(Room::key(2)), EditNotePayload{"analyse", 1, std::string(250, 'c')}};
    CHECK(room.engine.admit(other, none) == Status::Ok);
}

TEST_CASE("A participant's share counts what the same batch already holds for it") {
    SessionRules rules;
    rules.phone_budget = 80'000;  // a share is 10 000 bytes
    Room room{rules};
    room.open_at(1, 2);
    // One burst: everything arrives in one batch, nothing applied yet.
    Engine::Reserved batch;
    int admitted = 0;
    for (int i = 0; i < 200; ++i) {
        const Event note{EventKind::Contribute, Sender::participant(Room::key(1)), NewNotePayload{"analyse", std::string(250, 'x')}};
        if (room.engine.admit(note, batch) != Status::Ok) break;
        ++admitted;
    }
    CHECK(admitted >= 25);
    CHECK(admitted <= 40);  // 10 000 bytes of notes of 250 and a row's overhead, not the session's 80 000 (over 240)
    CHECK(batch.bytes <= 10'000);
    // The other participant's share is untouched by that burst.
    const Event other{EventKind::Contribute, Sender::participant(Room::key(2)), NewNotePayload{"analyse", std::string(250, 'y')}};
    CHECK(room.engine.admit(other, batch) == Status::Ok);
}

TEST_CASE("A join that changes nothing is not written: a known key, a removed one, a full room") {
    SessionRules rules;
    rules.max_participants = 2;
    Room room{rules};
    room.open_at(1, 2);
    Engine::Reserved reserved;
    CHECK(room.engine.admit({EventKind::Join, Sender::participant(Room::key(1)), JoinPayload{}}, reserved) == Status::Ignored);
    CHECK(room.engine.admit({EventKind::Join, Sender::participant(Room::key(3)), JoinPayload{}}, reserved) == Status::RoomFull);
    CHECK(reserved.bytes == 0);
}

TEST_CASE("The room's V key asks for a second version of the proposal") {
    SessionRules rules;
    rules.constraints_window = Millis{0};
    Room room{rules};
    room.open_at(4, 1);  // the AI stage: the prompt is asked for at once
    room.send({EventKind::AiPrompt, Sender::system(), AiPromptPayload{room.view().proposal.request, "p", "model", 0}});
    room.send({EventKind::AiText, Sender::system(), AiTextPayload{room.view().proposal.request, "Voorstel."}});
    room.send({EventKind::AiEnd, Sender::system(), AiEndPayload{room.view().proposal.request, ""}});
    const int before = room.view().proposal.request;
    CHECK(room.send(Event{EventKind::AskAgain}).ok());  // what the screen loop posts for V: no stage of its own
    CHECK(room.view().proposal.request == before + 1);
}

TEST_CASE("A pause measures itself, also when time is added while paused") {
    SessionRules rules;
    rules.constraints_window = std::chrono::seconds{90};
    Room room{rules};
    room.open_at(4, 1);
    const auto window_end = room.view().proposal.window_end;
    room.press(EventKind::TogglePause);
    room.wait(std::chrono::minutes{1});
    room.press(EventKind::Extend);  // 2 minutes more while paused
    room.press(EventKind::TogglePause);
    CHECK(room.view().proposal.window_end == window_end + std::chrono::minutes{1});  // the pause, not the extension
}

TEST_CASE("Typing the code closes when the kiosk says so, the room opens it with a fresh code") {
    Room room;
    room.open_at(1, 2);
    const auto first = room.view().join_code;
    // Only the kiosk itself closes code entry (its phone API counts wrong codes), not a phone.
    CHECK(room.send(room.from(1, EventKind::CloseCodes)).status == Status::NotAllowed);
    CHECK_FALSE(room.view().codes_closed);
    REQUIRE(room.send(Event{EventKind::CloseCodes, Sender::system(), NoPayload{}}).ok());
    CHECK(room.view().codes_closed);
    CHECK(room.view().join_code == first);  // the screen hides it; it still exists
    // A phone cannot ask for a fresh code; the room can (key C).
    CHECK(room.send(room.from(1, EventKind::NewCode)).status == Status::NotAllowed);
    room.press(EventKind::NewCode);
    CHECK_FALSE(room.view().codes_closed);
    CHECK(room.view().join_code != first);
    CHECK(room.view().join_code.size() == 6);
}
