#pragma once
// A second screen that shows only the coffee corner (kiosk.json coffee.display, or
// --coffee-display N), also while the room screen runs a session. It draws when what it shows
// changed (answers, decisions, the week, the session starting or ending) or its own time came
// (the clock's minute, the next panel), fades between panels like the room screen, and takes
// no input of its own: keys pressed on it go to the room screen.
#include <SDL.h>

#include <memory>
#include <optional>
#include <string>

#include "kiosk/screen/panel_fade.hpp"
#include "kiosk/ui/canvas.hpp"
#include "kiosk/ui/font_locator.hpp"
#include "kiosk/ui/presenter.hpp"
#include "kiosk/ui/sdl_handles.hpp"
#include "scenes/scene.hpp"

namespace kiosk::screen {

class CoffeeWindow {
public:
    // Opens the window on SDL display `index`; nullptr (and one line on stderr saying why) when
    // there is no such display or it is the room screen's own.
    static std::unique_ptr<CoffeeWindow> open(int index, SDL_Window* room_window, const ui::FontFiles& fonts);

    Uint32 id() const { return SDL_GetWindowID(m_window.get()); }
    void window_event(Uint8 what);
    // Draws what is due at `now` and returns when it next wants to draw (nullopt: only on change).
    std::optional<Millis> update(const scenes::Frame& frame, Millis now);

private:
    CoffeeWindow(ui::WindowPtr window, const ui::FontFiles& fonts);
    void draw(const scenes::Frame& frame, Millis now);

    ui::WindowPtr m_window;
    ui::Presenter m_presenter;
    ui::FontFiles m_fonts;
    std::unique_ptr<ui::Canvas> m_canvas;
    PanelFade m_fade;
    std::string m_signature;  // what the coffee corner showed when last drawn
    std::optional<Millis> m_tick_at, m_after_fade;
    bool m_full = true;
    bool m_resized = false;
};

}  // namespace kiosk::screen
