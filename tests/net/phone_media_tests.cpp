// What a phone is told about a stage's clip: that it plays, what it shows (its alt) and the
// caption the screen shows now; nothing once it is over, and nothing for a picture.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "kiosk/net/phone_state.hpp"
#include "tests/engine_room.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono_literals;

namespace {

std::shared_ptr<const Content> content_with_clip() {
    auto content = std::make_shared<Content>(*phone_content());
    content->steps[1].media = {{MediaKind::Video, "intro.mp4", MediaShow::Panel, MediaWhen::AtStart, Millis{0}, "Vijf dia's over oefenen"},
                               {MediaKind::Image, "schema.png", MediaShow::Full, MediaWhen::OnKey, Millis{0}, "Een schema"}};
    return content;
}

nlohmann::json stage_seen(const Room& room, const std::string& caption) {
    net::PhoneContext context;
    context.now = room.clock.monotonic();
    context.caption = caption;
    return nlohmann::json::parse(net::phone_state_json(room.view(), Room::key(1), context)).at("stage");
}

}  // namespace

TEST_CASE("A phone is told a clip plays with what it shows and its caption and nothing once it is over") {
    Room room{SessionRules{}, content_with_clip()};
    room.open_at(1, 2);
    const auto playing = stage_seen(room, "Kies één lastige situatie");
    REQUIRE(playing.contains("media"));
    CHECK(playing["media"]["kind"] == "video");
    CHECK(playing["media"]["alt"] == "Vijf dia's over oefenen");
    CHECK(playing["media"]["caption"] == "Kies één lastige situatie");
    room.wait(25s);
    REQUIRE(room.send({EventKind::MediaEnd, Sender::system(), MediaPayload{"analyse", 0, 25'000, ""}}).status == Status::Ok);
    CHECK_FALSE(stage_seen(room, "").contains("media"));
    room.send(Event{EventKind::MediaReplay});  // the picture, on the key: nothing to tell a phone
    CHECK_FALSE(stage_seen(room, "").contains("media"));
}
