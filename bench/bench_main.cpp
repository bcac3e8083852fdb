// vitale-bench: prints the figures the issues ask for. See README, "Benchmarks".
//   vitale-bench [soak|coffee|journal|startup|idle|window] [--smoke] [--frames N] [--seconds N] [--weeks N] [--idle-frames N]
//                [--history N] [--kiosk PATH --config DIR]
// Frame times, the journal, the soak and the coffee corner's fade and month need no display; the
// window, start-up and CPU figures need DISPLAY (bench/run.sh starts Xvfb and a window manager).
// `soak` runs only the soak: a simulated month on a fake clock (--weeks, --idle-frames between two
// sessions). `coffee` runs only the coffee corner's in-process figures (bench/coffee_run.sh has
// the live kiosk's). `journal` runs only the journal's (--history: events before the open session).
// `startup` only the start-up's (with the shipped library and one of 20 formats), `idle` only the
// CPU and memory of the idle and a stage screen (--seconds); both need DISPLAY and --kiosk.
// `window` only the frames in a window and (with --kiosk) the start-up, on whatever display SDL
// finds: bench/cage_run.sh runs it under cage, as the room PC draws.
// --smoke: every part with tiny counts (a few frames, one soak week, a short history), to see
// that each still runs to its end; its figures mean nothing. Options given after it still count.
// Every bench waits with a deadline and says what was refused; what could not be done as the
// bench says is a problem (bench/problems.hpp): they are listed at the end, and the exit status
// is 1 when there are any.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <string>

#include "bench/coffee_bench.hpp"
#include "bench/display_bench.hpp"
#include "bench/frame_bench.hpp"
#include "bench/problems.hpp"
#include "bench/process_bench.hpp"
#include "bench/soak_bench.hpp"
#include "bench/store_bench.hpp"

namespace {

// One part of the run; an exception ends that part only, as a problem.
void part(const char* name, const std::function<void()>& run) {
    try {
        run();
    } catch (const std::exception& error) {
        kiosk::bench::problem(std::string{name} + " stopped: " + error.what());
    }
}

int finish() {
    const auto& found = kiosk::bench::problems();
    if (found.empty()) {
        std::printf("\nvitale-bench: done, no problems\n");
        return 0;
    }
    std::printf("\nvitale-bench: %zu problem%s:\n", found.size(), found.size() == 1 ? "" : "s");
    for (const auto& what : found) std::printf("  %s\n", what.c_str());
    return 1;
}

struct Options {
    int frames = 100, seconds = 60, startups = 7, fade_turns = 20, coffee_weeks = 5, pjlink_commands = 200;
    kiosk::bench::SoakOptions soak;
    kiosk::bench::JournalOptions journal;
    std::string only;  // "soak", "coffee", "journal" or everything
    std::filesystem::path config_dir = "config", binary;

    void smoke() {  // tiny counts: every bench runs to its end, for CI
        frames = 3;
        seconds = 2;
        startups = 2;
        fade_turns = 3;
        coffee_weeks = 3;
        pjlink_commands = 5;
        soak.weeks = 1;
        soak.idle_frames = 5;
        journal.history = 2'000;
        journal.runs = 3;
    }
};

// The command line into options; false (with a line on stderr) when it cannot be read.
bool read_options(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "soak" || option == "coffee" || option == "journal" || option == "startup" || option == "idle" || option == "window") {
            options.only = option;
            continue;
        }
        if (option == "--smoke") {
            options.smoke();
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "vitale-bench: %s needs a value\n", option.c_str());
            return false;
        }
        const char* value = argv[++i];
        if (option == "--frames") options.frames = std::atoi(value);
        else if (option == "--seconds") options.seconds = std::atoi(value);
        else if (option == "--weeks") options.soak.weeks = std::atoi(value);
        else if (option == "--idle-frames") options.soak.idle_frames = std::atoi(value);
        else if (option == "--history") options.journal.history = std::atoi(value);
        else if (option == "--config") options.config_dir = value;
        else if (option == "--kiosk") options.binary = value;
        else {
            std::fprintf(stderr, "vitale-bench: unknown option %s\n", option.c_str());
            return false;
        }
    }
    return true;
}

