#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "kiosk/core/engine_loop.hpp"
#include "tests/test_content.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// Polls until `done` holds or two seconds pass; the loop runs on its own thread.
template <typename Condition>
bool eventually(Condition done) {
    for (int i = 0; i < 200; ++i) {
        if (done()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return done();
}

std::shared_ptr<const Content> quick_content(Millis step) {
    auto content = std::make_shared<Content>(*testing::five_stage_content());
    for (auto& spec : content->steps) spec.duration = step;
    return content;
}

}  // namespace

TEST_CASE("Events posted from other threads are applied in order and published") {
    FakeClock clock;
    Engine engine{testing::five_stage_content(), TimerRules{}};
    std::atomic<int> views{0};
    EngineLoop loop{engine, clock, {[&](const auto&) { ++views; }, nullptr, nullptr, nullptr, nullptr, nullptr}};
    std::thread phone{[&] { loop.post(EventKind::Start); }};
    phone.join();
    loop.post(EventKind::Start);
    loop.post(EventKind::Next);
    REQUIRE(eventually([&] { return loop.view()->in_step() && loop.view()->step == 1; }));
    CHECK(views >= 1);
    CHECK(loop.view()->version == 3);
}

TEST_CASE("The loop wakes itself at a deadline and asks for the chime") {
    SystemClock clock;
    Engine engine{quick_content(60ms), TimerRules{}};
    std::atomic<int> chimes{0};
    std::atomic<int> timed_out{0};
    EngineLoop loop{engine, clock,
                    {nullptr, [&](Effect effect) { chimes += effect == Effect::Chime; },
                     [&](const std::vector<Event>& events) {
                         for (const auto& event : events) timed_out += event.kind == EventKind::TimedOut;
                     },
                     nullptr, nullptr, nullptr}};
    loop.post(EventKind::Start);
    loop.post(EventKind::Start);
    // Six steps of 60 ms each run out by themselves, without any further event.
    REQUIRE(eventually([&] { return loop.view()->phase == Phase::WrapUp; }));
    CHECK(chimes == 6);
    CHECK(timed_out == 6);
}

TEST_CASE("With a fake clock, wake() makes the loop notice a deadline that passed") {
    FakeClock clock;
    Engine engine{testing::five_stage_content(), TimerRules{}};
    EngineLoop loop{engine, clock, {}};
    loop.post(EventKind::Start);
    loop.post(EventKind::Start);
    REQUIRE(eventually([&] { return loop.view()->in_step(); }));
    clock.advance(3min);
    loop.wake();
    REQUIRE(eventually([&] { return loop.view()->in_step() && loop.view()->step == 1; }));
    CHECK(loop.view()->remaining(clock.monotonic()) == 12min);
}

TEST_CASE("Stopping the loop returns promptly even while a timer runs") {
    SystemClock clock;
    Engine engine{quick_content(10min), TimerRules{}};
    EngineLoop loop{engine, clock, {}};
    loop.post(EventKind::Start);
    loop.post(EventKind::Start);
    REQUIRE(eventually([&] { return loop.view()->in_step(); }));
    const auto start = std::chrono::steady_clock::now();
    loop.stop();
    CHECK(std::chrono::steady_clock::now() - start < 1s);
}
