#include "kiosk/screen/screen_loop.hpp"
#include "kiosk/core/log_prefix.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <thread>

#include "kiosk/screen/coffee_window.hpp"
#include "kiosk/screen/display_power.hpp"
#include "kiosk/screen/key_map.hpp"
#include "kiosk/screen/media_screen.hpp"
#include "kiosk/core/local_time.hpp"
#include "kiosk/core/night_watch.hpp"
#include "kiosk/screen/panel_fade.hpp"
#include "kiosk/system/service_watchdog.hpp"
#include "kiosk/core/week_line.hpp"
#include "kiosk/core/engine_loop.hpp"
#include "kiosk/ui/chime.hpp"
#include "kiosk/ui/presenter.hpp"
#include "scenes/coffee_panels.hpp"
#include "scenes/host_overlay.hpp"
#include "scenes/scene_catalog.hpp"

namespace kiosk::screen {

namespace {

[[noreturn]] void no_display(const std::string& reason) {
    throw DisplayError{"no display available" + (reason.empty() ? "" : " (" + reason + ")") +
                       ": start the kiosk on the room's screen (an X11 or Wayland session), or use "
                       "--screenshot FILE.png --scene NAME for a picture without a display"};
}

ui::WindowPtr open_window(const ScreenSetup& setup) {
    // A kiosk has no title bar. Through libdecor (which would draw one) SDL 2.26 re-creates the
    // window when it first draws and leaves it unmapped under cage: nothing on the screen.
    SDL_SetHint(SDL_HINT_VIDEO_WAYLAND_ALLOW_LIBDECOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) no_display(SDL_GetError());
    const char* driver = SDL_GetCurrentVideoDriver();
    // SDL falls back to an invisible off-screen driver when there is no display; a kiosk that
    // shows nothing must say so unless someone asked for that driver on purpose.
    const bool invisible = driver && (std::strcmp(driver, "offscreen") == 0 || std::strcmp(driver, "dummy") == 0);
    if (invisible && !std::getenv("SDL_VIDEODRIVER")) no_display("");

    const Uint32 flags = setup.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
    ui::ScreenSize size = setup.size;
    // Fullscreen is the whole screen from the start: a window made at kiosk.json's size and
    // resized by the compositor (cage) first shows a wrongly sized picture, and under X11
    // without a window manager it stays at kiosk.json's size.
    SDL_DisplayMode desktop{};
    if (setup.fullscreen && SDL_GetDesktopDisplayMode(0, &desktop) == 0 && desktop.w > 0) size = {desktop.w, desktop.h};
    ui::WindowPtr window{SDL_CreateWindow("Vitale Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          size.width, size.height, flags)};
    if (!window) throw DisplayError{std::string{"cannot open the kiosk window: "} + SDL_GetError()};
    if (setup.fullscreen) SDL_ShowCursor(SDL_DISABLE);
    return window;
}

// The picture's way to the window (ui/presenter.hpp): X11's own framebuffer, or on Wayland and
// KMS a streaming texture of the kiosk's own.
std::unique_ptr<ui::Presenter> presenter_for(SDL_Window* window) {
    try {
        auto presenter = std::make_unique<ui::Presenter>(window, ui::present_path_for(SDL_GetCurrentVideoDriver()));
        std::fprintf(stderr, "%sthe screen is drawn in software and shown through the %s\n", log_prefix(Priority::Info),
                     presenter->describe().c_str());
        return presenter;
    } catch (const ui::SdlError& error) {
        // Shared memory failing falls back to OpenGL: what is left to fail here is OpenGL's, or X11's surface.
        const bool x11 = std::strcmp(SDL_GetCurrentVideoDriver(), "x11") == 0;
        throw DisplayError{std::string{"cannot draw into the kiosk window ("} + SDL_GetCurrentVideoDriver() + "): " + error.what() +
                           (x11 ? "" : "; without shared memory it needs OpenGL (Mesa's libgl1-mesa-dri); SDL_VIDEODRIVER=x11 avoids it")};
    }
}

// Wakes the main thread from the engine thread. SDL_PushEvent is thread-safe.
void push(Uint32 type) {
    SDL_Event event{};
    event.type = type;
    SDL_PushEvent(&event);
}

}  // namespace

void ScreenSignals::view_changed() const {
    if (const auto first = m_first.load()) push(first);
}

void ScreenSignals::chime() const {
    if (const auto first = m_first.load()) push(first + 1);
}

void ScreenSignals::set_warning(const std::string& text) {
    {
        std::lock_guard lock{m_mutex};
        if (m_warning == text) return;
        m_warning = text;
    }
    view_changed();  // redraw with (or without) the warning
}

void ScreenSignals::session_opened(std::chrono::year_month_day date) {
    std::lock_guard lock{m_mutex};
    m_sessions.push_back(date);
}

std::vector<std::chrono::year_month_day> ScreenSignals::session_dates() const {
    std::lock_guard lock{m_mutex};
    return m_sessions;
}

void ScreenSignals::set_caption(const std::string& text) {
    {
        std::lock_guard lock{m_mutex};
        if (m_caption == text) return;
        m_caption = text;
    }
    if (m_caption_changed) m_caption_changed();
}

std::string ScreenSignals::caption() const {
    std::lock_guard lock{m_mutex};
    return m_caption;
}

std::string ScreenSignals::warning() const {
    std::lock_guard lock{m_mutex};
    return m_warning;
}

namespace {

// The coffee panel a frame shows ("coffee-question" ...).
std::string coffee_panel_shown(const scenes::Frame& frame) {
    return scenes::coffee_panel_name(frame.coffee_panel.value_or(scenes::coffee_rotation(frame).panel));
}

EventKind to_event(Action action) {
    switch (action) {
    case Action::Next: return EventKind::Next;
    case Action::Previous: return EventKind::Previous;
    case Action::TogglePause: return EventKind::TogglePause;
    case Action::Extend: return EventKind::Extend;
    case Action::OfferHost: return EventKind::OfferHost;
    case Action::TogglePrompt: return EventKind::TogglePrompt;
    case Action::AskAgain: return EventKind::AskAgain;
    case Action::NewCode: return EventKind::NewCode;
    case Action::NextVideoframe: return EventKind::NextVideoframe;
    case Action::SkipSurprise: return EventKind::SkipSurprise;
    case Action::RedrawSurprise: return EventKind::RedrawSurprise;
    case Action::ReplayMedia: return EventKind::MediaReplay;
    default: return EventKind::Start;
    }
}

// The main thread's side of the kiosk: window, keys, and drawing what the engine publishes.
// Draws only when something changed: the View, the window, or the picture by itself (the
// countdown's second, the idle clock's minute); a tick redraws and sends only its own area.
class ScreenLoop {
public:
    explicit ScreenLoop(const ScreenSetup& setup)
        : m_setup{setup}, m_config{setup.config}, m_window{open_window(setup)},
          m_presenter{presenter_for(m_window.get())},
          m_canvas{std::make_unique<ui::Canvas>(m_presenter->picture(), setup.fonts)}, m_loop{&setup.loop}, m_rows{help_rows(m_config)},
          m_power{m_window.get(), m_config.settings.display.power},
          // A slot ends the night only when it opens the lobby; otherwise the night goes on past it.
          m_night{m_config.settings.coffee.hours, m_config.settings.open_at_slot ? m_config.settings.slots : std::vector<Slot>{}},
          m_notice_length{night_notice_length()},
          m_media{{m_config.media_dir, setup.data_dir, audio_output(), hardware_decoding(), [this] {
              if (const auto type = m_media_wake.load()) push(type);
          }}} {}

    void run() {
        // The engine's thread wakes this one through SDL's (thread-safe) event queue.
        const Uint32 view_changed = SDL_RegisterEvents(4);
        m_view_changed = view_changed;
        m_chime_due = view_changed + 1;
        m_watchdog_ping = view_changed + 2;
        m_media_wake = view_changed + 3;
        m_setup.signals.attach(view_changed);
        if (m_setup.watchdog) m_setup.watchdog->attach_screen([ping = m_watchdog_ping] { push(ping); });
        m_view = m_loop->view();
        submit_all(m_media.follow(*m_view, m_clock.monotonic()));  // a clip that played before a restart goes on
        if (m_setup.coffee_display) m_coffee = CoffeeWindow::open(*m_setup.coffee_display, m_window.get(), m_setup.fonts);
        while (m_running) {
            wait_and_handle_events();
            if (m_running) draw_guarded();
        }
        m_setup.signals.attach(0);
        if (m_setup.watchdog) m_setup.watchdog->attach_screen(nullptr);
    }

private:
    void wait_and_handle_events() {
        int timeout = -1;  // nothing due: sleep until an event arrives
        // The earlier of the room screen's next change and the coffee screen's.
        auto due = m_tick_at;
        if (m_coffee_tick && (!due || *m_coffee_tick < *due)) due = m_coffee_tick;
        // A playing clip is looked at twice a second even when mpv says nothing (a stall).
        if (m_media.active()) due = std::min(due.value_or(m_clock.monotonic() + k_media_poll), m_clock.monotonic() + k_media_poll);
        if (m_full || m_media_due) timeout = 0;
        else if (due) timeout = static_cast<int>(std::clamp<long long>((*due - m_clock.monotonic()).count(), 0, k_longest_wait_ms));
        SDL_Event event;
        bool have = timeout < 0 ? SDL_WaitEvent(&event) != 0 : SDL_WaitEventTimeout(&event, timeout) != 0;
        while (have) {
            handle(event);
            have = SDL_PollEvent(&event) != 0;
        }
    }

    void handle(const SDL_Event& event) {
        if (event.type == SDL_QUIT) m_running = false;  // window closed, SIGINT or SIGTERM
        else if (event.type == m_view_changed) m_full = true;
        else if (event.type == m_chime_due && m_config.settings.chime) m_chime.play();
        else if (event.type == m_media_wake.load()) m_media_due = true;
        else if (event.type == m_watchdog_ping) answer_watchdog();
        else if (event.type == SDL_WINDOWEVENT && m_coffee && event.window.windowID == m_coffee->id()) m_coffee->window_event(event.window.event);
        else if (event.type == SDL_WINDOWEVENT) handle_window(event.window.event);
        // Held keys do not repeat: a remote's button held down must not skip stages.
        else if (event.type == SDL_KEYDOWN && event.key.repeat == 0) handle_key(event.key.keysym);
    }

    void handle_window(Uint8 what) {
        if (what == SDL_WINDOWEVENT_SIZE_CHANGED) m_resized = true;  // a new picture before the next frame (draw_guarded)
        if (what == SDL_WINDOWEVENT_SIZE_CHANGED || what == SDL_WINDOWEVENT_EXPOSED) m_full = true;
    }

    void handle_key(const SDL_Keysym& key) {
        // At night the first key only wakes the screen (for five minutes); it does nothing else.
        if (m_dark && action_for(key.sym, key.mod) != Action::Quit) {
            m_night.woken(m_clock.monotonic());
            m_notice_due = true;  // when the five minutes run out, the night says so again
            m_full = true;
            return;
        }
        switch (const auto action = action_for(key.sym, key.mod)) {
        case Action::None: break;
        case Action::Quit: m_running = false; break;
        case Action::ToggleHelp: m_help = !m_help; m_full = true; break;
        case Action::CloseHelp: m_full = m_full || m_help; m_help = false; break;
        case Action::HideNewestAnswer: hide_newest_answer(); break;
        case Action::PickTied:  // a tie the room settles: the number shown beside the note
            m_loop->submit({EventKind::RoomPick, Sender::room(), RoomPickPayload{digit_of(key.sym)}}, nullptr);
            break;
        default: post_room(to_event(action), to_local(m_clock.wall())); break;
        }
    }

    // The room's key or the slot opener: a session opened while a slot runs gets the format
    // the slot names (schedule.slots[].videoframe), journaled with the Start.
    void post_room(EventKind kind, const LocalMoment& local) {
        Event event{kind};
        if (auto* chosen = std::get_if<ChosenPayload>(&event.payload); chosen && m_view->phase == Phase::Idle)
            if (const auto slot = next_slot(m_config.settings.slots, local); slot && slot->running) chosen->videoframes = slot->slot.videoframe;
        m_loop->submit(std::move(event), nullptr);
    }

    // The room takes down the newest answer on the coffee corner's answers panel (the first
    // card), as a moderator's "verbergen" would; only while that panel is up on this screen.
    void hide_newest_answer() {
        if (m_view->phase != Phase::Idle || m_panel != "coffee-answers") return;
        const auto shown = m_view->coffee.shown();
        if (shown.empty()) return;
        m_loop->submit({EventKind::CoffeeModerate, Sender::room(), CoffeeModeratePayload{shown.front()->id, "hide"}}, nullptr);
        std::fprintf(stderr, "%sthe room hid coffee answer %d\n", log_prefix(Priority::Info), shown.front()->id);
    }

    // A new picture of the window's size; a failure is one bad frame (draw_guarded), not the end.
    void resize_picture() {
        m_canvas.reset();  // its renderer points into the old picture
        m_presenter->resized();
        m_canvas = std::make_unique<ui::Canvas>(m_presenter->picture(), m_setup.fonts);
        m_resized = false;  // only now: after a failure the next frame tries again before it draws
    }

    // A frame loop never dies of one bad frame: the room keeps the last good picture, the
    // failure is logged once, and the next change tries again.
    void draw_guarded() {
        try {
            if (m_resized) resize_picture();
            draw_what_changed();
            show_media();
            if (m_coffee) draw_coffee_screen();
        } catch (const std::exception& error) {
            if (error.what() != m_last_failure) {
                m_last_failure = error.what();
                std::fprintf(stderr, "%sa frame could not be drawn (%s); keeping the last picture\n", log_prefix(Priority::Error),
                             error.what());
            }
            m_full = false;
            m_tick_at = m_clock.monotonic() + Millis{1000};
        }
    }

    void draw_what_changed() {
        const Millis now = m_clock.monotonic();
        if (auto latest = m_loop->view(); latest->version != m_view->version) {
            m_view = std::move(latest);
            m_full = true;
            submit_all(m_media.follow(*m_view, now));
            m_setup.signals.set_caption(m_media.caption());  // none once the clip is over
        }
        const auto wall = m_clock.wall();
        scenes::Frame frame{*m_view, m_config.strings, m_setup.room, now, wall, to_local(wall), m_help, &m_rows};
        frame.held_this_week = sessions_in_week(m_setup.signals.session_dates(), frame.local.date);
        frame.week_line = week_line(frame.local);
        frame.night = m_night.night(frame.local, now, m_view->phase == Phase::Idle);
        frame.media = &m_media.shown();
        if (frame.night) return sleep_through_night(frame);
        if (m_dark || !m_power_set) wake_up();  // by day the display is on, also after a start at night
        m_power_set = true;
        if (m_fade.fading()) {
            if (!m_full) return fade_step(now);
            m_fade.cancel();  // something changed mid-fade: draw it as it is now
        }
        const bool tick_due = m_tick_at && now >= *m_tick_at;
        // Over the help or a warning band a partial tick would cut through: draw it all.
        const bool covered = m_help || !m_setup.signals.warning().empty();
        if (!m_full && tick_due && !covered) {
            const SDL_Rect area = scenes::draw_tick(*m_canvas, frame);
            if (area.w > 0) m_presenter->show(area);
            else m_full = true;
        }
        if (m_full || (tick_due && covered)) draw_full(frame);
        // A slot begins: the idle screen opens the lobby by itself (the idle clock wakes us each minute).
        if (m_config.settings.open_at_slot && m_view->phase == Phase::Idle && m_opener.due(m_config.settings.slots, frame.local))
            post_room(EventKind::Start, frame.local);
        const auto wait = scenes::scene_for(*m_view).until_change(frame);
        m_tick_at = wait ? std::optional<Millis>{now + *wait} : std::nullopt;
        if (m_fade.fading()) {  // the fade's frames first; then the scene's own next change
            m_after_fade = m_tick_at;
            m_tick_at = now + PanelFade::k_frame;
        }
    }

    // The second screen: the coffee corner always, with the room's View, clock and night.
    void draw_coffee_screen() {
        const Millis now = m_clock.monotonic();
        const auto wall = m_clock.wall();
        scenes::Frame frame{*m_view, m_config.strings, m_setup.room, now, wall, to_local(wall), false, &m_rows};
        frame.keys_here = false;
        frame.held_this_week = sessions_in_week(m_setup.signals.session_dates(), frame.local.date);
        frame.week_line = week_line(frame.local);
        frame.night = m_night.night(frame.local, now, m_view->phase == Phase::Idle);
        m_coffee_tick = m_coffee->update(frame, now);
    }

    void trace_frame() {
        if (!m_setup.trace_frames) return;
        std::printf("frame %llu %lld\n", static_cast<unsigned long long>(m_view->version),
                    static_cast<long long>(m_clock.monotonic().count()));
        std::fflush(stdout);
    }

    std::string week_line(const LocalMoment& local) const {
        return kiosk::week_line(m_config.strings, m_config.settings.trajectory, m_config.settings.slots.size(), local, sessions_in_week(m_setup.signals.session_dates(), local.date), m_view->session_open());
    }

    // The coffee corner's night: for a minute after start-up (or after a key's five minutes) one
    // dim line that says why, then one black frame and the display switched off
    // (display.power); then nothing until the display must warm up for the next opening or
    // slot, the night ends, or a key wakes it.
    void sleep_through_night(scenes::Frame& frame) {
        const auto now = m_clock.monotonic();
        if (!m_dark) {
            m_fade.forget();
            m_dark = true;
            m_night_shown = NightShown::Nothing;
            if (m_notice_due) m_notice_until = now + m_notice_length;
            m_notice_due = false;
        }
        const auto ends = m_night.night_ends(frame.local);
        // The moment the display was warmed up for has passed and it is still night (a slot that
        // opens nothing): off again, until the next warm-up.
        if (m_warmed_for && (!ends || wall_of(*ends) != *m_warmed_for)) {
            m_warmed_for.reset();
            if (m_night_shown == NightShown::Black) {
                const auto how = m_power.sleep();
                std::fprintf(stderr, "%sit is still night: %s\n", log_prefix(Priority::Info), how.empty() ? "a black screen" : how.c_str());
            }
        }
        const bool notice = now < m_notice_until;
        if (notice && m_night_shown != NightShown::Notice) {
            frame.night_notice = night_notice_text(ends);
            draw_night(frame);
            m_night_shown = NightShown::Notice;
            std::fprintf(stderr, "%scoffee corner shows the night notice for %lld s (\"%s\")\n", log_prefix(Priority::Info),
                         static_cast<long long>((m_notice_until - now).count() / 1000), frame.night_notice.c_str());
        } else if (!notice && m_night_shown != NightShown::Black) {
            draw_night(frame);
            m_night_shown = NightShown::Black;
            // Warming up already (the notice ran into the warm-up): the display stays on.
            const auto how = m_warmed_for ? std::string{"the display stays on: it warms up for the coming opening"} : m_power.sleep();
            std::fprintf(stderr, "%scoffee corner shows coffee-night (%s)\n", log_prefix(Priority::Info),
                         how.empty() ? "a black screen; nothing switches this display off: see display.power" : how.c_str());
        }
        m_full = false;
        // The next moment to look: the notice's end, the key's five minutes, the warm-up before
        // the night ends, the night's end.
        std::optional<Millis> wake;
        const auto sooner = [&](Millis at) { wake = std::min(wake.value_or(at), std::max(at, Millis{0})); };
        if (notice) sooner(m_notice_until - now);
        if (m_night.awake_until() > now) sooner(m_night.awake_until() - now);
        if (ends) {
            const auto until = std::chrono::duration_cast<Millis>(wall_of(*ends) - frame.wall);
            const Millis warmup{m_power.warms_up() ? m_power.warmup_seconds() * 1000LL : 0};
            if (warmup.count() > 0 && !m_warmed_for && until <= warmup) {
                m_warmed_for = wall_of(*ends);  // a projector's lamp needs its minute before the morning's first frame
                m_power.wake();
                std::fprintf(stderr, "%sthe display warms up for the coming opening\n", log_prefix(Priority::Info));
            }
            if (!m_warmed_for) sooner(until - warmup);
            sooner(until);
        }
        m_tick_at = wake ? std::optional<Millis>{now + *wake} : std::nullopt;
        // The slot opener still opens the lobby at a slot's start, night or not.
        if (m_config.settings.open_at_slot && m_opener.due(m_config.settings.slots, frame.local)) post_room(EventKind::Start, frame.local);
    }

    void draw_night(const scenes::Frame& frame) {
        scenes::draw_frame(*m_canvas, frame);
        m_presenter->show_all();
        trace_frame();
    }

    // "Nacht — het scherm slaapt tot ma 07:30; druk op een toets om het te wekken".
    std::string night_notice_text(const std::optional<LocalMoment>& ends) const {
        const auto& strings = m_config.strings;
        if (!ends) return strings.text("night_notice_no_end");
        const auto day = strings.text("day_" + std::to_string(iso_weekday(ends->date)));
        return strings.format("night_notice", {{"until", day + " " + format_hhmm(ends->minute_of_day)}});
    }

    // How long the night notice stays: a minute ($VITALE_KIOSK_NIGHT_NOTICE_MS shortens it for
    // the tests and the benchmark, which measure the black night).
    static Millis night_notice_length() {
        if (const char* ms = std::getenv("VITALE_KIOSK_NIGHT_NOTICE_MS")) return Millis{std::clamp(std::atoll(ms), 0LL, 60'000LL)};
        return Millis{60'000};
    }

    void wake_up() {
        m_dark = false;
        m_warmed_for.reset();
        m_power.wake();
        m_full = true;
    }

    // One frame of a cross-fade between two coffee panels.
    void fade_step(Millis now) {
        const auto next = m_fade.step(m_presenter->picture(), now);
        m_presenter->show_all();
        trace_frame();
        m_tick_at = next ? next : m_after_fade;
    }

    void draw_full(const scenes::Frame& frame) {
        // A new coffee panel fades in over the old picture (kept before it is drawn over).
        SDL_Surface* surface = m_presenter->picture();
        const std::string panel = frame.view.phase == Phase::Idle ? coffee_panel_shown(frame) : "";
        m_fade.before_draw(surface, panel, !m_help);
        m_panel = panel;
        m_media.forget_boxes();
        scenes::draw_frame(*m_canvas, frame);
        if (const auto warning = m_setup.signals.warning(); !warning.empty()) scenes::draw_warning(*m_canvas, warning);
        m_full = false;
        // A fade's first frame is the old picture, still on the screen.
        const bool show = m_fade.after_draw(surface, m_clock.monotonic());
        if (show) m_presenter->show_all();
        if (const auto name = scenes::scene_name(*m_view); name != m_shown_scene) {
            m_shown_scene = name;
            std::fprintf(stderr, "%sshowing %s\n", log_prefix(Priority::Info), name.c_str());
        }
        if (m_fade.changed() && !panel.empty()) std::fprintf(stderr, "%scoffee corner shows %s\n", log_prefix(Priority::Info), panel.c_str());
        if (show) trace_frame();
        if (m_first_frame && m_setup.print_first_frame) {
            std::printf("first-frame-ms %lld\n", static_cast<long long>(m_clock.monotonic().count()));
            std::fflush(stdout);
        }
        if (m_first_frame && m_setup.watchdog)
            m_setup.watchdog->first_frame_shown("showing " + m_shown_scene + ", phones join at " + m_setup.room.phone_url);
        m_first_frame = false;
    }

    // mpv woke the loop (or half a second passed while a clip plays): its reports go to the
    // engine; a new caption or an end redraws the screen; a new frame is drawn into the clip's
    // box alone and only that rectangle is shown. Under the help or a warning band it waits.
    void show_media() {
        if (!m_media_due && !m_media.active()) return;
        m_media_due = false;
        const auto began = std::chrono::steady_clock::now();
        const auto news = m_media.poll(*m_view, m_clock.monotonic());
        submit_all(news.reports);
        m_setup.signals.set_caption(m_media.caption());
        const bool covered = m_help || m_view->host_offer || !m_setup.signals.warning().empty();
        if (news.redraw) {
            m_full = true;  // the next turn of the loop draws it all, at once
            return;
        }
        const auto box = m_media.clip_box();
        if (!news.picture || !box || covered || !m_media.clip_frame()) return;
        m_canvas->picture(*m_media.clip_frame(), *box);
        m_presenter->show(*box);
        m_media.frame_work(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - began));
    }

    void submit_all(std::vector<Event> events) {
        for (auto& event : events) m_loop->submit(std::move(event), nullptr);
    }

    // mpv's audio output: the system's, unless VITALE_KIOSK_AUDIO names one ("null" in tests).
    static std::string audio_output() {
        const char* output = std::getenv("VITALE_KIOSK_AUDIO");
        return output ? output : "";
    }

    // mpv's hardware decoding: the GPU's where there is one (auto-copy), unless
    // VITALE_KIOSK_HWDEC says otherwise ("no" on a PC whose driver misbehaves).
    static std::string hardware_decoding() {
        const char* hwdec = std::getenv("VITALE_KIOSK_HWDEC");
        return hwdec && *hwdec ? hwdec : "auto-copy";
    }

    // The service watchdog asks whether this loop still handles its events.
    void answer_watchdog() {
        if (!m_setup.watchdog->screen_should_hang()) return m_setup.watchdog->screen_answered();
        std::fprintf(stderr, "%sthe screen loop hangs now (VITALE_KIOSK_TEST_HANG, a test's fault)\n", log_prefix(Priority::Error));
        for (;;) std::this_thread::sleep_for(std::chrono::hours{1});
    }

    const ScreenSetup& m_setup;
    const Config& m_config;
    ui::WindowPtr m_window;
    std::unique_ptr<ui::Presenter> m_presenter;
    std::unique_ptr<ui::Canvas> m_canvas;
    SystemClock m_clock;
    EngineLoop* m_loop;
    const std::vector<scenes::HelpRow> m_rows;
    ui::Chime m_chime;
    std::shared_ptr<const View> m_view;
    Uint32 m_view_changed = 0, m_chime_due = 0, m_watchdog_ping = 0;
    std::atomic<Uint32> m_media_wake{0};  // read by mpv's threads
    bool m_media_due = false;             // mpv woke the loop: poll the player
    std::string m_shown_scene;
    std::string m_panel;  // the coffee panel last drawn on this screen ("" in a session)
    std::string m_last_failure;
    bool m_help = false, m_full = true, m_running = true, m_first_frame = true;
    bool m_resized = false;  // the window's size changed: a new picture before the next frame
    std::optional<Millis> m_tick_at;
    SlotOpener m_opener;
    DisplayPower m_power;
    NightWatch m_night;
    bool m_dark = false;  // the night is on the screen (its notice or black)
    enum class NightShown { Nothing, Notice, Black };
    NightShown m_night_shown = NightShown::Nothing;
    const Millis m_notice_length;
    bool m_notice_due = true;     // the next night begins with its notice (start-up, after a key)
    Millis m_notice_until{0};
    std::optional<WallTime> m_warmed_for;  // the night's end the display was switched on for
    bool m_power_set = false;     // the display was told it is day once
    PanelFade m_fade;
    std::unique_ptr<CoffeeWindow> m_coffee;  // the second screen, when coffee.display names one
    std::optional<Millis> m_coffee_tick;
    std::optional<Millis> m_after_fade;  // when the scene wants its next frame once the fade is done
    MediaScreen m_media;  // the running stage's clips, pictures and sounds
    static constexpr long long k_longest_wait_ms = 24LL * 3600 * 1000;  // SDL takes an int
    static constexpr Millis k_media_poll{500};
};

}  // namespace

void run_screen(const ScreenSetup& setup) { ScreenLoop{setup}.run(); }

}  // namespace kiosk::screen
