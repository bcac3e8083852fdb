#pragma once
#include "kiosk/config/config_loader.hpp"
#include "kiosk/ui/font_locator.hpp"

namespace kiosk::bench {

struct SoakOptions {
    int weeks = 4;           // each week has the room's slots (4 as shipped)
    int phones = 12;
    int idle_frames = 200;   // idle screen frames drawn between two sessions
};

// A simulated month on a fake clock: the real engine, journal, AI worker (manual route), phone
// API and HTTP server on 127.0.0.1; in every slot a session with `phones` phones through the API
// and the room's keys, each stage drawn once into memory, and the idle screen between sessions.
// Prints RSS growth, open files and threads from after the second session to the end, and the
// journal's size against what the phones said, per session. No display needed.
void bench_soak(const Config& config, const ui::FontFiles& fonts, const SoakOptions& options);

}  // namespace kiosk::bench
