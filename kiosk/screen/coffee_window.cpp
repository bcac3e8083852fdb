#include "kiosk/screen/coffee_window.hpp"
#include "kiosk/core/log_prefix.hpp"

#include <cstdio>

#include "scenes/coffee_panels.hpp"
#include "scenes/coffee_scene.hpp"

namespace kiosk::screen {

namespace {

// What the coffee corner's picture depends on besides the clock: a View change elsewhere (a
// note in the session, a timer's pause) does not redraw the second screen.
std::string signature(const scenes::Frame& frame) {
    const auto& view = frame.view;
    std::string text = std::to_string(view.coffee.week) + "|" + std::to_string(view.coffee.next_order) + "|" +
                       std::to_string(view.coffee.answers.size()) + "|" + std::to_string(static_cast<int>(view.phase)) + "|" +
                       std::to_string(frame.held_this_week) + "|" + (frame.night ? "n" : "d") + "|" + view.last_outcome;
    for (const auto& answer : view.coffee.answers) text += answer.shown() ? "s" : "w";
    for (const auto& decision : view.reviews) text += "|" + decision.id + decision.review;
    for (const auto& question : view.coffee.group_questions) text += "|" + question.text;
    return text;
}

}  // namespace

std::unique_ptr<CoffeeWindow> CoffeeWindow::open(int index, SDL_Window* room_window, const ui::FontFiles& fonts) {
    const int displays = SDL_GetNumVideoDisplays();
    if (index >= displays) {
        std::fprintf(stderr, "%scoffee.display %d: this machine has %d display(s) (0 to %d); the coffee corner "
                             "stays on the room screen only\n", log_prefix(Priority::Warning), index, displays, displays - 1);
        return nullptr;
    }
    if (index == SDL_GetWindowDisplayIndex(room_window)) {
        std::fprintf(stderr, "%scoffee.display %d is the room screen's own display; choose the other one "
                             "(--list-displays is not needed: 0 is the first, 1 the second)\n", log_prefix(Priority::Warning), index);
        return nullptr;
    }
    SDL_Rect bounds{};
    SDL_GetDisplayBounds(index, &bounds);
    ui::WindowPtr window{SDL_CreateWindow("Vitale Kiosk — koffiehoek", bounds.x, bounds.y, bounds.w, bounds.h,
                                          SDL_WINDOW_FULLSCREEN_DESKTOP)};
    if (!window) {
        std::fprintf(stderr, "%scoffee.display %d: cannot open a window there (%s)\n", log_prefix(Priority::Warning), index, SDL_GetError());
        return nullptr;
    }
    std::fprintf(stderr, "%sthe coffee corner also shows on display %d (%dx%d)\n", log_prefix(Priority::Info), index, bounds.w, bounds.h);
    try {
        return std::unique_ptr<CoffeeWindow>{new CoffeeWindow{std::move(window), fonts}};
    } catch (const ui::SdlError& error) {
        std::fprintf(stderr, "%scoffee.display %d: cannot draw there (%s)\n", log_prefix(Priority::Warning), index, error.what());
        return nullptr;
    }
}

CoffeeWindow::CoffeeWindow(ui::WindowPtr window, const ui::FontFiles& fonts)
    : m_window{std::move(window)}, m_presenter{m_window.get(), ui::present_path_for(SDL_GetCurrentVideoDriver())}, m_fonts{fonts} {}

void CoffeeWindow::window_event(Uint8 what) {
    if (what == SDL_WINDOWEVENT_SIZE_CHANGED) m_resized = true;  // the new picture is made in update()
    if (what == SDL_WINDOWEVENT_SIZE_CHANGED || what == SDL_WINDOWEVENT_EXPOSED) m_full = true;
}

std::optional<Millis> CoffeeWindow::update(const scenes::Frame& frame, Millis now) {
    if (m_resized) {  // here, where a failure is one bad frame of the screen loop's
        m_canvas.reset();  // its renderer points into the old picture
        m_presenter.resized();
        m_resized = false;  // only now: after a failure the next update tries again
    }
    const auto shown = signature(frame);
    if (shown != m_signature) {
        m_signature = shown;
        m_full = true;
    }
    if (m_fade.fading() && !m_full) {
        const auto next = m_fade.step(m_presenter.picture(), now);
        m_presenter.show_all();
        return m_tick_at = next ? next : m_after_fade;
    }
    if (m_full || (m_tick_at && now >= *m_tick_at)) draw(frame, now);
    return m_tick_at;
}

void CoffeeWindow::draw(const scenes::Frame& frame, Millis now) {
    SDL_Surface* surface = m_presenter.picture();
    if (!m_canvas) m_canvas = std::make_unique<ui::Canvas>(surface, m_fonts);
    m_fade.cancel();
    static const scenes::CoffeeScene scene;
    m_fade.before_draw(surface, frame.night ? "" : scenes::coffee_panel_name(scenes::coffee_rotation(frame).panel), true);
    scene.draw(*m_canvas, frame);
    if (m_fade.after_draw(surface, now)) m_presenter.show_all();  // a fade's first frame is still on the screen
    m_full = false;
    const auto wait = frame.night ? std::nullopt : scene.until_change(frame);
    m_tick_at = wait ? std::optional<Millis>{now + *wait} : std::nullopt;
    if (m_fade.fading()) {
        m_after_fade = m_tick_at;
        m_tick_at = now + PanelFade::k_frame;
    }
}

}  // namespace kiosk::screen
