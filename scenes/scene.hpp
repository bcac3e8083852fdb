#pragma once
// A screen of the kiosk. Scenes draw a View; they never change the session (input becomes
// events in the app) and never name each other: the View's phase and step pick the scene.
// Drawn on the main thread.
#include <SDL.h>

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/schedule.hpp"
#include "kiosk/core/strings.hpp"
#include "kiosk/core/view.hpp"
#include "kiosk/ui/canvas.hpp"

namespace kiosk::scenes {

// The room as the screens know it, fixed at start-up.
struct Room {
    std::string name;
    std::string phone_url;  // where phones reach the kiosk; the QR adds /j/<token>
    std::vector<Slot> slots;
    bool show_names = false;  // first names next to notes (kiosk.json phones.show_names)
    // The coffee corner (kiosk.json "coffee")
    int rotate_seconds = 20;            // a panel's time on screen before the next fades in
    bool group_question_first = true;   // coffee.question_source "group_first" (else "rotation")
};

// The coffee corner's panels, in the order they rotate.
enum class CoffeePanel { Question, Answers, Decisions, Next };

// A stage's media entry on the screen, as the screen loop has it (screen/media_screen.hpp):
// a picture, a clip's newest frame, or only words (a sound, a clip still loading or given up).
struct MediaPicture {
    int item = 0;                    // index into the running stage's "media"
    SDL_Surface* picture = nullptr;  // not owned; nullptr while there is none
    bool fitted = false;             // true: `picture` is already the box's size (a clip's frame)
    std::string caption;             // the clip's caption now; "" without
    bool failed = false;             // it could not play: a calm line instead, and the stage goes on
    // Where the scene put the picture, written while it draws (the loop draws each new frame of
    // a clip there, and shows only that rectangle); empty when it was not drawn.
    mutable SDL_Rect box{};
};

struct HelpRow {
    std::string keys;    // "PageDown · →"
    std::string action;  // "Volgende fase"
};

// Everything a scene may read to draw one frame.
struct Frame {
    const View& view;
    const Strings& strings;
    const Room& room;
    Millis now;           // monotonic: for timers
    WallTime wall;        // for the room's clock
    LocalMoment local;    // wall time in the room's time zone
    bool help_visible = false;
    const std::vector<HelpRow>* help_rows = nullptr;
    std::string week_line{};  // "week 7 van 20 · sessie 3 van 4"; empty when unknown
    int held_this_week = 0;   // sessions opened this ISO week (the coffee corner's "Volgende sessie")
    // The coffee corner: a panel forced for a screenshot (else the clock picks it), and the night
    // (coffee.hours closed): the screen is black.
    std::optional<CoffeePanel> coffee_panel{};
    bool night = false;
    // At night, for a minute after start-up or after a key's five minutes: one small dim line
    // that says why the screen is dark ("Nacht — het scherm slaapt tot ma 07:30; …").
    std::string night_notice{};
    // The room's keys work on this screen: its hints are shown (not on the second screen).
    bool keys_here = true;
    // The running stage's media on the screen now (nullptr or empty: none; screenshots show none).
    const std::vector<MediaPicture>* media = nullptr;
};

class Scene {
public:
    virtual ~Scene() = default;
    // Draws the whole screen.
    virtual void draw(ui::Canvas& canvas, const Frame& frame) const = 0;
    // Redraws only the part that changes with time alone (the countdown) and returns its
    // area, so the window updates just that; an empty rect when there is no such part.
    virtual SDL_Rect draw_ticking(ui::Canvas& canvas, const Frame& frame) const;
    // How long until the picture changes by itself (the next countdown second, the next
    // minute of the clock); nullopt when it only changes with the View.
    virtual std::optional<Millis> until_change(const Frame& frame) const;
};

// The scene that shows this View.
const Scene& scene_for(const View& view);

// Draws the scene for the frame's View, with the help overlay on top when it is visible.
void draw_frame(ui::Canvas& canvas, const Frame& frame);
// Redraws only what changes with time (Scene::draw_ticking) and returns that area.
SDL_Rect draw_tick(ui::Canvas& canvas, const Frame& frame);

}  // namespace kiosk::scenes
