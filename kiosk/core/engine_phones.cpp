// What phones do to the session: join, add and edit notes, dot-vote, say they are ready, ask
// for more time, and (with the room's one-time code) act as host.
#include <algorithm>

#include "kiosk/core/engine.hpp"
#include "kiosk/core/text_rules.hpp"

namespace kiosk {

namespace {
constexpr std::size_t k_max_name = 30;
}

Participant* Engine::sender(const Event& event, Status& status) {
    if (!m_draft.session_open()) {
        status = Status::NoSession;
        return nullptr;
    }
    auto& people = m_draft.participants;
    const auto found = std::find_if(people.begin(), people.end(),
                                    [&](const Participant& p) { return p.key == event.participant; });
    if (event.participant.empty() || found == people.end()) {
        status = Status::UnknownPerson;
        return nullptr;
    }
    return &*found;
}

Status Engine::check_stage(const Event& event) const {
    if (!m_draft.in_step()) return Status::NotOpen;
    if (event.stage != m_draft.step_spec().id) return Status::WrongStage;
    return Status::Ok;
}

Status Engine::join(const Event& event, int& number) {
    if (!m_draft.session_open()) return Status::NoSession;
    if (event.participant.size() < 16) return Status::UnknownPerson;  // keys come from random_key()
    if (const auto* known = m_draft.participant(event.participant)) {
        number = known->number;  // joining again (a reload, a second tab) changes nothing
        return Status::Ignored;
    }
    if (static_cast<int>(m_draft.participants.size()) >= m_rules->max_participants) return Status::RoomFull;
    std::string name;
    if (!event.text.empty()) {
        auto clean = clean_text(event.text, k_max_name);
        if (clean.problem != TextProblem::None) return Status::BadText;
        // Names stay on the phone unless the room shows them.
        if (m_rules->show_names) name = std::move(clean.text);
    }
    number = static_cast<int>(m_draft.participants.size()) + 1;
    m_draft.participants.push_back({event.participant, number, std::move(name), false});
    return Status::Ok;
}

Status Engine::contribute(const Event& event, int& id) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if ((status = check_stage(event)) != Status::Ok) return status;
    const auto& spec = m_draft.step_spec();
    if (!spec.takes_notes() || m_draft.part() != Part::Write || !constraints_open()) return Status::NotOpen;
    const int limit = spec.max_per_person > 0 ? spec.max_per_person : m_rules->max_notes_per_step;
    const auto mine = std::count_if(m_draft.notes.begin(), m_draft.notes.end(), [&](const Note& n) {
        return n.step == m_draft.step && n.author == who->number && !n.withdrawn;
    });
    if (mine >= limit) return Status::Limit;
    auto clean = clean_text(event.text, static_cast<std::size_t>(m_rules->max_text));
    if (clean.problem != TextProblem::None) return Status::BadText;
    id = static_cast<int>(m_draft.notes.size()) + 1;
    m_draft.notes.push_back({id, m_draft.step, who->number, std::move(clean.text), event.at, false, false});
    return Status::Ok;
}

Note* Engine::own_note(const Event& event, int author, Status& status) {
    if (event.note < 1 || event.note > static_cast<int>(m_draft.notes.size())) {
        status = Status::UnknownNote;
        return nullptr;
    }
    auto& note = m_draft.notes[static_cast<std::size_t>(event.note - 1)];
    if (note.step != m_draft.step || note.withdrawn) status = Status::UnknownNote;
    else if (note.author != author) status = Status::NotYours;
    return status == Status::Ok ? &note : nullptr;
}

