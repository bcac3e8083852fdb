#include "kiosk/app/screen_loop.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "kiosk/app/key_map.hpp"
#include "kiosk/app/local_time.hpp"
#include "kiosk/core/engine_loop.hpp"
#include "kiosk/ui/chime.hpp"
#include "scenes/scene_catalog.hpp"

namespace kiosk::app {

namespace {

[[noreturn]] void no_display(const std::string& reason) {
    throw DisplayError{"no display available" + (reason.empty() ? "" : " (" + reason + ")") +
                       ": start the kiosk on the room's screen (an X11 or Wayland session), or use "
                       "--screenshot FILE.png --scene NAME for a picture without a display"};
}

ui::WindowPtr open_window(const ScreenSetup& setup) {
    // Software drawing straight into the window's framebuffer: on machines without a GPU this
    // halves the frame time and lets a frame update only the area that changed (PERF-NOTES).
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) no_display(SDL_GetError());
    // SDL falls back to an invisible off-screen driver when there is no display; a kiosk that
    // shows nothing must say so unless someone asked for that driver on purpose.
    const char* driver = SDL_GetCurrentVideoDriver();
    const bool invisible = driver && (std::strcmp(driver, "offscreen") == 0 || std::strcmp(driver, "dummy") == 0);
    if (invisible && !std::getenv("SDL_VIDEODRIVER")) no_display("");

    const Uint32 flags = setup.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
    ui::WindowPtr window{SDL_CreateWindow("Vitale Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          setup.size.width, setup.size.height, flags)};
    if (!window) throw DisplayError{std::string{"cannot open the kiosk window: "} + SDL_GetError()};
    if (setup.fullscreen) SDL_ShowCursor(SDL_DISABLE);
    return window;
}

std::unique_ptr<ui::Canvas> canvas_for(SDL_Window* window, const ui::FontFiles& fonts) {
    SDL_Surface* surface = SDL_GetWindowSurface(window);
    if (!surface) throw DisplayError{std::string{"cannot draw into the kiosk window: "} + SDL_GetError()};
    return std::make_unique<ui::Canvas>(surface, fonts);
}

// Wakes the main thread from the engine thread. SDL_PushEvent is thread-safe.
void push(Uint32 type) {
    SDL_Event event{};
    event.type = type;
    SDL_PushEvent(&event);
}

EventKind to_event(Action action) {
    switch (action) {
    case Action::Next: return EventKind::Next;
    case Action::Previous: return EventKind::Previous;
    case Action::TogglePause: return EventKind::TogglePause;
    case Action::Extend: return EventKind::Extend;
    default: return EventKind::Start;
    }
}

}  // namespace

void run_screen(const ScreenSetup& setup) {
    const auto& config = setup.config;
    auto window = open_window(setup);
    auto canvas = canvas_for(window.get(), setup.fonts);

    SystemClock clock;
    Engine engine{config.content, config.settings.timers};
    if (setup.start_scene && !scenes::drive_to_scene(engine, *setup.start_scene, clock.monotonic()))
        throw UsageError{"--scene " + *setup.start_scene + ": no such scene; --list-scenes lists the names"};

    const Uint32 view_changed = SDL_RegisterEvents(2);
    const Uint32 chime_due = view_changed + 1;
    EngineLoop loop{engine, clock,
                    {[&](const auto&) { push(view_changed); }, [&](Effect) { push(chime_due); }, nullptr}};

    ui::Chime chime;
    const auto extend_minutes = std::chrono::duration_cast<std::chrono::minutes>(config.settings.timers.extend_step);
    const auto rows = help_rows(config.strings, static_cast<int>(extend_minutes.count()));
    auto view = loop.view();
    std::string shown_scene;
    bool help = false, full = true, running = true, first = true;
    std::optional<Millis> tick_at;

    while (running) {
        int timeout = -1;
        if (full) timeout = 0;
        else if (tick_at) timeout = static_cast<int>(std::max<long long>(0, (*tick_at - clock.monotonic()).count()));
        SDL_Event event;
        bool have = timeout < 0 ? SDL_WaitEvent(&event) != 0 : SDL_WaitEventTimeout(&event, timeout) != 0;
        while (have) {
            if (event.type == SDL_QUIT) running = false;
            else if (event.type == view_changed) full = true;
            else if (event.type == chime_due && config.settings.chime) chime.play();
            else if (event.type == SDL_WINDOWEVENT) {
                const auto what = event.window.event;
                if (what == SDL_WINDOWEVENT_SIZE_CHANGED) {
                    canvas.reset();  // its renderer points into the old surface
                    canvas = canvas_for(window.get(), setup.fonts);
                }
                if (what == SDL_WINDOWEVENT_SIZE_CHANGED || what == SDL_WINDOWEVENT_EXPOSED) full = true;
            } else if (event.type == SDL_KEYDOWN && event.key.repeat == 0) {
                // Held keys do not repeat: a remote's button held down must not skip stages.
                switch (const auto action = action_for(event.key.keysym.sym, event.key.keysym.mod)) {
                case Action::None: break;
                case Action::Quit: running = false; break;
                case Action::ToggleHelp: help = !help; full = true; break;
                case Action::CloseHelp: full = full || help; help = false; break;
                default: loop.post(to_event(action)); break;
                }
            }
            have = SDL_PollEvent(&event) != 0;
        }
        if (!running) break;

        const Millis now = clock.monotonic();
        if (auto latest = loop.view(); latest->version != view->version) {
            view = std::move(latest);
            full = true;
        }
        const auto wall = clock.wall();
        const scenes::Frame frame{*view, config.strings, setup.room, now, wall, to_local(wall), help, &rows};
        const auto& scene = scenes::scene_for(*view);
        const bool tick_due = tick_at && now >= *tick_at;
        if (!full && tick_due && !help) {
            const SDL_Rect area = scenes::draw_tick(*canvas, frame);
            if (area.w > 0) SDL_UpdateWindowSurfaceRects(window.get(), &area, 1);
            else full = true;
        }
        if (full || (tick_due && help)) {
            scenes::draw_frame(*canvas, frame);
            SDL_UpdateWindowSurface(window.get());
            full = false;
            if (const auto name = scenes::scene_name(*view); name != shown_scene) {
                shown_scene = name;
                std::fprintf(stderr, "vitale-kiosk: showing %s\n", name.c_str());
            }
            if (first && setup.print_first_frame) {
                std::printf("first-frame-ms %lld\n", static_cast<long long>(clock.monotonic().count()));
                std::fflush(stdout);
            }
            first = false;
        }
        const auto wait = scene.until_change(frame);
        tick_at = wait ? std::optional<Millis>{now + *wait} : std::nullopt;
    }
    loop.stop();
}

}  // namespace kiosk::app
