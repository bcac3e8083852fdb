#include "bench/frame_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "bench/problems.hpp"
#include "bench/stats.hpp"
#include "kiosk/ui/canvas.hpp"
#include "kiosk/ui/presenter.hpp"
#include "scenes/scene_catalog.hpp"
#include "scenes/scene_harness.hpp"

namespace kiosk::bench {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Timings {
    std::vector<double> full, tick;
};

// Draws `frames` frames of a scene, a second apart on the fake clock so the countdown text
// really changes; `present_full` / `present_tick` put the result on screen (or do nothing).
// A wall of notes on the scene: `notes` at the start, and with `grow` one new note before
// every frame (what a burst from the phones looks like to the screen).
struct Wall {
    int notes = 0;
    bool grow = false;
};

std::string sample_note(int n) {
    return "Idee " + std::to_string(n) + ": een gedeeld bord met open terugbelverzoeken, zodat niemand iets vergeet";
}

// The wall's writers: 30 phones with keys as the kiosk issues them, taking turns, so no one
// reaches the room's 20 notes a stage before the wall has 600.
constexpr int k_wall_phones = 30;
std::string wall_key(int phone) {
    char key[40];
    std::snprintf(key, sizeof key, "fa11%028x", static_cast<unsigned>(phone));
    return key;
}

// Refusals while a wall is built ("Contribute Limit" -> count): the wall must be as big as it says.
using Refused = std::map<std::string, int>;

void join_wall_phones(scenes::SceneHarness& harness, Refused& refused) {
    for (int p = 0; p < k_wall_phones; ++p) {
        const auto outcome = harness.apply({EventKind::Join, Sender::participant(wall_key(p)), JoinPayload{}});
        if (!outcome.ok()) ++refused["Join " + std::string{to_string(outcome.status)}];
    }
}

void add_wall_note(scenes::SceneHarness& harness, int n, Refused& refused) {
    const auto stage = harness.view().step_spec().id;
    const auto outcome = harness.apply({EventKind::Contribute, Sender::participant(wall_key(n % k_wall_phones)), NewNotePayload{stage, sample_note(n)}});
    if (!outcome.ok()) ++refused["Contribute " + std::string{to_string(outcome.status)}];
}

Timings measure_scene(const Config& config, ui::Canvas& canvas, const std::string& name, int frames,
                      const std::function<void()>& present_full,
                      const std::function<void(const SDL_Rect&)>& present_tick, Wall wall = {}) {
    scenes::SceneHarness harness{config.content, config.settings.timers, config.strings,
                                 {config.settings.room_name, "http://127.0.0.1:8080", config.settings.slots},
                                 std::chrono::system_clock::now()};
    if (!harness.go_to(name)) problem("frames: the harness could not bring a session to the scene '" + name + "'");
    Refused refused;
    if (wall.notes > 0 || wall.grow) join_wall_phones(harness, refused);
    int written = 0;
    for (; written < wall.notes; ++written) add_wall_note(harness, written, refused);
    const LocalMoment local{std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(harness.clock().wall())}, 540};
    scenes::draw_frame(canvas, harness.frame(local));  // warm the text cache, as the room would be
    Timings timings;
    for (int i = 0; i < frames; ++i) {
        if (wall.grow) add_wall_note(harness, written++, refused);
        harness.wait(std::chrono::seconds{1});
        const auto frame = harness.frame(local);
        auto start = Clock::now();
        scenes::draw_frame(canvas, frame);
        present_full();
        timings.full.push_back(ms_since(start));
        if (scenes::scene_for(frame.view).until_change(frame)) {
            harness.wait(std::chrono::seconds{1});
            const auto next = harness.frame(local);
            start = Clock::now();
            const auto area = scenes::draw_tick(canvas, next);
            if (area.w > 0) {
                present_tick(area);
                timings.tick.push_back(ms_since(start));
            }
        }
    }
    if (!refused.empty()) problem("frames: the wall of '" + name + "' is short: refused " + tally_text(refused));
    return timings;
}

void print_header(const char* title) {
    std::printf("\n%s\n", title);
    std::printf("  %-26s %10s %10s %12s %12s\n", "scene", "full p50", "full p99", "tick p50", "tick p99");
}

void print_row(const std::string& name, const Timings& t) {
    std::printf("  %-26s %8.2f ms %7.2f ms", name.c_str(), percentile(t.full, 50), percentile(t.full, 99));
    if (t.tick.empty()) std::printf(" %12s %12s\n", "-", "-");
    else std::printf(" %9.2f ms %9.2f ms\n", percentile(t.tick, 50), percentile(t.tick, 99));
}

