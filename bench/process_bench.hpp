#pragma once
#include <filesystem>

namespace kiosk::bench {

struct KioskCommand {
    std::filesystem::path binary;
    std::filesystem::path config_dir;  // with public_url on loopback
    std::filesystem::path data_dir;
};

// Process start to first presented frame (fullscreen X11 window), over several runs.
void bench_startup(const KioskCommand& kiosk, int runs);
// CPU share of one core over `seconds` for the idle screen and a ticking stage screen, and
// the peak resident memory of each.
void bench_idle_cpu_and_memory(const KioskCommand& kiosk, int seconds);

}  // namespace kiosk::bench
