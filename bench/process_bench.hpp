#pragma once
#include <filesystem>

namespace kiosk::bench {

struct KioskCommand {
    std::filesystem::path binary;
    std::filesystem::path config_dir;  // with public_url on loopback
    std::filesystem::path data_dir;
};

// Process start to first presented frame (fullscreen X11 window), over several runs; `what` names
// the configuration. Returns the median in milliseconds.
double bench_startup(const KioskCommand& kiosk, int runs, const char* what = "the shipped configuration");
// The start-up again with the library grown to `formats` formats in every language (copies of the
// shipped ones under new ids), against `shipped_ms`: the goal is at most 20 ms more.
void bench_startup_with_library(const KioskCommand& kiosk, int runs, int formats, double shipped_ms);
// CPU share of one core over `seconds` for the idle screen and a ticking stage screen, and
// the peak resident memory of each.
void bench_idle_cpu_and_memory(const KioskCommand& kiosk, int seconds);

}  // namespace kiosk::bench
