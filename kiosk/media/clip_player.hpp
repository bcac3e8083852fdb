#pragma once
// One clip or sound of a stage, played by libmpv. mpv decodes on its own threads (hardware
// decoding where the PC has it, copied back: hwdec=auto-copy) and plays the sound through the
// system's audio; a thread of the player's own renders each new picture through mpv's software
// render API (scaled and letterboxed by mpv) at the size the screen asks for, and hands the
// newest over. The screen's thread never renders, scales or waits: it takes the newest picture
// when it is woken, or finds none.
// Used on one thread (the screen's); `wake` is called from mpv's threads and the render thread.
#include <cstddef>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

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
    std::string hwdec = "auto-copy";  // mpv's "hwdec": the GPU's decoder where there is one
    Millis stall_after{5000};        // playing, yet no progress this long: the clip is given up
};

// What poll() saw since the last call.
struct ClipNews {
    bool ended = false;     // the clip is over: played to its end, or given up (problem says why)
    std::string problem;    // "" when it played to its end
    bool caption = false;   // the caption text changed
};

// A picture the render thread made: 4 bytes a pixel, B G R X in memory, `stride` bytes a row.
struct ClipPicture {
    const std::uint8_t* pixels = nullptr;  // nullptr: nothing new
    int width = 0, height = 0;
    std::size_t stride = 0;
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
    // Reads mpv's events; `now` (monotonic) finds a stall.
    ClipNews poll(Millis now);
    // The size of the box the picture goes into; the render thread renders at it from the next
    // picture on (0 × 0: none yet, pictures are passed over).
    void set_size(int width, int height);
    // The newest picture since the last call, or one with no pixels. It stays valid until the
    // next call (or the player's end).
    ClipPicture take_picture();

    Millis position() const { return m_position; }
    const std::string& caption() const { return m_caption; }
    bool ended() const { return m_ended; }
    bool paused() const { return m_paused; }
    // For the log and the benchmark: pictures taken by the screen, and the clip's frame rate (0 until known).
    long long frames_taken() const { return m_taken; }
    double frame_rate() const { return m_fps; }

private:
    struct Buffer {  // aligned for mpv's fast path (64 bytes)
        std::unique_ptr<std::uint8_t, void (*)(void*)> pixels{nullptr, std::free};
        int width = 0, height = 0;
        std::size_t stride = 0;
    };
    void handle_property(const char* name, const void* data, int format);
    void end(const std::string& problem);
    void render_loop(std::stop_token stop);
    bool render_into(Buffer& buffer, int width, int height);

    mpv_handle* m_mpv = nullptr;
    mpv_render_context* m_render = nullptr;
    std::function<void()> m_wake;
    ClipOptions m_options;
    Millis m_position{0};
    std::string m_caption;
    bool m_ended = false, m_paused = false, m_end_told = false;
    std::atomic<bool> m_loaded{false};  // the render thread passes over what comes before
    Millis m_progress_at{-1};  // when the position last moved (or the clip was (re)started)
    Millis m_last_position{-1};
    long long m_taken = 0;
    double m_fps = 0;
    // The render thread and what it shares with the screen's (under m_mutex): the box's size, a
    // new picture to render, and the three buffers (being rendered, newest, the screen's).
    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    bool m_update = false, m_fresh = false;
    int m_width = 0, m_height = 0;
    Buffer m_back, m_ready, m_front;
    std::jthread m_renderer;  // last: it stops (and is joined) first
    std::string m_problem;
};

}  // namespace kiosk::media
