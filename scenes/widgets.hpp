#pragma once
// Pieces several scenes share: the layout grid, the stage header with its progress bar, the
// countdown panel, the QR panel and the "on your phone" band.
#include <SDL.h>

#include <string>

#include "scenes/scene.hpp"

namespace kiosk::scenes {

// Every scene draws with these; named once here instead of in each file.
using ui::Align;
using ui::TextStyle;
using ui::Weight;
namespace theme = ui::theme;
namespace type = ui::type;

// The grid: a content column on the left and a side column on the right, in pixels.
struct Grid {
    int margin;
    SDL_Rect main;  // left column
    SDL_Rect side;  // right column
};
Grid make_grid(const ui::Canvas& canvas, double side_units);

// "12:00"; seconds round up so the display reaches 0:00 exactly when time runs out.
std::string format_countdown(Millis remaining);
std::optional<Millis> until_next_second(const View& view, Millis now);

// "Fase 2 van 5" and a segmented bar; returns the y below it.
int draw_stage_header(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area);
// A screen's title and the sentence under it, each shrunk to fit its box; returns the y below.
int draw_title_block(ui::Canvas& canvas, const SDL_Rect& column, int y, const std::string& title,
                     const std::string& body);
// The countdown panel at the top of the side column; returns its area.
SDL_Rect draw_timer_panel(ui::Canvas& canvas, const Frame& frame, const Grid& grid);
SDL_Rect timer_panel_area(const ui::Canvas& canvas, const Grid& grid);
// The QR code with "scan to join" under it, filling `area`.
void draw_qr_panel(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area, double caption_size);
// The same panel for another link: the QR of `url` with `caption` and a small `hint` under it.
void draw_link_panel(ui::Canvas& canvas, const SDL_Rect& area, const std::string& url, const std::string& caption,
                     const std::string& hint, double caption_size);
// The band at the bottom of the main column: what to do now (on the phone, or to go on).
// `label` is the small line above the text; empty for none.
void draw_band(ui::Canvas& canvas, const Grid& grid, const std::string& label, const std::string& text);
int phone_band_top(const ui::Canvas& canvas);
// Small help hint in the bottom-left corner.
void draw_help_hint(ui::Canvas& canvas, const Frame& frame);
// A titled list of lines with bullets inside `area`; shrinks to fit. Returns the y below it.
int draw_bullets(ui::Canvas& canvas, const std::vector<std::string>& lines, const SDL_Rect& area,
                 double size);

// This week's reflection question (rotating by ISO week).
const std::string& question_of_the_week(const Content& content, const LocalMoment& local);
// The URL without "http://", for people who type it.
std::string display_url(const std::string& url);
// What the QR encodes: the session's join link while one is open, else the coffee corner's
// answer link (or the kiosk's address before the kiosk set a week).
std::string join_url(const Frame& frame);
// "8 doen mee · 3 klaar" under the timer; returns its area.
SDL_Rect draw_people_line(ui::Canvas& canvas, const Frame& frame, int x, int y, int width);

}  // namespace kiosk::scenes
