// Which format a session runs: the slot's, the phones' dots on the formats the trajectory used
// least, the room's number on a tie, the room's F through the library, and the fact it leaves.
#include <catch2/catch.hpp>

#include "tests/engine_room.hpp"

using namespace kiosk;
using namespace kiosk::testing;

namespace {

// Four formats: "werksituatie" (the default), "innovatie" with three stages and framing questions
// of its own, "vaardigheid", and "schets", a draft.
std::shared_ptr<const Library> four_formats() {
    auto library = std::make_shared<Library>();
    const auto format = [](std::string id, FormatStatus status) {
        auto content = std::make_shared<Content>(*phone_content());
        content->id = id;
        content->title = "Vorm " + id;
        content->status = status;
        return content;
    };
    auto innovation = format("innovatie", FormatStatus::Ready);
    innovation->steps.resize(4);
    innovation->framing_questions = {"Welk experiment?", "Voor wie?"};
    innovation->reflection_questions = {"Welk experiment loopt nog?"};
    library->formats = {innovation, format("schets", FormatStatus::Draft), format("vaardigheid", FormatStatus::Ready),
                        format("werksituatie", FormatStatus::Ready)};
    return library;
}

struct FormatRoom : Room {
    FormatRoom() : Room{SessionRules{}, four_formats()} {}
    Outcome dot(int n, const std::string& id) {
        auto event = from(n, EventKind::VideoframeVote);
        event.as<VideoframeVotePayload>().videoframe = id;
        return send(event);
    }
    Outcome pick(int number) { return send({EventKind::RoomPick, Sender::room(), RoomPickPayload{number}}); }
    void open_with(int people) {
        press(EventKind::Start);
        for (int n = 1; n <= people; ++n) join(n);
    }
    std::vector<std::string> formats_settled() {
        std::vector<std::string> ids;
        for (const auto& fact : engine.take_facts())
            if (const auto* format = std::get_if<VideoframeFact>(&fact)) ids.push_back(format->id);
        return ids;
    }
};

}  // namespace

TEST_CASE("The lobby offers the ready formats the trajectory used least, never a draft") {
    FormatRoom fresh;  // a new trajectory: the default first, then the library's order
    fresh.open_with(0);
    CHECK(fresh.view().videoframes.offered == std::vector<std::string>{"werksituatie", "innovatie", "vaardigheid"});
    FormatRoom room;
    room.engine.remember_formats({"werksituatie", "werksituatie", "vaardigheid"});
    room.open_with(0);
    CHECK(room.view().videoframes.offered == std::vector<std::string>{"innovatie", "vaardigheid", "werksituatie"});
    CHECK(room.view().content->id == "werksituatie");  // the lobby shows the default until one is chosen
    CHECK(room.dot(1, "schets").status == Status::UnknownPerson);  // nobody joined yet
    room.join(1);
    CHECK(room.dot(1, "schets").status == Status::UnknownVideoframe);
}

TEST_CASE("The phones' dots choose the format when the room starts, and the choice is a fact") {
    FormatRoom room;
    room.open_with(3);
    CHECK(room.dot(1, "innovatie").ok());
    CHECK(room.dot(2, "innovatie").ok());
    CHECK(room.dot(3, "vaardigheid").ok());
    CHECK(room.dot(3, "vaardigheid").status == Status::Ignored);  // one dot each: the same again changes nothing
    CHECK(room.view().leading_videoframe() == "innovatie");
    room.press(EventKind::Start);
    CHECK(room.view().step == 0);
    CHECK(room.view().content->id == "innovatie");
    CHECK(room.view().content->steps.size() == 4);
    CHECK(room.view().parts.size() == 4);  // room for the chosen format's steps
    CHECK(room.formats_settled() == std::vector<std::string>{"innovatie"});
    CHECK(room.dot(1, "vaardigheid").status == Status::NotOpen);  // the lobby is behind us
}

TEST_CASE("A tie waits for the room's number key, which picks and starts") {
    FormatRoom room;
    room.open_with(2);
    room.dot(1, "vaardigheid");
    room.dot(2, "werksituatie");
    room.press(EventKind::Start);
    CHECK(room.view().phase == Phase::Lobby);
    CHECK(room.view().videoframes.tied == std::vector<std::string>{"werksituatie", "vaardigheid"});  // in the offer's order
    CHECK(room.send(Event{EventKind::Start}).status == Status::Ignored);  // still waiting for a number
    CHECK(room.pick(2).status == Status::Ignored);  // the numbers are the screen's: 2 is innovatie, which does not tie
    CHECK(room.pick(3).ok());                       // 3 is vaardigheid
    CHECK(room.view().step == 0);
    CHECK(room.view().content->id == "vaardigheid");
    CHECK(room.formats_settled() == std::vector<std::string>{"vaardigheid"});
}

TEST_CASE("Without a dot the session runs the room's default format") {
    FormatRoom room;
    room.open_with(2);
    room.press(EventKind::Start);
    CHECK(room.view().content->id == "werksituatie");
    CHECK(room.formats_settled() == std::vector<std::string>{"werksituatie"});
}

