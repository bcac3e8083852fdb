// A stage's clips, pictures and sounds (a format's "media", content.hpp). The session says what
// plays and from where, in step time: an "at_start" entry begins with its stage, an
// "after_minutes" entry at its minute (the clock's doing, made again by tick() on replay), an
// "on_key" entry at the room's R, which otherwise plays the last clip again from 0:00. The
// stage's pause holds a clip with the timer; leaving the stage stops it. One clip or sound plays
// at a time: a new one ends the one before. The screen's player reports a clip's end (or why it
// could not play) and, after a restart, where it goes on; both are journaled like every event.
#include "kiosk/core/session.hpp"

namespace kiosk {

namespace {

bool plays(const MediaItem& item) { return item.kind != MediaKind::Image; }

}  // namespace

std::vector<MediaState>& Session::step_media() {
    auto& states = m_draft.media.at(static_cast<std::size_t>(m_draft.step));
    states.resize(m_content->steps.at(static_cast<std::size_t>(m_draft.step)).media.size());
    return states;
}

void Session::start_media(int item, Millis at) {
    const auto& entries = m_content->steps.at(static_cast<std::size_t>(m_draft.step)).media;
    auto& states = step_media();
    const auto& entry = entries.at(static_cast<std::size_t>(item));
    if (plays(entry))
        for (std::size_t i = 0; i < states.size(); ++i)
            if (plays(entries[i]) && states[i].started) states[i].ended = true;  // one sound at a time
    auto& state = states.at(static_cast<std::size_t>(item));
    state.started = true;
    state.ended = false;
    state.problem.clear();
    state.origin = m_draft.step_time(at);
    ++state.plays;
    m_draft.media_shown.push_back({m_draft.step, entry.kind, entry.file, entry.alt, ""});
}

void Session::start_media_at_start(Millis at) {
    const auto& entries = m_content->steps.at(static_cast<std::size_t>(m_draft.step)).media;
    auto& states = step_media();
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].when == MediaWhen::AtStart && !states[i].started) start_media(static_cast<int>(i), at);
}

void Session::stop_media() {
    if (!m_draft.in_step() || static_cast<std::size_t>(m_draft.step) >= m_draft.media.size()) return;
    const auto& entries = m_content->steps.at(static_cast<std::size_t>(m_draft.step)).media;
    auto& states = step_media();
    for (std::size_t i = 0; i < states.size(); ++i)
        if (plays(entries[i]) && states[i].started) states[i].ended = true;
}

std::optional<Millis> Session::media_deadline() const {
    if (!m_draft.in_step() || m_draft.timer.paused) return std::nullopt;
    const auto& entries = m_content->steps.at(static_cast<std::size_t>(m_draft.step)).media;
    const Millis step_start = m_draft.timer.deadline - m_draft.timer.duration;  // where step time is zero
    std::optional<Millis> first;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto* state = m_draft.media_state(static_cast<int>(i));
        if (entries[i].when != MediaWhen::AfterMinutes || (state && state->started)) continue;
        first = std::min(first.value_or(step_start + entries[i].after), step_start + entries[i].after);
    }
    return first;
}

void Session::media_moment(Millis at) {
    const auto& entries = m_content->steps.at(static_cast<std::size_t>(m_draft.step)).media;
    const Millis step_start = m_draft.timer.deadline - m_draft.timer.duration;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].when == MediaWhen::AfterMinutes && !step_media()[i].started && step_start + entries[i].after <= at)
            start_media(static_cast<int>(i), at);
}

// R: the first "on_key" entry not yet started; else the last clip or sound started, from 0:00.
Status Session::media_replay(Event& event, Outcome&) {
    if (!m_draft.in_step()) return Status::Ignored;
    const auto& entries = m_content->steps.at(static_cast<std::size_t>(m_draft.step)).media;
    auto& states = step_media();
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].when == MediaWhen::OnKey && !states[i].started) {
            start_media(static_cast<int>(i), event.at);
            return Status::Ok;
        }
    const MediaState* last = nullptr;
    int again = -1;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (plays(entries[i]) && states[i].started && (!last || states[i].origin >= last->origin)) {
            last = &states[i];
            again = static_cast<int>(i);
        }
    if (again < 0) return Status::Ignored;
    start_media(again, event.at);
    return Status::Ok;
}

MediaState* Session::reported_media(const Event& event) {
    const auto& report = std::get<MediaPayload>(event.payload);
    if (!m_draft.in_step() || report.stage != m_draft.step_spec().id) return nullptr;  // a stage already left
    if (report.item < 0 || static_cast<std::size_t>(report.item) >= step_media().size()) return nullptr;
    auto& state = step_media()[static_cast<std::size_t>(report.item)];
    if (!state.started || state.ended) return nullptr;
    // An end that says the clip got further than this play can be (more than 3 s beyond the
    // step's clock) is the previous play's, reported while R started it again: not this one's.
    if (event.kind == EventKind::MediaEnd && Millis{report.position} > m_draft.media_position(report.item, event.at) + Millis{3000})
        return nullptr;
    return &state;
}

// The player: the clip ended, by itself or because it could not play.
Status Session::media_end(Event& event, Outcome&) {
    auto* state = reported_media(event);
    if (!state) return Status::Ignored;
    const auto& report = std::get<MediaPayload>(event.payload);
    state->ended = true;
    state->problem = report.problem;
    if (!report.problem.empty()) {
        const auto& file = m_draft.step_spec().media.at(static_cast<std::size_t>(report.item)).file;
        for (auto shown = m_draft.media_shown.rbegin(); shown != m_draft.media_shown.rend(); ++shown)
            if (shown->step == m_draft.step && shown->file == file) {
                shown->problem = report.problem;
                break;
            }
    }
    return Status::Ok;
}

// The player, after a restart: the clip goes on where the screen last had it, not where the step's
// clock would put it (the kiosk was down meanwhile; nobody saw that part).
Status Session::media_resume(Event& event, Outcome&) {
    auto* state = reported_media(event);
    if (!state) return Status::Ignored;
    state->origin = m_draft.step_time(event.at) - Millis{std::get<MediaPayload>(event.payload).position};
    return Status::Ok;
}

}  // namespace kiosk
