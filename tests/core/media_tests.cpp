// A stage's clips, pictures and sounds in the session: what starts when, where a clip is in step
// time (the stage's pause holds it), the room's R, one sound at a time, the player's reports
// (an end, a problem, where it goes on after a restart), and the record.
#include <catch2/catch.hpp>

#include "tests/engine_room.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono_literals;

namespace {

constexpr int k_analysis = 1;  // 12 minutes, notes, no vote

MediaItem entry(MediaKind kind, const std::string& file, MediaWhen when, Millis after = Millis{0}) {
    return {kind, file, MediaShow::Panel, when, after, "Wat " + file + " laat zien"};
}

// The analysis with a clip at its start, a sound on the room's key and a picture at minute 4.
std::shared_ptr<const Content> content_with_media() {
    auto content = std::make_shared<Content>(*phone_content());
    content->steps[k_analysis].media = {entry(MediaKind::Video, "intro.mp4", MediaWhen::AtStart),
                                        entry(MediaKind::Audio, "fragment.ogg", MediaWhen::OnKey),
                                        entry(MediaKind::Image, "schema.png", MediaWhen::AfterMinutes, 4min)};
    return content;
}

struct MediaRoom : Room {
    MediaRoom() : Room{SessionRules{}, content_with_media()} {}
    const MediaState& state(int item) const { return *view().media_state(item); }
    Millis position(int item) const { return view().media_position(item, clock.monotonic()); }
    Outcome report(EventKind kind, int item, Millis position, const std::string& problem = "", const std::string& stage = "analyse") {
        return send({kind, Sender::system(), MediaPayload{stage, item, static_cast<int>(position.count()), problem}});
    }
};

}  // namespace

TEST_CASE("A stage's clip starts with it and plays in step time and the stage's pause holds it") {
    MediaRoom room;
    room.open_at(k_analysis - 1, 2);
    CHECK(room.view().media_on_screen().empty());
    room.press(EventKind::Next);
    REQUIRE(room.state(0).started);
    CHECK(room.position(0) == 0ms);
    CHECK_FALSE(room.state(1).started);  // on the room's key
    room.wait(30s);
    CHECK(room.position(0) == 30s);
    room.press(EventKind::TogglePause);
    room.wait(2min);
    CHECK(room.position(0) == 30s);
    room.press(EventKind::TogglePause);
    room.wait(10s);
    CHECK(room.position(0) == 40s);
    CHECK(room.view().media_on_screen() == std::vector<int>{0});
    REQUIRE(room.view().media_shown.size() == 1);
    CHECK(room.view().media_shown[0].file == "intro.mp4");
}

TEST_CASE("A picture comes at its minute of step time and not while the stage is paused") {
    MediaRoom room;
    room.open_at(k_analysis, 2);
    room.wait(3min);
    room.press(EventKind::TogglePause);
    room.wait(5min);
    CHECK_FALSE(room.state(2).started);
    room.press(EventKind::TogglePause);
    room.wait(59s);
    CHECK_FALSE(room.state(2).started);
    room.wait(1s);
    CHECK(room.state(2).started);
    CHECK(room.view().media_on_screen() == std::vector<int>{0, 2});
}

TEST_CASE("R starts the stage's entry on the key and then plays the last clip again from the start with one sound at a time") {
    MediaRoom room;
    room.open_at(k_analysis, 2);
    room.wait(20s);
    CHECK(room.send(Event{EventKind::MediaReplay}).status == Status::Ok);
    CHECK(room.state(1).started);
    CHECK(room.state(0).ended);  // the clip stops for the sound
    room.wait(15s);
    CHECK(room.send(Event{EventKind::MediaReplay}).status == Status::Ok);
    CHECK(room.state(1).plays == 2);
    CHECK(room.position(1) == 0ms);
    CHECK(room.view().media_shown.size() == 3);  // the record: the clip, the sound, the sound again
    // Outside a stage R does nothing.
    room.press(EventKind::Previous);
    room.press(EventKind::Previous);
    CHECK_FALSE(room.view().in_step());
    CHECK(room.send(Event{EventKind::MediaReplay}).status == Status::Ignored);
}

TEST_CASE("The player's reports end a clip with or without a problem and a report about a stage already left is ignored") {
    MediaRoom room;
    room.open_at(k_analysis, 2);
    room.wait(5s);
    CHECK(room.report(EventKind::MediaEnd, 0, 5s, "", "brainstorm").status == Status::Ignored);
    CHECK(room.report(EventKind::MediaEnd, 0, 5s, "mpv could not play it (unrecognized file format)").status == Status::Ok);
    CHECK(room.state(0).ended);
    CHECK(room.view().media_on_screen() == std::vector<int>{0});  // its calm line stays
    CHECK(room.view().media_shown.at(0).problem == "mpv could not play it (unrecognized file format)");
    CHECK(room.report(EventKind::MediaEnd, 0, 6s).status == Status::Ignored);  // over already
    // R plays the clip again; the previous play's end, reported late, does not end this one.
    MediaRoom again;
    again.open_at(k_analysis, 2);
    again.wait(50s);
    again.send(Event{EventKind::MediaReplay});  // the sound on the key
    again.send(Event{EventKind::MediaReplay});  // the sound again
    again.wait(1s);
    CHECK(again.report(EventKind::MediaEnd, 1, 50s).status == Status::Ignored);
    CHECK(again.report(EventKind::MediaEnd, 1, 1s).status == Status::Ok);
    // Played to its end: off the screen.
    MediaRoom fine;
    fine.open_at(k_analysis, 2);
    fine.wait(90s);
    CHECK(fine.report(EventKind::MediaEnd, 0, 90s).status == Status::Ok);
    CHECK(fine.view().media_on_screen().empty());
    CHECK(fine.view().media_shown.at(0).problem.empty());
}

TEST_CASE("After a restart the clip goes on where the screen had it and leaving the stage stops it") {
    MediaRoom room;
    room.open_at(k_analysis, 2);
    room.wait(40s);
    CHECK(room.report(EventKind::MediaResume, 0, 12s).status == Status::Ok);
    CHECK(room.position(0) == 12s);
    room.wait(3s);
    CHECK(room.position(0) == 15s);
    room.press(EventKind::Next);
    room.press(EventKind::Previous);
    CHECK(room.state(0).ended);  // back in the stage: it does not start by itself again
    CHECK(room.view().media_on_screen().empty());
    CHECK(room.report(EventKind::MediaResume, 0, 12s).status == Status::Ignored);
}
