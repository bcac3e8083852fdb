#include <catch2/catch.hpp>

#include "kiosk/core/engine.hpp"
#include "tests/test_content.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct Room {
    FakeClock clock;
    Engine engine{testing::five_stage_content(), TimerRules{}};

    void press(EventKind kind) { engine.apply({kind, clock.monotonic()}); }
    void wait(Millis time) {
        clock.advance(time);
        engine.tick(clock.monotonic());
    }
    const View& view() const { return engine.view(); }
    Millis left() const { return view().remaining(clock.monotonic()); }
    std::string step_id() const { return view().in_step() ? view().step_spec().id : "-"; }
};

}  // namespace

TEST_CASE("A new engine shows the idle screen with no timer") {
    Room room;
    CHECK(room.view().phase == Phase::Idle);
    CHECK(room.view().version == 0);
    CHECK_FALSE(room.engine.next_deadline());
}

TEST_CASE("A whole session runs from idle through every stage to wrap-up and back to idle") {
    Room room;
    room.press(EventKind::Start);
    CHECK(room.view().phase == Phase::Lobby);
    CHECK(room.view().session_number == 1);

    room.press(EventKind::Start);
    CHECK(room.step_id() == "checkin");
    CHECK(room.view().stage_number() == 0);
    CHECK(room.left() == 3min);

    // Auto-advance at zero, each stage with its own duration and number.
    const std::vector<std::pair<std::string, Millis>> stages{
        {"analyse", 12min}, {"probleemstelling", 8min}, {"brainstorm", 15min},
        {"ai-voorstel", 10min}, {"validatie", 12min}};
    room.wait(3min);
    for (std::size_t i = 0; i < stages.size(); ++i) {
        INFO("stage " << i + 1);
        CHECK(room.step_id() == stages[i].first);
        CHECK(room.view().stage_number() == static_cast<int>(i) + 1);
        CHECK(room.view().stage_count() == 5);
        CHECK(room.left() == stages[i].second);
        room.wait(stages[i].second - 1s);
        CHECK(room.step_id() == stages[i].first);
        CHECK(room.left() == 1s);
        room.wait(1s);
    }
    CHECK(room.view().phase == Phase::WrapUp);
    CHECK(room.engine.take_effects().size() == 6);  // one chime per step that ran out

    room.press(EventKind::Next);
    CHECK(room.view().phase == Phase::Idle);
}

TEST_CASE("Start on the wrap-up screen closes the session, during a stage it does nothing") {
    Room room;
    room.press(EventKind::Start);
    room.press(EventKind::Start);
    const auto version = room.view().version;
    room.press(EventKind::Start);
    CHECK(room.view().version == version);
    for (int i = 0; i < 6; ++i) room.press(EventKind::Next);
    CHECK(room.view().phase == Phase::WrapUp);
    room.press(EventKind::Start);
    CHECK(room.view().phase == Phase::Idle);
}

TEST_CASE("The warning state starts in the last minute and not before") {
    Room room;
    room.press(EventKind::Start);
    room.press(EventKind::Start);
    room.wait(3min);  // analyse, 12 minutes
    room.wait(10min + 59s);
    CHECK(room.left() == 61s);
    CHECK_FALSE(room.view().in_warning(room.clock.monotonic()));
    room.wait(1s);
    CHECK(room.view().in_warning(room.clock.monotonic()));
}

TEST_CASE("A paused timer keeps its time however long the pause lasts") {
    Room room;
    room.press(EventKind::Start);
    room.press(EventKind::Start);
    room.wait(1min);
    room.press(EventKind::TogglePause);
    CHECK(room.view().timer.paused);
    CHECK_FALSE(room.engine.next_deadline());
    room.wait(30min);
    CHECK(room.step_id() == "checkin");
    CHECK(room.left() == 2min);

    room.press(EventKind::TogglePause);
    CHECK_FALSE(room.view().timer.paused);
    room.wait(2min - 1ms);
    CHECK(room.step_id() == "checkin");
    room.wait(1ms);
    CHECK(room.step_id() == "analyse");
}

TEST_CASE("Extend adds the configured minutes to a running and to a paused step") {
    Room room;
    room.press(EventKind::Start);
    room.press(EventKind::Start);
    room.wait(2min + 30s);
    room.press(EventKind::Extend);
    CHECK(room.left() == 30s + 2min);
    CHECK(room.view().timer.duration == 5min);

    room.press(EventKind::TogglePause);
    room.press(EventKind::Extend);
    CHECK(room.left() == 30s + 4min);
    room.press(EventKind::TogglePause);
    room.wait(4min + 29s);
    CHECK(room.step_id() == "checkin");
}