void run_coffee(const Options& o, const kiosk::Config& config, const kiosk::ui::FontFiles& fonts) {
    using namespace kiosk;
    part("the coffee corner's fade", [&] { bench::bench_coffee_fade(config, fonts, o.fade_turns); });
    part("the coffee corner's month", [&] { bench::bench_coffee_month(config, fonts, o.coffee_weeks); });
    part("the display's power", [&] { bench::bench_display_power(o.pjlink_commands); });
}

void run_startup(const kiosk::bench::KioskCommand& kiosk, const Options& o) {
    const double shipped = kiosk::bench::bench_startup(kiosk, o.startups, "the shipped library (4 formats)");
    kiosk::bench::bench_startup_with_library(kiosk, o.startups, 20, shipped);
}

// Everything; what needs a display (a window, the kiosk started) only where there is one.
void run_all(const Options& o, const kiosk::Config& config, const kiosk::ui::FontFiles& fonts) {
    using namespace kiosk;
    std::printf("vitale-bench: font %s, %d frames a scene\n", fonts.family.c_str(), o.frames);
    part("the frames in memory", [&] { bench::bench_frames_in_memory(config, fonts, o.frames); });
    part("the AI proposal's frames", [&] { bench::bench_proposal_streaming(config, fonts, o.frames); });
    part("the journal", [&] { bench::bench_journal(config, o.journal); });
    part("the soak", [&] { bench::bench_soak(config, fonts, o.soak); });
    run_coffee(o, config, fonts);
    if (!std::getenv("DISPLAY")) {
        std::printf("\n(DISPLAY is not set: window, start-up and CPU figures skipped; run bench/run.sh)\n");
        return;
    }
    part("the frames in a window", [&] { bench::bench_frames_in_window(config, fonts, o.frames); });
    if (o.binary.empty()) return;
    const auto data = std::filesystem::temp_directory_path() / "vitale-bench-data";
    const bench::KioskCommand kiosk{o.binary, o.config_dir, data};
    part("the start-up", [&] { run_startup(kiosk, o); });
    part("the idle CPU", [&] { bench::bench_idle_cpu_and_memory(kiosk, o.seconds); });
    std::filesystem::remove_all(data);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace kiosk;
    Options options;
    if (!read_options(argc, argv, options)) return 2;
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured, also in a log
    try {
        const auto config = load_config(options.config_dir);
        const auto fonts = ui::locate_fonts(std::filesystem::absolute(options.config_dir).parent_path() / "fonts");
        if (options.only == "soak") {
            std::printf("vitale-bench: font %s, the soak only\n", fonts.family.c_str());
            part("the soak", [&] { bench::bench_soak(config, fonts, options.soak); });
        } else if (options.only == "coffee") {
            std::printf("vitale-bench: font %s, the coffee corner only\n", fonts.family.c_str());
            run_coffee(options, config, fonts);
        } else if (options.only == "journal") {
            part("the journal", [&] { bench::bench_journal(config, options.journal); });
        } else if (options.only == "startup") {
            const auto data = std::filesystem::temp_directory_path() / "vitale-bench-data";
            part("the start-up", [&] { run_startup({options.binary, options.config_dir, data}, options); });
            std::filesystem::remove_all(data);
        } else if (options.only == "window") {
            std::printf("vitale-bench: font %s, the frames in a window on SDL's %s driver\n", fonts.family.c_str(),
                        std::getenv("SDL_VIDEODRIVER") ? std::getenv("SDL_VIDEODRIVER") : "default");
            part("the frames in a window", [&] { bench::bench_frames_in_window(config, fonts, options.frames); });
            if (!options.binary.empty()) {
                const auto data = std::filesystem::temp_directory_path() / "vitale-bench-data";
                part("the start-up", [&] { run_startup({options.binary, options.config_dir, data}, options); });
                std::filesystem::remove_all(data);
            }
        } else if (options.only == "idle") {
            const auto data = std::filesystem::temp_directory_path() / "vitale-bench-data";
            part("the idle CPU", [&] { bench::bench_idle_cpu_and_memory({options.binary, options.config_dir, data}, options.seconds); });
            std::filesystem::remove_all(data);
        } else {
            run_all(options, config, fonts);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "vitale-bench: %s\n", error.what());
        return 1;
    }
    return finish();
}
