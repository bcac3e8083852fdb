#pragma once
#include "kiosk/config/config_loader.hpp"

namespace kiosk::bench {

struct JournalOptions {
    int burst = 200;        // contributions sent at once through the engine loop
    int events = 500;       // the open session's journaled events at start-up
    int history = 100'000;  // events of earlier sessions before it (about a year of the room)
    int runs = 5;           // start-ups timed; the median is the figure
};

// The journal: a burst of contributions through EngineLoop, each from its own phone in the
// brainstorm (time until the last accepted one is acknowledged, and the disk flushes it took;
// every outcome is awaited with a deadline and refusals are counted by status), and the
// start-up replay of an open session of `events` events, alone and after `history` events of
// earlier sessions (median of `runs` start-ups). The sessions hold only what the engine accepts,
// journaled the way EngineLoop journals it. Problems (problems.hpp): a deadline passed, a refusal,
// a walk that did not reach its stage.
void bench_journal(const Config& config, const JournalOptions& options = {});

}  // namespace kiosk::bench
