#pragma once
#include "kiosk/config/config_loader.hpp"

namespace kiosk::bench {

// The journal: a burst of 200 contributions through EngineLoop (time until every one is
// acknowledged, and how many disk flushes it took), and the start-up replay of an open
// session of 500 events, alone and after a year of history.
void bench_journal(const Config& config);

}  // namespace kiosk::bench