TEST_CASE("Next ends a step early and the next one starts with its full time") {
    Room room;
    room.press(EventKind::Start);
    room.press(EventKind::Start);
    room.wait(1min);
    room.press(EventKind::Next);
    CHECK(room.step_id() == "analyse");
    CHECK(room.left() == 12min);
    CHECK(room.engine.take_effects().empty());  // no chime for a step the group ended itself
}

TEST_CASE("Previous returns to a step with the time it had left, at least one minute") {
    Room room;
    room.press(EventKind::Start);
    room.press(EventKind::Start);
    room.press(EventKind::Next);  // analyse
    room.wait(4min);
    room.press(EventKind::Next);  // probleemstelling
    room.wait(1min);
    room.press(EventKind::Previous);
    CHECK(room.step_id() == "analyse");
    CHECK(room.left() == 8min);

    room.press(EventKind::Previous);  // back to check-in, which had its full 3 minutes left
    CHECK(room.step_id() == "checkin");
    CHECK(room.left() == 3min);
    room.wait(3min);  // ran out: check-in left with zero
    room.wait(1min);
    room.press(EventKind::Previous);
    CHECK(room.step_id() == "checkin");
    CHECK(room.left() == 1min);
}

TEST_CASE("Previous from the check-in goes back to the lobby and from the lobby to idle") {
    Room room;
    room.press(EventKind::Start);
    room.press(EventKind::Start);
    room.press(EventKind::Previous);
    CHECK(room.view().phase == Phase::Lobby);
    CHECK_FALSE(room.engine.next_deadline());
    room.press(EventKind::Previous);
    CHECK(room.view().phase == Phase::Idle);
}

TEST_CASE("Previous on the wrap-up screen reopens the last stage") {
    Room room;
    room.press(EventKind::Start);
    room.press(EventKind::Start);
    for (int i = 0; i < 6; ++i) room.press(EventKind::Next);
    CHECK(room.view().phase == Phase::WrapUp);
    room.press(EventKind::Previous);
    CHECK(room.step_id() == "validatie");
    CHECK(room.left() == 12min);
}

TEST_CASE("A new session starts every step afresh") {
    Room room;
    room.press(EventKind::Start);
    room.press(EventKind::Start);
    room.wait(2min);
    room.press(EventKind::Previous);
    room.press(EventKind::Previous);  // idle
    room.press(EventKind::Start);
    CHECK(room.view().session_number == 2);
    room.press(EventKind::Start);
    CHECK(room.left() == 3min);
}

TEST_CASE("Keys that mean nothing in the current phase change nothing") {
    Room room;
    for (const auto kind : {EventKind::TogglePause, EventKind::Extend, EventKind::Previous,
                            EventKind::TimedOut}) {
        room.press(kind);
        CHECK(room.view().version == 0);
    }
    room.press(EventKind::Start);
    const auto version = room.view().version;
    room.press(EventKind::TogglePause);
    room.press(EventKind::Extend);
    CHECK(room.view().version == version);
    CHECK(room.view().phase == Phase::Lobby);
}

TEST_CASE("Every change publishes a new view with a higher version and old views stay as they were") {
    Room room;
    const auto before = room.engine.shared_view();
    room.press(EventKind::Start);
    const auto after = room.engine.shared_view();
    CHECK(after->version == before->version + 1);
    CHECK(before->phase == Phase::Idle);
    CHECK(after->phase == Phase::Lobby);
}

TEST_CASE("Time that passed unseen chains the steps at their real end times") {
    Room room;
    room.press(EventKind::Start);
    room.press(EventKind::Start);
    // Nobody ticked for 3 + 12 + 2 minutes: the engine lands in probleemstelling with 6 left.
    room.clock.advance(17min);
    room.engine.tick(room.clock.monotonic());
    CHECK(room.step_id() == "probleemstelling");
    CHECK(room.left() == 6min);
    const auto applied = room.engine.take_applied();
    REQUIRE(applied.size() == 4);
    CHECK(applied[2].kind == EventKind::TimedOut);
    CHECK(applied[3].kind == EventKind::TimedOut);
    CHECK(applied[3].at - applied[2].at == 12min);
}

TEST_CASE("An event that arrives after a deadline is applied after the step ran out") {
    Room room;
    room.press(EventKind::Start);
    room.press(EventKind::Start);
    room.clock.advance(3min + 5s);
    room.press(EventKind::TogglePause);  // the press lands in analyse, not in the check-in
    CHECK(room.step_id() == "analyse");
    CHECK(room.left() == 12min - 5s);
    CHECK(room.view().timer.paused);
}
