#include "kiosk/screen/media_screen.hpp"

#include <SDL_image.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "kiosk/core/log_prefix.hpp"
#include "kiosk/media/media_probe.hpp"

namespace kiosk::screen {

namespace {

constexpr const char* k_resume_file = "media-position";

const MediaItem& entry_of(const View& view, int item) { return view.step_spec().media.at(static_cast<std::size_t>(item)); }

// The clip or sound that plays in the running stage (at most one), else -1.
int playing_item(const View& view) {
    for (const int item : view.media_on_screen()) {
        const auto* state = view.media_state(item);
        if (entry_of(view, item).kind != MediaKind::Image && !state->ended) return item;
    }
    return -1;
}

}  // namespace

MediaScreen::MediaScreen(MediaSetup setup) : m_setup{std::move(setup)} {}

MediaScreen::~MediaScreen() = default;

Event MediaScreen::report(EventKind kind, const View& view, int item, Millis position, const std::string& problem) const {
    return {kind, Sender::system(),
            MediaPayload{view.step_spec().id, item, static_cast<int>(std::max<long long>(0, position.count())), problem.substr(0, 300)}};
}

std::vector<Event> MediaScreen::follow(const View& view, Millis now) {
    std::vector<Event> reports;
    const int item = view.in_step() ? playing_item(view) : -1;
    const Key key = item < 0 ? Key{} : Key{view.join_token, view.step, item, view.media_state(item)->plays};
    if (!(key == m_key)) {
        // Replaced (R, another entry) or stopped (the stage was left) before its end: its figures too.
        if (m_player && !m_reported_end) log_figures(m_file, m_player->position());
        m_frame.reset();  // it shows the player's memory
        m_player.reset();
        m_caption.clear();
        m_key = key;
        if (item >= 0) start_player(view, key, now, reports);
    }
    if (m_player) m_player->set_paused(view.timer.paused);
    if (view.in_step())
        for (const int shown : view.media_on_screen())
            if (entry_of(view, shown).kind == MediaKind::Image) load_picture(view, shown, reports);
    rebuild_shown(view);
    return reports;
}

void MediaScreen::start_player(const View& view, const Key& key, Millis now, std::vector<Event>& reports) {
    const auto& entry = entry_of(view, key.item);
    const auto file = m_setup.media_dir / entry.file;
    Millis start = std::max(Millis{0}, view.media_position(key.item, now));
    // After a restart the session's clock ran on while nobody saw the clip: it goes on where the
    // screen last had it, and the engine hears so (journaled).
    if (const auto saved = saved_position(key); saved && *saved + Millis{1000} < start) {
        std::fprintf(stderr, "%s%s goes on at %.1f s, where the screen had it before the restart\n", log_prefix(Priority::Info),
                     entry.file.c_str(), static_cast<double>(saved->count()) / 1000.0);
        start = *saved;
        reports.push_back(report(EventKind::MediaResume, view, key.item, start, ""));
    }
    media::ClipOptions options{file, media::captions_beside(file), start, view.timer.paused, entry.kind == MediaKind::Video,
                               m_setup.audio_output, m_setup.hwdec};
    m_player = std::make_unique<media::ClipPlayer>(options, m_setup.wake);
    m_reported_end = false;
    m_started_at = now;
    m_from = start;
    m_file = entry.file;
    m_first_picture.reset();
    m_work_us.clear();
    std::fprintf(stderr, "%splaying %s from %.1f s%s\n", log_prefix(Priority::Info), entry.file.c_str(),
                 static_cast<double>(start.count()) / 1000.0, options.captions.empty() ? "" : " with captions");
}

void MediaScreen::load_picture(const View& view, int item, std::vector<Event>& reports) {
    const auto& entry = entry_of(view, item);
    if (m_pictures.count(entry.file)) return;
    const auto file = m_setup.media_dir / entry.file;
    ui::SurfacePtr loaded{IMG_Load(file.c_str())};
    if (loaded) loaded.reset(SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_RGB888, 0));
    if (!loaded) {
        const std::string problem = std::string{"the picture cannot be read ("} + IMG_GetError() + ")";
        std::fprintf(stderr, "%s%s: %s; the stage goes on without it\n", log_prefix(Priority::Warning), file.c_str(), problem.c_str());
        reports.push_back(report(EventKind::MediaEnd, view, item, Millis{0}, problem));
    }
    m_pictures[entry.file] = std::move(loaded);
}

