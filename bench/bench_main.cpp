// vitale-bench: prints the figures the issues ask for. See README, "Benchmarks".
//   vitale-bench [--frames N] [--seconds N] [--kiosk PATH --config DIR]
// Frame times need no display; the window, start-up and CPU figures need DISPLAY (bench/run.sh
// starts Xvfb and a window manager).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench/frame_bench.hpp"
#include "bench/process_bench.hpp"
#include "bench/store_bench.hpp"

int main(int argc, char** argv) {
    using namespace kiosk;
    int frames = 100, seconds = 60;
    std::filesystem::path config_dir = "config", binary;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--frames") frames = std::atoi(argv[i + 1]);
        else if (option == "--seconds") seconds = std::atoi(argv[i + 1]);
        else if (option == "--config") config_dir = argv[i + 1];
        else if (option == "--kiosk") binary = argv[i + 1];
        else {
            std::fprintf(stderr, "vitale-bench: unknown option %s\n", option.c_str());
            return 2;
        }
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured, also in a log
    try {
        const auto config = load_config(config_dir);
        const auto fonts = ui::locate_fonts(std::filesystem::absolute(config_dir).parent_path() / "fonts");
        std::printf("vitale-bench: font %s, %d frames a scene\n", fonts.family.c_str(), frames);
        bench::bench_frames_in_memory(config, fonts, frames);
        bench::bench_proposal_streaming(config, fonts, frames);
        bench::bench_journal(config);
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
