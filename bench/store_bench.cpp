#include "bench/store_bench.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <thread>

#include "kiosk/core/engine_loop.hpp"
#include "kiosk/store/journal.hpp"

namespace kiosk::bench {

namespace {

using Steady = std::chrono::steady_clock;

double ms_between(Steady::time_point a, Steady::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

std::filesystem::path fresh_dir(const char* name) {
    const auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

SessionRules roomy() {
    SessionRules rules;
    rules.max_participants = 500;
    return rules;
}

// Joins `people` phones, then walks to the brainstorm; everything through the journal.
void open_brainstorm(EngineLoop& loop, int people) {
    loop.post(EventKind::Start);
    for (int i = 0; i < people; ++i) {
        loop.submit({EventKind::Join, Sender::participant("bench-phone-" + std::to_string(100000 + i)), JoinPayload{}}, nullptr);
    }
    for (int i = 0; i < 6; ++i) loop.post(EventKind::Next);  // check-in ... brainstorm
    while (!(loop.view()->in_step() && loop.view()->step_spec().id == "brainstorm"))
        std::this_thread::sleep_for(std::chrono::milliseconds{2});
}

void burst(const Config& config) {
    const auto dir = fresh_dir("vitale-bench-journal");
    store::Journal journal{dir};
    SystemClock clock;
    Engine engine{config.content, config.settings.timers, roomy()};
    EngineLoop loop{engine, clock,
                    {nullptr, nullptr, nullptr,
                     [&](const std::vector<Event>& batch) {
                         journal.append(batch, clock);
                         return true;
                     },
                     [&](std::size_t index, bool opened) { journal.mark_session(index, opened); }}};
    open_brainstorm(loop, 200);
    const auto commits_before = journal.commits();
    std::atomic<int> acknowledged{0};
    const auto start = Steady::now();
    for (int i = 0; i < 200; ++i) {
        Event note{EventKind::Contribute, Sender::participant("bench-phone-" + std::to_string(100000 + i)),
                   NewNotePayload{"brainstorm", "Idee " + std::to_string(i) + ": een gedeeld bord met open terugbelverzoeken"}};
        loop.submit(note, [&](const Outcome& outcome) { acknowledged += outcome.ok() ? 1 : 0; });
    }
    while (acknowledged.load() < 200) std::this_thread::sleep_for(std::chrono::microseconds{200});
    const double took = ms_between(start, Steady::now());
    std::printf("  burst of 200 contributions: all acknowledged after %.1f ms, %lld disk flushes (commits)\n", took,
                static_cast<long long>(journal.commits() - commits_before));
    loop.stop();
    std::filesystem::remove_all(dir);
}

// A session of `events` journaled events after `history` events of earlier sessions.
void replay(const Config& config, int history, int events) {
    const auto dir = fresh_dir("vitale-bench-replay");
    FakeClock clock;
    {
        store::Journal journal{dir};
        Engine engine{config.content, config.settings.timers, roomy()};
        std::vector<Event> batch;
        const auto flush = [&] {
            journal.append(batch, clock);
            batch.clear();
        };
        const auto record = [&](Event event) {
            event.at = clock.monotonic();
            engine.prepare(event);
            batch.push_back(event);
            const bool was_open = engine.view().session_open();
            engine.apply(event);
            if (was_open != engine.view().session_open()) {
                flush();
                journal.mark_session(0, !was_open);  // not exact within a batch; fine for timing
            }
            if (batch.size() >= 50) flush();
        };
        const auto session = [&](int count) {
            record(Event{EventKind::Start});
            for (int i = 0; i < 20; ++i) {
                record({EventKind::Join, Sender::participant("bench-phone-" + std::to_string(100000 + i)), JoinPayload{}});
            }
            for (int i = 0; i < 6; ++i) record(Event{EventKind::Next});
            for (int i = 0; i < count - 27; ++i) {
                record({EventKind::Contribute, Sender::participant("bench-phone-" + std::to_string(100000 + i % 20)),
                        NewNotePayload{"brainstorm", "Idee " + std::to_string(i)}});
            }
        };
        for (int done = 0; done < history; done += events) {
            session(events);
            while (engine.view().phase != Phase::WrapUp) record(Event{EventKind::Next});
            record(Event{EventKind::Start});  // closes the session
        }
        session(events);
        flush();
    }
    const auto start = Steady::now();
    store::Journal journal{dir};
    Engine engine{config.content, config.settings.timers, roomy()};
    const auto entries = journal.open_session();
    store::replay(engine, entries, clock);
    const double took = ms_between(start, Steady::now());
    std::printf("  start-up replay of a %zu-event session after %d events of history: %.1f ms (goal <= 200 ms)\n",
                entries.size(), history, took);
    std::filesystem::remove_all(dir);
}

}  // namespace

void bench_journal(const Config& config) {
    std::printf("\nJournal (SQLite, WAL, synchronous=FULL, in %s)\n", std::filesystem::temp_directory_path().c_str());
    burst(config);
    replay(config, 0, 500);
    replay(config, 100'000, 500);
}

}  // namespace kiosk::bench