void MediaScreen::rebuild_shown(const View& view) {
    // Where the scene put each entry stays until it draws again: a new frame goes there.
    std::map<int, SDL_Rect> boxes;
    for (const auto& shown : m_shown) boxes[shown.item] = shown.box;
    m_shown.clear();
    if (!view.in_step()) return;
    for (const int item : view.media_on_screen()) {
        const auto& entry = entry_of(view, item);
        const auto* state = view.media_state(item);
        scenes::MediaPicture shown;
        shown.item = item;
        if (const auto box = boxes.find(item); box != boxes.end()) shown.box = box->second;
        shown.failed = !state->problem.empty();
        if (entry.kind == MediaKind::Image) {
            const auto found = m_pictures.find(entry.file);
            shown.picture = found == m_pictures.end() ? nullptr : found->second.get();
            shown.failed = shown.failed || !shown.picture;
        } else if (item == m_key.item && m_player) {
            shown.picture = m_frame.get();
            shown.fitted = true;
            shown.caption = m_caption;
        }
        m_shown.push_back(shown);
    }
}

std::optional<SDL_Rect> MediaScreen::clip_box() const {
    for (const auto& shown : m_shown)
        if (shown.item == m_key.item && shown.box.w > 0 && shown.box.h > 0) return shown.box;
    return std::nullopt;
}

MediaNews MediaScreen::poll(const View& view, Millis now) {
    MediaNews news;
    if (!m_player || !view.in_step() || view.step != m_key.step) return news;
    const auto polled = m_player->poll(now);
    if (polled.ended && !m_reported_end) {
        m_reported_end = true;
        if (!polled.problem.empty())
            std::fprintf(stderr, "%s%s: %s; the stage goes on without it\n", log_prefix(Priority::Warning),
                         entry_of(view, m_key.item).file.c_str(), polled.problem.c_str());
        news.reports.push_back(report(EventKind::MediaEnd, view, m_key.item, m_player->position(), polled.problem));
        log_figures(m_file, m_player->position());
        news.redraw = true;
    }
    if (polled.caption) {
        m_caption = m_player->caption();
        news.redraw = true;
    }
    if (const auto box = clip_box()) m_player->set_size(box->w, box->h);
    if (const auto picture = m_player->take_picture(); picture.pixels) {
        // The render thread's newest picture, shown where it lies (no copy until the blit).
        m_frame.reset(SDL_CreateRGBSurfaceWithFormatFrom(const_cast<std::uint8_t*>(picture.pixels), picture.width, picture.height, 32,
                                                         static_cast<int>(picture.stride), SDL_PIXELFORMAT_RGB888));
        news.picture = m_frame != nullptr;
        if (!m_first_picture) m_first_picture = now - m_started_at;
    }
    save_position(now);
    rebuild_shown(view);
    return news;
}

void MediaScreen::frame_work(std::chrono::microseconds took) {
    if (m_work_us.size() < 100'000) m_work_us.push_back(took.count());
}

void MediaScreen::log_figures(const std::string& file, Millis position) const {
    if (!m_player) return;
    const double seconds = static_cast<double>((position - m_from).count()) / 1000.0;
    const auto expected = static_cast<long long>(seconds * m_player->frame_rate() + 0.5);
    auto work = m_work_us;
    std::sort(work.begin(), work.end());
    const auto at = [&](double q) { return work.empty() ? 0.0 : static_cast<double>(work[static_cast<std::size_t>(q * static_cast<double>(work.size() - 1))]) / 1000.0; };
    std::fprintf(stderr, "%s%s: first picture after %lld ms, %lld of %lld frames shown in %.1f s, frame work p50 %.2f ms p99 %.2f ms\n",
                 log_prefix(Priority::Info), file.c_str(), m_first_picture ? static_cast<long long>(m_first_picture->count()) : -1LL,
                 m_player->frames_taken(), expected, seconds, at(0.5), at(0.99));
}

// Four times a second while a clip plays: where it is, for a restart (a write to the page cache,
// no flush: it outlives the process, which is what it is for).
void MediaScreen::save_position(Millis now) {
    if (m_setup.data_dir.empty() || m_player->ended() || now - m_saved_at < Millis{250}) return;
    if (m_player->position() == m_saved_position) return;  // paused: nothing new to keep
    m_saved_at = now;
    m_saved_position = m_player->position();
    std::ofstream out{m_setup.data_dir / k_resume_file, std::ios::trunc};
    out << m_key.token << ' ' << m_key.step << ' ' << m_key.item << ' ' << m_key.plays << ' ' << m_player->position().count() << '\n';
}

std::optional<Millis> MediaScreen::saved_position(const Key& key) const {
    if (m_setup.data_dir.empty()) return std::nullopt;
    std::ifstream in{m_setup.data_dir / k_resume_file};
    Key saved;
    long long position = -1;
    if (!(in >> saved.token >> saved.step >> saved.item >> saved.plays >> position) || !(saved == key) || position < 0) return std::nullopt;
    return Millis{position};
}

}  // namespace kiosk::screen
