#include "kiosk/media/clip_player.hpp"

#include <mpv/client.h>
#include <mpv/render.h>

#include <cmath>
#include <cstdio>
#include <cstring>

namespace kiosk::media {

namespace {

std::string seconds_text(Millis at) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", static_cast<double>(at.count()) / 1000.0);
    return text;
}

// mpv's words for why a file ended, as the room's log and the record say it.
std::string end_problem(const mpv_event_end_file& end) {
    if (end.reason != MPV_END_FILE_REASON_ERROR) return "";
    return std::string{"mpv could not play it ("} + mpv_error_string(end.error) + ")";
}

}  // namespace

ClipPlayer::ClipPlayer(const ClipOptions& options, std::function<void()> wake) : m_wake{std::move(wake)}, m_options{options} {
    m_paused = options.paused;
    m_position = options.start;
    m_mpv = mpv_create();
    if (!m_mpv) {
        end("libmpv would not start");
        return;
    }
    // The kiosk's own player: no window of mpv's, no user config, scripts, keys or network streams;
    // captions are read (sub-text) and drawn by the kiosk in its own type, not burned in.
    const std::pair<const char*, std::string> settings[] = {
        {"vo", "libmpv"}, {"config", "no"}, {"load-scripts", "no"}, {"ytdl", "no"}, {"terminal", "no"},
        {"input-default-bindings", "no"}, {"osc", "no"}, {"osd-level", "0"}, {"msg-level", "all=no"},
        {"hwdec", options.hwdec}, {"sw-fast", "yes"}, {"video-timing-offset", "0"}, {"keep-open", "no"},
        {"sub-auto", "no"}, {"sub-visibility", "no"}, {"audio-client-name", "vitale-kiosk"},
        {"start", seconds_text(options.start)}, {"pause", options.paused ? "yes" : "no"},
        {"vid", options.video ? "auto" : "no"}, {"audio-display", "no"},
        // A room's clip is a local file played once: a small read-ahead, nothing kept behind, two
        // decoder threads (the 2-core room PC), so memory stays near the kiosk's own.
        {"cache", "no"}, {"demuxer-max-bytes", "16MiB"}, {"demuxer-max-back-bytes", "0"}, {"vd-lavc-threads", "2"}};
    for (const auto& [name, value] : settings) mpv_set_option_string(m_mpv, name, value.c_str());
    if (!options.audio_output.empty()) mpv_set_option_string(m_mpv, "ao", options.audio_output.c_str());
    if (mpv_initialize(m_mpv) < 0) {
        end("libmpv would not start");
        return;
    }
    mpv_set_wakeup_callback(m_mpv, [](void* self) { static_cast<ClipPlayer*>(self)->m_wake(); }, this);
    if (options.video) {
        mpv_render_param params[] = {{MPV_RENDER_PARAM_API_TYPE, const_cast<char*>(MPV_RENDER_API_TYPE_SW)}, {MPV_RENDER_PARAM_INVALID, nullptr}};
        if (mpv_render_context_create(&m_render, m_mpv, params) < 0) {
            end("libmpv cannot render pictures into memory");
            return;
        }
        // A new picture to render: the render thread's, not the screen's (no mpv call in a callback).
        mpv_render_context_set_update_callback(
            m_render,
            [](void* self) {
                auto* player = static_cast<ClipPlayer*>(self);
                {
                    std::lock_guard lock{player->m_mutex};
                    player->m_update = true;
                }
                player->m_changed.notify_one();
            },
            this);
        m_renderer = std::jthread{[this](std::stop_token stop) { render_loop(stop); }};
    }
    mpv_observe_property(m_mpv, 0, "time-pos", MPV_FORMAT_DOUBLE);
    mpv_observe_property(m_mpv, 0, "sub-text", MPV_FORMAT_STRING);
    const std::string path = options.file.string();
    const char* command[] = {"loadfile", path.c_str(), nullptr};
    if (mpv_command(m_mpv, command) < 0) end("mpv would not open it");
}

ClipPlayer::~ClipPlayer() {
    // The render thread ends first (it may be inside a render); then the render context, before
    // the core (mpv's rule); no callback runs after this.
    if (m_renderer.joinable()) {
        m_renderer.request_stop();
        m_renderer.join();
    }
    if (m_render) mpv_render_context_free(m_render);
    if (m_mpv) mpv_terminate_destroy(m_mpv);
}

void ClipPlayer::set_paused(bool paused) {
    if (paused == m_paused || m_ended) return;
    m_paused = paused;
    m_progress_at = Millis{-1};  // a stall is counted from the next poll on
    mpv_set_property_string(m_mpv, "pause", paused ? "yes" : "no");
}

void ClipPlayer::seek(Millis position) {
    if (m_ended) return;
    const auto at = seconds_text(position);
    const char* command[] = {"seek", at.c_str(), "absolute+exact", nullptr};
    mpv_command(m_mpv, command);
    m_position = position;
    m_progress_at = Millis{-1};
}

void ClipPlayer::end(const std::string& problem) {
    if (m_ended) return;
    m_ended = true;
    m_problem = problem;
}