TEST_CASE("The room's F steps through the ready formats of the library and wins over the dots") {
    FormatRoom room;
    room.open_with(2);
    room.dot(1, "vaardigheid");
    room.dot(2, "vaardigheid");
    room.press(EventKind::NextVideoframe);
    CHECK(room.view().videoframes.room_pick == "innovatie");
    room.press(EventKind::NextVideoframe);
    CHECK(room.view().videoframes.room_pick == "vaardigheid");  // the draft is skipped
    room.press(EventKind::NextVideoframe);
    room.press(EventKind::NextVideoframe);
    CHECK(room.view().videoframes.room_pick.empty());  // past the last: back to the dots
    room.press(EventKind::NextVideoframe);
    room.press(EventKind::Start);
    CHECK(room.view().content->id == "innovatie");
    // A number in the lobby picks an offered format without starting.
    FormatRoom numbers;
    numbers.open_with(1);
    CHECK(numbers.pick(1).ok());
    CHECK(numbers.view().phase == Phase::Lobby);
    CHECK(numbers.view().leading_videoframe() == numbers.view().videoframes.offered[0]);
}

TEST_CASE("A slot's format is fixed: the lobby offers nothing and takes no dots") {
    FormatRoom room;
    Event start{EventKind::Start};
    start.as<ChosenPayload>().videoframes = "vaardigheid";
    room.send(start);
    room.join(1);
    CHECK(room.view().videoframes.fixed == "vaardigheid");
    CHECK(room.view().videoframes.offered.empty());
    CHECK(room.view().content->id == "vaardigheid");
    CHECK(room.dot(1, "innovatie").status == Status::UnknownVideoframe);
    room.press(EventKind::Start);
    CHECK(room.view().content->id == "vaardigheid");
    // A draft or an unknown id in the slot leaves the choice to the lobby.
    FormatRoom draft;
    Event named{EventKind::Start};
    named.as<ChosenPayload>().videoframes = "schets";
    draft.send(named);
    CHECK(draft.view().videoframes.fixed.empty());
    CHECK(draft.view().videoframes.offered.size() == 3);
}

TEST_CASE("A replay that recalled the chosen format runs it, whatever the dots say") {
    FormatRoom room;
    room.engine.recall({VideoframeFact{"vaardigheid"}});
    room.open_with(2);
    room.dot(1, "innovatie");
    room.dot(2, "innovatie");
    room.press(EventKind::Start);
    CHECK(room.view().content->id == "vaardigheid");
    CHECK(room.formats_settled().empty());  // recalled, not said again
}

TEST_CASE("The lobby's framing picks keep their questions when the chosen format has others") {
    FormatRoom room;
    room.open_with(1);
    const auto lobby_question = room.view().content->framing_questions.at(0);
    auto framing = room.from(1, EventKind::FramingVote);
    framing.as<FramingPayload>().picks = {0};
    CHECK(room.send(framing).ok());
    room.dot(1, "innovatie");
    room.press(EventKind::Start);
    REQUIRE(room.view().framing == std::vector<int>{0});
    CHECK(room.view().content->framing_questions.at(0) == lobby_question);
}

TEST_CASE("A closed session's format counts for the next lobby, and between sessions the default is back") {
    FormatRoom room;
    room.open_with(1);
    room.dot(1, "innovatie");
    room.press(EventKind::Start);
    while (room.view().phase != Phase::WrapUp) room.press(EventKind::Next);
    room.press(EventKind::Start);
    CHECK(room.view().phase == Phase::Idle);
    CHECK(room.view().format_history == std::vector<std::string>{"innovatie"});
    CHECK(room.view().content->id == "werksituatie");
    room.press(EventKind::Start);
    CHECK(room.view().videoframes.offered == std::vector<std::string>{"werksituatie", "vaardigheid", "innovatie"});
    // A session closed from its lobby did not run a format.
    room.press(EventKind::Previous);
    CHECK(room.view().format_history.size() == 1);
}

TEST_CASE("The coffee corner asks the questions of the format of the last session before its week, all week") {
    FormatRoom room;
    const auto week = [&](int yyyyww) {
        Event event{EventKind::CoffeeWeek, Sender::system(), CoffeeWeekPayload{yyyyww, {}, {}}};
        room.engine.prepare(event);  // the week's link, as the engine loop makes it
        REQUIRE(room.send(std::move(event)).ok());
    };
    week(202649);
    CHECK(room.view().coffee_format()->id == "werksituatie");  // no session yet: the default's
    room.open_with(1);
    room.dot(1, "innovatie");
    room.press(EventKind::Start);
    while (room.view().phase != Phase::WrapUp) room.press(EventKind::Next);
    room.press(EventKind::Start);
    CHECK(room.view().week_formats == std::map<int, std::string>{{202649, "innovatie"}});
    CHECK(room.view().coffee_format()->id == "werksituatie");  // this week's answers keep their question
    week(202650);
    CHECK(room.view().coffee_format()->id == "innovatie");
    CHECK(room.view().coffee_format()->reflection_questions.at(0) == "Welk experiment loopt nog?");
    week(202651);  // a week without sessions: still the last one's
    CHECK(room.view().coffee_format()->id == "innovatie");
}

TEST_CASE("A week's format the library no longer has leaves the coffee corner with the default") {
    const auto library = four_formats();
    CHECK(coffee_format(*library, {{202648, "vaardigheid"}, {202649, "weg"}}, 202650)->id == "werksituatie");
    CHECK(coffee_format(*library, {{202648, "vaardigheid"}, {202649, "weg"}}, 202649)->id == "vaardigheid");
    CHECK(coffee_format(*library, {}, 202649)->id == "werksituatie");
}