void print_worst(const std::vector<double>& worst_p99, double goal) {
    double worst = 0;
    for (const auto v : worst_p99) worst = std::max(worst, v);
    std::printf("  worst full-frame p99: %.2f ms (goal <= %.0f ms: %s)\n", worst, goal, worst <= goal ? "met" : "NOT met");
}

}  // namespace

void bench_proposal_streaming(const Config& config, const ui::FontFiles& fonts, int frames) {
    print_header("AI proposal at 1920x1080 in memory: a long answer streaming in, one piece a frame");
    auto surface = ui::make_rgb_surface(1920, 1080);
    ui::Canvas canvas{surface.get(), fonts};
    const auto step = std::find_if(config.content->steps.begin(), config.content->steps.end(),
                                   [](const StepSpec& s) { return s.contribution == Contribution::Constraints; });
    if (step == config.content->steps.end()) return;
    // A long answer: about 2,400 characters of Markdown with headings, lists and bold.
    std::string answer;
    for (int i = 0; i < 4; ++i)
        answer += "## Deel " + std::to_string(i + 1) + "\n\nBegin elke overdracht met **vijf vaste vragen**, zodat "
                  "openstaande klantvragen niet meer tussen twee diensten verdwijnen en iedereen weet wat er speelt.\n\n"
                  "1. Kies samen de vragen.\n2. Probeer het twee weken.\n3. Kijk terug in de sessie daarna.\n\n";
    const auto pieces = static_cast<std::size_t>(std::max(frames, 1));
    const std::size_t size = answer.size() / pieces + 1;
    const auto run = [&](bool stream) {
        scenes::SceneHarness harness{config.content, config.settings.timers, config.strings,
                                     {config.settings.room_name, "http://127.0.0.1:8080", config.settings.slots},
                                     std::chrono::system_clock::now()};
        if (!harness.go_to(step->id)) problem("proposal: the harness could not bring a session to '" + step->id + "'");
        harness.press(EventKind::Start);
        const int request = harness.view().proposal.request;
        Refused refused;
        const auto count = [&refused](const char* what, const Outcome& outcome) {
            if (!outcome.ok()) ++refused[std::string{what} + " " + std::string{to_string(outcome.status)}];
        };
        count("AiPrompt", harness.apply({EventKind::AiPrompt, Sender::system(), AiPromptPayload{request, "prompt", "bench-model", 0}}));
        const LocalMoment local{std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(harness.clock().wall())}, 540};
        Event piece{EventKind::AiText, Sender::system(), AiTextPayload{request, {}}};
        auto& piece_text = piece.as<AiTextPayload>().text;
        if (!stream) {
            piece_text = answer;
            count("AiText", harness.apply(piece));
        }
        scenes::draw_frame(canvas, harness.frame(local));  // warm the text cache, as the room would be
        Timings timings;
        for (std::size_t i = 0; i < pieces; ++i) {
            if (stream) {
                piece_text = answer.substr(std::min(answer.size(), i * size), size);
                if (!piece_text.empty()) count("AiText", harness.apply(piece));
            }
            harness.wait(std::chrono::milliseconds{50});
            const auto frame = harness.frame(local);
            const auto start = Clock::now();
            scenes::draw_frame(canvas, frame);
            timings.full.push_back(ms_since(start));
        }
        if (!refused.empty()) problem(std::string{"proposal: the answer was refused ("} + (stream ? "streaming" : "whole") + "): " + tally_text(refused));
        return timings;
    };
    const auto still = run(false);
    const auto streaming = run(true);
    print_row("whole answer, redrawn", still);
    print_row("streaming, +1 piece/frame", streaming);
    const double ratio = percentile(streaming.full, 99) / percentile(still.full, 99);
    std::printf("  streaming p99 / still p99: %.2f (goal <= 1.2: %s)\n", ratio, ratio <= 1.2 ? "met" : "NOT met");
}