Status Engine::edit(const Event& event, bool withdraw) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if ((status = check_stage(event)) != Status::Ok) return status;
    // Once the vote opens the notes stand still: a dot must stay on what it was given to.
    if (!m_draft.step_spec().takes_notes() || m_draft.part() != Part::Write || !constraints_open())
        return Status::NotOpen;
    auto* note = own_note(event, who->number, status);
    if (!note) return status;
    if (withdraw) {
        note->withdrawn = true;
        return Status::Ok;
    }
    auto clean = clean_text(event.text, static_cast<std::size_t>(m_rules->max_text));
    if (clean.problem != TextProblem::None) return Status::BadText;
    if (clean.text == note->text) return Status::Ignored;
    note->text = std::move(clean.text);
    note->at = event.at;
    return Status::Ok;
}

Status Engine::vote(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if ((status = check_stage(event)) != Status::Ok) return status;
    const auto& spec = m_draft.step_spec();
    if (!spec.has_vote() || m_draft.part() != Part::Vote) return Status::NotOpen;
    if (static_cast<int>(event.dots.size()) > spec.dots) return Status::TooManyDots;
    for (const int id : event.dots) {
        const auto* note = m_draft.note(id);
        if (!note || note->step != m_draft.step || !note->visible()) return Status::UnknownNote;
    }
    auto& mine = m_draft.dots.at(static_cast<std::size_t>(m_draft.step))[who->number];
    if (mine == event.dots) return Status::Ignored;
    mine = event.dots;
    return Status::Ok;
}

Status Engine::ready(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if ((status = check_stage(event)) != Status::Ok) return status;
    auto& ready = m_draft.activity.ready;
    const bool was = ready.count(who->number) > 0;
    if (was == event.flag) return Status::Ignored;
    if (event.flag) ready.insert(who->number);
    else ready.erase(who->number);
    return Status::Ok;
}

Status Engine::vote_extend(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if ((status = check_stage(event)) != Status::Ok) return status;
    auto& activity = m_draft.activity;
    if (activity.extended_by_vote) return Status::NotOpen;  // once per stage
    if (!activity.want_more.insert(who->number).second) return Status::Ignored;
    // A majority of everyone who joined: more than half.
    if (activity.want_more.size() * 2 > m_draft.participants.size()) {
        activity.extended_by_vote = true;
        extend();
    }
    return Status::Ok;
}

Status Engine::offer_host(Event& event) {
    if (!event.participant.empty()) return Status::NotHost;  // only the room's own keyboard
    if (!m_draft.session_open()) return Status::NoSession;
    if (event.text.empty()) event.text = m_keys();  // kept in the event for replay
    m_draft.host_offer = HostOffer{event.text, event.at + m_rules->host_offer};
    return Status::Ok;
}

Status Engine::claim_host(const Event& event) {
    Status status = Status::Ok;
    auto* who = sender(event, status);
    if (!who) return status;
    const auto& offer = m_draft.host_offer;
    if (!offer || offer->code != event.text || offer->expires <= event.at) return Status::BadCode;
    who->host = true;
    m_draft.host_offer.reset();  // one phone per code
    return Status::Ok;
}

Status Engine::hide_note(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if (!who->host) return Status::NotHost;
    if (event.note < 1 || event.note > static_cast<int>(m_draft.notes.size())) return Status::UnknownNote;
    auto& note = m_draft.notes[static_cast<std::size_t>(event.note - 1)];
    if (note.hidden) return Status::Ignored;
    note.hidden = true;
    return Status::Ok;
}

void Engine::move_on_when_all_ready(Millis now) {
    const auto& people = m_draft.participants;
    if (!m_rules->advance_when_all_ready || people.empty()) return;
    if (m_draft.activity.ready.size() < people.size()) return;
    if (m_draft.in_proposal_step() && m_draft.proposal.state == ProposalState::Collecting) {
        // Everyone is done adding constraints: send the prompt now; the stage itself goes on.
        m_draft.activity.ready.clear();
        request_proposal();
        return;
    }
    // Not journaled as a "next" of its own: replaying the last "ready" makes the same move.
    Event next_event{EventKind::Next, now};
    next(next_event);
}

}  // namespace kiosk
