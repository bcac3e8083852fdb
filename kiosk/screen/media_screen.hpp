#pragma once
// The running stage's clips, pictures and sounds on the room's screen. The session says what
// plays and from where (View::media, in step time); this follows it: one ClipPlayer for the clip
// or sound that plays (paused with the stage), pictures loaded once, a clip's newest frame
// rendered at the size of its box. It tells the engine when a clip ended or could not play, and
// after a restart it resumes a clip where the screen last had it: a small file in the data
// folder, written four times a second while a clip plays, survives the kiosk's end (not a power cut,
// after which the clip goes on where the session's clock puts it). Main thread only.
#include <SDL.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/event.hpp"
#include "kiosk/core/view.hpp"
#include "kiosk/media/clip_player.hpp"
#include "kiosk/ui/sdl_handles.hpp"
#include "scenes/scene.hpp"

namespace kiosk::screen {

struct MediaSetup {
    std::filesystem::path media_dir;   // where the formats' files are (kiosk.json media_dir)
    std::filesystem::path data_dir;    // where the resume file goes; empty: none
    std::string audio_output;          // mpv's "ao" ("" = the system's audio)
    std::string hwdec = "auto-copy";   // mpv's "hwdec"
    std::function<void()> wake;        // from mpv's threads: a picture or an event is waiting
};

// What poll() found.
struct MediaNews {
    std::vector<Event> reports;  // MediaEnd for the engine
    bool redraw = false;         // the caption changed, or a clip ended or failed: draw the screen again
    bool picture = false;        // a new picture is in clip_frame(): draw it into the clip's box
};

class MediaScreen {
public:
    explicit MediaScreen(MediaSetup setup);
    ~MediaScreen();

    // After every new View: the player started, stopped or paused to match it, pictures loaded.
    // Returns what the engine must hear (a MediaResume after a restart, a MediaEnd for a picture
    // that cannot be read).
    std::vector<Event> follow(const View& view, Millis now);
    // On the wake event, and twice a second while a clip is loaded (a stall is noticed then).
    MediaNews poll(const View& view, Millis now);
    bool active() const { return m_player != nullptr && !m_player->ended(); }

    // The screen loop's time for one new frame of the clip (render, copy, show), for the log line
    // at the clip's end: "first picture after 180 ms, 598 of 600 frames shown, frame work p99 …".
    void frame_work(std::chrono::microseconds took);

    // What the scenes draw (Frame::media); the scene writes each box it placed.
    const std::vector<scenes::MediaPicture>& shown() const { return m_shown; }
    // Before the screen is drawn again: every box is forgotten, and the scene writes back those it
    // draws (an entry hidden by a later one in its place, or in a scene without media, has none).
    void forget_boxes() {
        for (auto& shown : m_shown) shown.box = {};
    }
    // The clip's box as last drawn, and its newest picture (rendered at that size by the
    // player's thread; after poll said picture); nullptr when there is none to draw.
    std::optional<SDL_Rect> clip_box() const;
    SDL_Surface* clip_frame() const { return m_frame.get(); }
    // The playing clip's caption now ("" without one, or when nothing plays).
    const std::string& caption() const { return m_caption; }

private:
    struct Key {
        std::string token;
        int step = -1, item = -1, plays = 0;
        bool operator==(const Key&) const = default;
    };
    void start_player(const View& view, const Key& key, Millis now, std::vector<Event>& reports);
    void load_picture(const View& view, int item, std::vector<Event>& reports);
    void save_position(Millis now);
    std::optional<Millis> saved_position(const Key& key) const;
    Event report(EventKind kind, const View& view, int item, Millis position, const std::string& problem) const;
    void rebuild_shown(const View& view);

    MediaSetup m_setup;
    std::unique_ptr<media::ClipPlayer> m_player;
    Key m_key;                    // what m_player plays
    bool m_reported_end = false;  // its end was told to the engine
    std::map<std::string, ui::SurfacePtr> m_pictures;  // by file; a null surface: could not be read
    std::vector<scenes::MediaPicture> m_shown;
    ui::SurfacePtr m_frame;  // the clip's newest picture, over the player's memory
    Millis m_saved_at{-1000};
    Millis m_saved_position{-1};
    // The clip's figures (logged at its end; the benchmark reads the line).
    Millis m_started_at{0}, m_from{0};
    std::string m_file;  // the playing entry's
    std::optional<Millis> m_first_picture;
    std::vector<long long> m_work_us;
    void log_figures(const std::string& file, Millis position) const;
    std::string m_caption;
};

}  // namespace kiosk::screen
