// vitale-bench: prints the figures the issues ask for. See README, "Benchmarks".
//   vitale-bench [soak|coffee] [--frames N] [--seconds N] [--weeks N] [--idle-frames N] [--kiosk PATH --config DIR]
// Frame times, the journal, the soak and the coffee corner's fade and month need no display; the
// window, start-up and CPU figures need DISPLAY (bench/run.sh starts Xvfb and a window manager).
// `soak` runs only the soak: a simulated month on a fake clock (--weeks, --idle-frames between two
// sessions). `coffee` runs only the coffee corner's in-process figures (bench/coffee_run.sh has
// the live kiosk's).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench/coffee_bench.hpp"
#include "bench/frame_bench.hpp"
#include "bench/process_bench.hpp"
#include "bench/soak_bench.hpp"
#include "bench/store_bench.hpp"

int main(int argc, char** argv) {
    using namespace kiosk;
    int frames = 100, seconds = 60;
    bench::SoakOptions soak;
    bool only_soak = false, only_coffee = false;
    std::filesystem::path config_dir = "config", binary;
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "soak" || option == "coffee") {
            only_soak = option == "soak";
            only_coffee = option == "coffee";
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "vitale-bench: %s needs a value\n", option.c_str());
            return 2;
        }
        const char* value = argv[++i];
        if (option == "--frames") frames = std::atoi(value);
        else if (option == "--seconds") seconds = std::atoi(value);
        else if (option == "--weeks") soak.weeks = std::atoi(value);
        else if (option == "--idle-frames") soak.idle_frames = std::atoi(value);
        else if (option == "--config") config_dir = value;
        else if (option == "--kiosk") binary = value;
        else {
            std::fprintf(stderr, "vitale-bench: unknown option %s\n", option.c_str());
            return 2;
        }
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured, also in a log
    try {
        const auto config = load_config(config_dir);
        const auto fonts = ui::locate_fonts(std::filesystem::absolute(config_dir).parent_path() / "fonts");
        if (only_soak) {
            std::printf("vitale-bench: font %s, the soak only\n", fonts.family.c_str());
            bench::bench_soak(config, fonts, soak);
            return 0;
        }
        if (only_coffee) {
            std::printf("vitale-bench: font %s, the coffee corner only\n", fonts.family.c_str());
            bench::bench_coffee_fade(config, fonts);
            bench::bench_coffee_month(config, fonts);
            return 0;
        }
        std::printf("vitale-bench: font %s, %d frames a scene\n", fonts.family.c_str(), frames);
        bench::bench_frames_in_memory(config, fonts, frames);
        bench::bench_proposal_streaming(config, fonts, frames);
        bench::bench_journal(config);
        try {
            bench::bench_soak(config, fonts, soak);
        } catch (const std::exception& error) {  // the figures after it still count
            std::printf("\n(the soak stopped: %s)\n", error.what());
        }
        try {
            bench::bench_coffee_fade(config, fonts);
            bench::bench_coffee_month(config, fonts);
        } catch (const std::exception& error) {
            std::printf("\n(the coffee corner bench stopped: %s)\n", error.what());
        }
        if (!std::getenv("DISPLAY")) {
            std::printf("\n(DISPLAY is not set: window, start-up and CPU figures skipped; run bench/run.sh)\n");
            return 0;
        }
        bench::bench_frames_in_window(config, fonts, frames);
        if (!binary.empty()) {
            const auto data = std::filesystem::temp_directory_path() / "vitale-bench-data";
            const bench::KioskCommand kiosk{binary, config_dir, data};
            bench::bench_startup(kiosk, 7);
            bench::bench_idle_cpu_and_memory(kiosk, seconds);
            std::filesystem::remove_all(data);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "vitale-bench: %s\n", error.what());
        return 1;
    }
    return 0;
}
