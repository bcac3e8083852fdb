#pragma once
// One clip or sound of a stage, played by libmpv. mpv decodes on its own threads (hardware
// decoding where the PC has it, copied back: hwdec=auto-copy) and plays the sound through the
// system's audio; the newest picture is rendered on request into memory of the caller's size
// through mpv's software render API (scaled and letterboxed by mpv). Nothing here waits for the
// decoder: a render takes the picture that is due now, or says there is none.
// Used on one thread (the screen's); `wake` is called from mpv's threads.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "kiosk/core/clock.hpp"

struct mpv_handle;
struct mpv_render_context;

namespace kiosk::media {

struct ClipOptions {
    std::filesystem::path file;
    std::filesystem::path captions;  // a .vtt or .srt beside the clip, or empty
    Millis start{0};                 // where to begin
    bool paused = false;
    bool video = true;               // false for a sound: nothing to render
    std::string audio_output;        // mpv's "ao" ("" = mpv's own choice; "null" for tests)
    Millis stall_after{5000};        // playing, yet no progress this long: the clip is given up
};

// What poll() saw since the last call.
struct ClipNews {
    bool ended = false;     // the clip is over: played to its end, or given up (problem says why)
    std::string problem;    // "" when it played to its end
    bool caption = false;   // the caption text changed
    bool picture = false;   // a new picture is due: render() it
};

class ClipPlayer {
public:
    // Starts loading at once; what goes wrong is reported by poll(), never thrown.
    ClipPlayer(const ClipOptions& options, std::function<void()> wake);
    ~ClipPlayer();
    ClipPlayer(const ClipPlayer&) = delete;
    ClipPlayer& operator=(const ClipPlayer&) = delete;

    void set_paused(bool paused);
    void seek(Millis position);
    // Reads mpv's events and the render context's news; `now` (monotonic) finds a stall.
    ClipNews poll(Millis now);
    // The picture due now into `pixels` (4 bytes a pixel, B G R X in memory; `stride` bytes a
    // row, both multiples of 64 for mpv's fast path), scaled to width × height. False when
    // there is no picture yet (loading, a sound, ended).
    bool render(std::uint8_t* pixels, int width, int height, std::size_t stride);

    Millis position() const { return m_position; }
    const std::string& caption() const { return m_caption; }
    bool ended() const { return m_ended; }
    bool paused() const { return m_paused; }
    bool showed_picture() const { return m_showed; }

private:
    void handle_property(const char* name, const void* data, int format);
    void end(const std::string& problem);

    mpv_handle* m_mpv = nullptr;
    mpv_render_context* m_render = nullptr;
    std::function<void()> m_wake;
    ClipOptions m_options;
    Millis m_position{0};
    std::string m_caption;
    bool m_loaded = false, m_ended = false, m_paused = false, m_showed = false;
    Millis m_progress_at{-1};  // when the position last moved (or the clip was (re)started)
    Millis m_last_position{-1};
    std::string m_problem;
};

}  // namespace kiosk::media