ClipNews ClipPlayer::poll(Millis now) {
    ClipNews news;
    const std::string caption = m_caption;
    while (m_mpv && !m_ended) {
        const mpv_event* event = mpv_wait_event(m_mpv, 0);
        if (event->event_id == MPV_EVENT_NONE) break;
        if (event->event_id == MPV_EVENT_FILE_LOADED) {
            m_loaded = true;
            mpv_get_property(m_mpv, "container-fps", MPV_FORMAT_DOUBLE, &m_fps);
            // The captions beside it, added as a path as it is ("sub-files" would split it at ':').
            if (!m_options.captions.empty()) {
                const std::string captions = m_options.captions.string();
                const char* add[] = {"sub-add", captions.c_str(), "select", nullptr};
                mpv_command(m_mpv, add);
            }
        }
        else if (event->event_id == MPV_EVENT_END_FILE) end(end_problem(*static_cast<mpv_event_end_file*>(event->data)));
        else if (event->event_id == MPV_EVENT_PROPERTY_CHANGE) {
            const auto* property = static_cast<mpv_event_property*>(event->data);
            handle_property(property->name, property->data, property->format);
        }
    }
    // A file that never opens, or a clip that stops moving while it should play, is given up:
    // the stage goes on without it.
    if (!m_ended && !m_paused) {
        if (m_progress_at < Millis{0} || m_position != m_last_position) {
            m_progress_at = now;
            m_last_position = m_position;
        } else if (now - m_progress_at > m_options.stall_after) {
            end(m_loaded ? "it stopped playing (no progress for " + std::to_string(m_options.stall_after.count() / 1000) + " s)"
                         : "it did not open within " + std::to_string(m_options.stall_after.count() / 1000) + " s");
        }
    }
    if (m_ended && !m_end_told) {  // also an end while it was being made (mpv would not start)
        m_end_told = true;
        news.ended = true;
        news.problem = m_problem;
        m_caption.clear();
    }
    news.caption = caption != m_caption;
    return news;
}

void ClipPlayer::handle_property(const char* name, const void* data, int format) {
    if (std::strcmp(name, "time-pos") == 0 && format == MPV_FORMAT_DOUBLE)
        m_position = Millis{static_cast<long long>(std::llround(*static_cast<const double*>(data) * 1000.0))};
    else if (std::strcmp(name, "sub-text") == 0)
        m_caption = format == MPV_FORMAT_STRING && data ? *static_cast<char* const*>(data) : "";
}

void ClipPlayer::set_size(int width, int height) {
    std::lock_guard lock{m_mutex};
    m_width = width;
    m_height = height;
}

ClipPicture ClipPlayer::take_picture() {
    std::lock_guard lock{m_mutex};
    // What mpv rendered before the file was loaded (a blank) is not the clip's; the first picture
    // waits here until the screen's thread read FILE_LOADED (a paused clip sends no second one).
    if (!m_fresh || !m_loaded) return {};
    m_fresh = false;
    std::swap(m_ready, m_front);
    ++m_taken;
    return {m_front.pixels.get(), m_front.width, m_front.height, m_front.stride};
}

// The render thread: each new picture mpv has, rendered at the box's size into the back buffer,
// which then becomes the newest; the screen is woken to take it. A picture the screen has not
// taken yet is simply replaced by a newer one (the screen shows the newest, never a queue).
void ClipPlayer::render_loop(std::stop_token stop) {
    for (;;) {
        int width = 0, height = 0;
        {
            std::unique_lock lock{m_mutex};
            if (!m_changed.wait(lock, stop, [this] { return m_update; })) return;
            m_update = false;
            width = m_width;
            height = m_height;
        }
        if (!(mpv_render_context_update(m_render) & MPV_RENDER_UPDATE_FRAME)) continue;
        if (!render_into(m_back, width, height)) continue;
        {
            std::lock_guard lock{m_mutex};
            std::swap(m_back, m_ready);
            m_fresh = true;
        }
        m_wake();
    }
}

bool ClipPlayer::render_into(Buffer& buffer, int width, int height) {
    if (width <= 0 || height <= 0) {
        // No box yet: the frame is passed over (mpv waits for each frame it announced to be taken).
        int skip = 1;
        mpv_render_param params[] = {{MPV_RENDER_PARAM_SKIP_RENDERING, &skip}, {MPV_RENDER_PARAM_INVALID, nullptr}};
        mpv_render_context_render(m_render, params);
        return false;
    }
    if (buffer.width != width || buffer.height != height) {
        buffer.stride = (static_cast<std::size_t>(width) * 4 + 63) / 64 * 64;
        buffer.pixels.reset(static_cast<std::uint8_t*>(std::aligned_alloc(64, buffer.stride * static_cast<std::size_t>(height))));
        if (!buffer.pixels) return false;
        buffer.width = width;
        buffer.height = height;
    }
    int size[] = {width, height};
    char format[] = "bgr0";
    int block = 0;  // never wait for the frame's display time: the screen shows it when it comes
    mpv_render_param params[] = {{MPV_RENDER_PARAM_SW_SIZE, size},
                                 {MPV_RENDER_PARAM_SW_FORMAT, format},
                                 {MPV_RENDER_PARAM_SW_STRIDE, &buffer.stride},
                                 {MPV_RENDER_PARAM_SW_POINTER, buffer.pixels.get()},
                                 {MPV_RENDER_PARAM_BLOCK_FOR_TARGET_TIME, &block},
                                 {MPV_RENDER_PARAM_INVALID, nullptr}};
    return mpv_render_context_render(m_render, params) >= 0;
}

}  // namespace kiosk::media
