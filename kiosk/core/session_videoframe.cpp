// Which format (videoframe) a session runs. A slot of the schedule may name one; otherwise the
// lobby offers the ready formats this trajectory used least, each phone gives one dot, and when
// the room starts the most dots win. A tie waits for the room's number key; the room may also
// step through the whole library with F, and its pick wins. The choice is a fact; a replay that
// recalled it runs the same format even when the library has changed since.
#include <algorithm>

#include "kiosk/core/session.hpp"

namespace kiosk {

namespace {

std::vector<std::string> split_ids(const std::string& list) {
    std::vector<std::string> ids;
    for (std::size_t at = 0; at < list.size();) {
        const auto comma = std::min(list.find(',', at), list.size());
        if (comma > at) ids.push_back(list.substr(at, comma - at));
        at = comma + 1;
    }
    return ids;
}

}  // namespace

std::string Session::lobby_formats(const std::string& slot_format) const {
    if (const auto fixed = m_library->find(slot_format); fixed && fixed->ready()) return fixed->id;
    const auto offered = least_used(*m_library, m_draft.format_history);
    if (offered.size() < 2) return {};  // one ready format: nothing to choose, nothing to show
    std::string list;
    for (const auto& id : offered) list += (list.empty() ? "" : ",") + id;
    return list;
}

// `formats` as the Start carries them (prepare): one is the lobby's fixed format, more are offered.
// A Start without them (a journal from before the library, a test) gets them worked out here.
void Session::offer_videoframes(const std::string& formats) {
    auto ids = split_ids(formats);
    if (ids.size() == 1 && !(m_library->find(ids[0]) && m_library->find(ids[0])->ready())) ids.clear();
    if (ids.empty()) ids = split_ids(lobby_formats(""));
    auto& choice = m_draft.videoframes;
    choice = {};
    if (ids.empty()) {
        use_content(m_library->default_format());
        return;
    }
    if (ids.size() == 1) {
        choice.fixed = ids[0];
        use_content(m_library->find(ids[0]));
        return;
    }
    use_content(m_library->default_format());
    for (const auto& id : ids)
        if (const auto format = m_library->find(id); format && format->ready()) choice.offered.push_back(id);
    if (choice.offered.size() < 2) choice.offered.clear();  // the library changed since: nothing left to choose
}

void Session::use_content(std::shared_ptr<const Content> content) {
    m_content = std::move(content);
    m_draft.content = m_content;
    const auto steps = m_content->steps.size();
    m_left.assign(steps, std::nullopt);
    m_draft.parts.assign(steps, Part::Write);
    m_draft.dots.assign(steps, {});
    m_draft.choices.assign(steps, {});
    m_draft.spent.assign(steps, Millis{0});
    m_draft.surprises.assign(steps, {});
    m_draft.media.assign(steps, {});
}

bool Session::leave_lobby(Millis at) {
    auto& choice = m_draft.videoframes;
    if (!choice.settled.empty()) {  // back in the lobby with "previous": the format stays
        settle_reviews();
        m_draft.framing = m_draft.framing_choice();
        enter_step(0, at);
        return true;
    }
    if (m_recalled.videoframe) {
        begin_session(m_recalled.videoframe->id, at);
        return true;
    }
    const auto tied = m_draft.tied_videoframes();
    if (choice.room_pick.empty() && tied.size() > 1) {
        if (choice.tied == tied) return false;  // already waiting for the room's number
        choice.tied = tied;
        return true;
    }
    begin_session(m_draft.leading_videoframe(), at);
    return true;
}

void Session::begin_session(const std::string& id, Millis at) {
    settle_reviews();
    m_draft.framing = m_draft.framing_choice();  // the lobby's choice steers the session
    auto format = m_library->find(id);
    if (format && format != m_content) {
        // The lobby's framing questions came with its format; the group's picks index them.
        auto running = std::make_shared<Content>(*format);
        running->framing_questions = m_content->framing_questions;
        use_content(std::move(running));
    }
    // (a recalled format the library no longer holds: the session runs the lobby's)
    auto& choice = m_draft.videoframes;
    choice.settled = m_content->id;
    choice.tied.clear();
    if (!m_recalled.videoframe) m_facts.emplace_back(VideoframeFact{m_content->id});
    enter_step(0, at);
}

// The number beside an offered format on the screen. On a tie the room started, one of the tied
// formats' numbers picks it and starts; otherwise the number only picks.
bool Session::pick_videoframe(int number, Millis at) {
    auto& choice = m_draft.videoframes;
    if (!choice.settled.empty() || number > static_cast<int>(choice.offered.size())) return false;
    const auto picked = choice.offered[static_cast<std::size_t>(number - 1)];
    if (!choice.tied.empty()) {
        if (std::find(choice.tied.begin(), choice.tied.end(), picked) == choice.tied.end()) return false;
        choice.room_pick = picked;
        begin_session(picked, at);
        return true;
    }
    if (picked == choice.room_pick) return false;
    choice.room_pick = picked;
    return true;
}

Status Session::videoframe_vote(Event& event, Outcome&) {
    auto& choice = m_draft.videoframes;
    const auto& id = event.as<VideoframeVotePayload>().videoframe;
    if (!choice.settled.empty() || std::find(choice.offered.begin(), choice.offered.end(), id) == choice.offered.end())
        return Status::UnknownVideoframe;
    auto& mine = choice.dots[sender(event)->number];
    if (mine == id) return Status::Ignored;
    mine = id;
    choice.tied.clear();  // a tie the room was asked to settle may be no more: Enter counts again
    return Status::Ok;
}

// F: the room's pick moves to the library's next ready format, and after the last back to the dots.
Status Session::next_videoframe(Event&, Outcome&) {
    auto& choice = m_draft.videoframes;
    if (!choice.settled.empty()) return Status::Ignored;
    const auto ready = m_library->ready();
    if (ready.size() < 2 && choice.fixed.empty()) return Status::Ignored;
    const auto current = std::find_if(ready.begin(), ready.end(), [&](const auto& format) { return format->id == choice.room_pick; });
    const auto next = choice.room_pick.empty() ? ready.begin() : current == ready.end() ? ready.end() : current + 1;
    choice.room_pick = next == ready.end() ? std::string{} : (*next)->id;
    choice.tied.clear();
    return Status::Ok;
}

}  // namespace kiosk