void bench_frames_in_memory(const Config& config, const ui::FontFiles& fonts, int frames) {
    for (const auto& [width, height, goal] : {std::tuple{1920, 1080, 8.0}, std::tuple{3840, 2160, 33.0}}) {
        char title[120];
        std::snprintf(title, sizeof title, "Frame time, software renderer into memory, %dx%d (%d frames a scene)",
                      width, height, frames);
        print_header(title);
        auto surface = ui::make_rgb_surface(width, height);
        ui::Canvas canvas{surface.get(), fonts};
        std::vector<double> worst;
        for (const auto& name : scenes::scene_names(*config.content)) {
            const auto t = measure_scene(config, canvas, name, frames, [] {}, [](const SDL_Rect&) {});
            print_row(name, t);
            worst.push_back(percentile(t.full, 99));
        }
        for (const auto& [label, wall] : {std::pair{"wall 30 notes", Wall{30, false}},
                                          std::pair{"wall 200 notes", Wall{200, false}},
                                          std::pair{"wall +1 a frame", Wall{100, true}}}) {
            const auto t = measure_scene(config, canvas, "brainstorm", frames, [] {}, [](const SDL_Rect&) {}, wall);
            print_row(label, t);
            worst.push_back(percentile(t.full, 99));
        }
        print_worst(worst, goal);
    }
}

namespace {

// One path of the picture to the window (ui/presenter.hpp) in a fullscreen window of its own.
void measure_window(const Config& config, const ui::FontFiles& fonts, int frames, ui::PresentPath path) {
    // The display's size from the start, as the kiosk opens its window (a compositor resizes a
    // window made smaller only after its first frames).
    SDL_DisplayMode desktop{0, 1920, 1080, 0, nullptr};
    SDL_GetDesktopDisplayMode(0, &desktop);
    ui::WindowPtr window{SDL_CreateWindow("vitale-bench", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, desktop.w, desktop.h,
                                          SDL_WINDOW_FULLSCREEN_DESKTOP)};
    if (!window) return problem(std::string{"frames in a window: cannot open a window: "} + SDL_GetError());
    std::unique_ptr<ui::Presenter> presenter;
    try {
        presenter = std::make_unique<ui::Presenter>(window.get(), path);
    } catch (const std::exception& error) {
        return problem(std::string{"frames in a window: "} + error.what());
    }
    SDL_Surface* surface = presenter->picture();
    char title[200];
    std::snprintf(title, sizeof title, "Frame time in a window incl. presenting, %dx%d, through the %s (%d frames a scene)",
                  surface->w, surface->h, presenter->describe().c_str(), frames);
    print_header(title);
    ui::Canvas canvas{surface, fonts};
    // The steady state, as the kiosk's first frames reach it: shared memory makes its buffers
    // (a third when the compositor holds two, 33 MB at 4K) in the first three presents.
    for (int i = 0; i < 3; ++i) presenter->show_all();
    const auto full = [&] { presenter->show_all(); };
    const auto tick = [&](const SDL_Rect& area) { presenter->show(area); };
    std::vector<double> worst, ticks;
    const auto row = [&](const std::string& label, const Timings& t) {
        print_row(label, t);
        worst.push_back(percentile(t.full, 99));
        ticks.insert(ticks.end(), t.tick.begin(), t.tick.end());
        SDL_PumpEvents();
    };
    for (const auto& name : scenes::scene_names(*config.content)) row(name, measure_scene(config, canvas, name, frames, full, tick));
    for (const auto& [label, wall] : {std::pair{"wall 200 notes", Wall{200, false}}, std::pair{"wall +1 a frame", Wall{100, true}}})
        row(label, measure_scene(config, canvas, "brainstorm", frames, full, tick, wall));
    print_worst(worst, surface->w * surface->h > 1920 * 1200 ? 16.7 : 8.0);
    if (!ticks.empty()) std::printf("  countdown tick p50 over every scene: %.2f ms\n", percentile(ticks, 50));
}

}  // namespace

void bench_frames_in_window(const Config& config, const ui::FontFiles& fonts, int frames) {
    // As the kiosk opens its window (screen_loop.cpp): through libdecor SDL 2.26 leaves it unmapped under cage.
    SDL_SetHint(SDL_HINT_VIDEO_WAYLAND_ALLOW_LIBDECOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return problem(std::string{"frames in a window: no display: "} + SDL_GetError());
    // The window's surface is X11's own framebuffer, or under Wayland SDL's emulation (the path
    // the kiosk took before it had its own); then a streaming texture (KMS's path); then on
    // Wayland shared memory, the path the room PC takes under cage.
    std::vector<ui::PresentPath> paths{ui::PresentPath::WindowSurface, ui::PresentPath::StreamingTexture};
    if (const char* driver = SDL_GetCurrentVideoDriver(); driver && std::string{driver} == "wayland")
        paths.push_back(ui::PresentPath::SharedMemory);
    for (const auto path : paths) measure_window(config, fonts, frames, path);
    SDL_Quit();
}

}  // namespace kiosk::bench
