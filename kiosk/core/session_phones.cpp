// What phones do to the session: join, add and edit notes, dot-vote, say they are ready, ask
// for more time, and (with the room's one-time code) act as host.
#include <algorithm>

#include "kiosk/core/session.hpp"

namespace kiosk {

// Handlers run after dispatch() checked the sender, the fields (texts already tidied) and the
// stage: a participant's event here comes from a joined, not removed participant.

bool Session::notes_open() const {
    // Once the vote opens the notes stand still: a dot must stay on what it was given to.
    return m_draft.step_spec().takes_notes() && m_draft.part() == Part::Write && constraints_open();
}

Status Session::join(Event& event, Outcome& outcome) {
    if (const auto* known = m_draft.participant(event.from.key)) {
        outcome.made(Made::Participant, known->number);  // joining again (a reload, a second tab) changes nothing
        return Status::Ignored;
    }
    // A removed participant's key stays out.
    if (std::any_of(m_draft.participants.begin(), m_draft.participants.end(),
                    [&](const Participant& p) { return p.key == event.from.key; }))
        return Status::UnknownPerson;
    if (m_draft.active_participants() >= m_rules->max_participants) return Status::RoomFull;
    auto& name = event.as<JoinPayload>().name;
    outcome.made(Made::Participant, static_cast<int>(m_draft.participants.size()) + 1);
    // Names stay on the phone unless the room shows them.
    m_draft.participants.push_back({event.from.key, outcome.id, m_rules->show_names ? name : std::string{}, false});
    return Status::Ok;
}

Status Session::contribute(Event& event, Outcome& outcome) {
    const auto* who = sender(event);
    if (!notes_open()) return Status::NotOpen;
    const auto& spec = m_draft.step_spec();
    const int limit = spec.max_per_person > 0 ? spec.max_per_person : m_rules->max_notes_per_step;
    const auto mine = std::count_if(m_draft.notes.begin(), m_draft.notes.end(), [&](const Note& n) {
        return n.step == m_draft.step && n.author == who->number && !n.withdrawn;
    });
    if (mine >= limit) return Status::Limit;
    outcome.made(Made::Note, static_cast<int>(m_draft.notes.size()) + 1);
    m_draft.notes.push_back({outcome.id, m_draft.step, who->number, event.as<NewNotePayload>().text, event.at,
                             false, false});
    return Status::Ok;
}

Note* Session::own_note(int id, int author, Status& status) {
    if (id < 1 || id > static_cast<int>(m_draft.notes.size())) {
        status = Status::UnknownNote;
        return nullptr;
    }
    auto& note = m_draft.notes[static_cast<std::size_t>(id - 1)];
    if (note.step != m_draft.step || note.withdrawn) status = Status::UnknownNote;
    else if (note.author != author) status = Status::NotYours;
    return status == Status::Ok ? &note : nullptr;
}

Status Session::edit(Event& event, Outcome&) {
    if (!notes_open()) return Status::NotOpen;
    auto& change = event.as<EditNotePayload>();
    Status status = Status::Ok;
    auto* note = own_note(change.note, sender(event)->number, status);
    if (!note) return status;
    if (change.text == note->text) return Status::Ignored;
    note->text = change.text;
    note->at = event.at;
    return Status::Ok;
}

Status Session::withdraw(Event& event, Outcome&) {
    if (!notes_open()) return Status::NotOpen;
    Status status = Status::Ok;
    auto* note = own_note(event.as<NoteRefPayload>().note, sender(event)->number, status);
    if (!note) return status;
    note->withdrawn = true;
    return Status::Ok;
}

// "Ongedaan maken" right after adding: the participant's own note that its phone just added
// goes (as a withdrawal), while it is less than 30 seconds old (or since its last edit).
Status Session::undo_note(Event& event, Outcome& outcome) {
    constexpr Millis k_undo_window{std::chrono::seconds{30}};
    if (!notes_open()) return Status::NotOpen;
    Status status = Status::Ok;
    auto* note = own_note(event.as<UndoNotePayload>().note, sender(event)->number, status);
    if (!note) return status;
    if (event.at - note->at > k_undo_window) return Status::NotOpen;
    note->withdrawn = true;
    outcome.made(Made::Note, note->id);
    return Status::Ok;
}

Status Session::vote(Event& event, Outcome&) {
    const auto* who = sender(event);
    const auto& spec = m_draft.step_spec();
    if (!spec.has_vote() || m_draft.part() != Part::Vote) return Status::NotOpen;
    const auto& dots = event.as<VotePayload>().dots;
    if (static_cast<int>(dots.size()) > spec.dots) return Status::TooManyDots;
    for (const int id : dots) {
        const auto* note = m_draft.note(id);
        if (!note || note->step != m_draft.step || !note->visible()) return Status::UnknownNote;
    }
    auto& mine = m_draft.dots.at(static_cast<std::size_t>(m_draft.step))[who->number];
    if (mine == dots) return Status::Ignored;
    mine = dots;
    return Status::Ok;
}

Status Session::ready(Event& event, Outcome&) {
    const auto* who = sender(event);
    const bool now_ready = event.as<ReadyPayload>().ready;
    auto& ready = m_draft.activity.ready;
    const bool was = ready.count(who->number) > 0;
    if (was == now_ready) return Status::Ignored;
    if (now_ready) ready.insert(who->number);
    else ready.erase(who->number);
    return Status::Ok;
}

Status Session::vote_extend(Event& event, Outcome&) {
    const auto* who = sender(event);
    auto& activity = m_draft.activity;
    if (activity.extended_by_vote) return Status::NotOpen;  // once per stage
    if (!activity.want_more.insert(who->number).second) return Status::Ignored;
    // A majority of everyone taking part: more than half.
    if (activity.want_more.size() * 2 > static_cast<std::size_t>(m_draft.active_participants())) {
        activity.extended_by_vote = true;
        extend();
    }
    return Status::Ok;
}

Status Session::offer_host(Event& event, Outcome&) {
    // Outside a session the code makes a coffee-corner moderator (CoffeeCorner::claim_moderator), once there is a week.
    if (!m_draft.session_open() && m_draft.coffee.week == 0) return Status::NoSession;
    auto& code = event.as<ChosenPayload>().token;
    if (code.empty()) code = m_keys();  // kept in the event for replay
    m_draft.host_offer = HostOffer{code, event.at + m_rules->host_offer};
    return Status::Ok;
}

Status Session::close_codes(Event&, Outcome&) {
    if (m_draft.codes_closed) return Status::Ignored;
    m_draft.codes_closed = true;
    return Status::Ok;
}

Status Session::new_code(Event& event, Outcome&) {
    auto& secret = event.as<ChosenPayload>().token;
    if (secret.empty()) secret = m_keys();  // kept in the event for replay
    m_draft.join_code = code_from(secret);
    m_draft.codes_closed = false;
    return Status::Ok;
}

Status Session::claim_host(Event& event, Outcome&) {
    auto* who = sender(event);
    const auto& offer = m_draft.host_offer;
    if (!offer || offer->code != event.as<ClaimHostPayload>().code || offer->expires <= event.at) return Status::BadCode;
    who->host = true;
    m_draft.host_offer.reset();  // one phone per code
    return Status::Ok;
}

Status Session::hide_note(Event& event, Outcome&) {
    const int id = event.as<HideNotePayload>().note;
    if (id > static_cast<int>(m_draft.notes.size())) return Status::UnknownNote;
    auto& note = m_draft.notes[static_cast<std::size_t>(id - 1)];
    if (note.hidden) return Status::Ignored;
    note.hidden = true;
    // Out of a run-off too; when no more are tied than places are left, they are chosen.
    if (auto* choice = current_choice(); choice && std::erase(choice->tied, id) > 0) {
        std::erase_if(choice->runoff, [&](const auto& vote) { return vote.second == id; });
        if (static_cast<int>(choice->tied.size()) <= choice->slots) take_earliest(*choice);
    }
    return Status::Ok;
}

// The host takes someone out of the session (a stranger, a second phone): their key stops
// working and what they counted for goes (readiness, dots, picks, scores, votes); their notes
// stay unless the host hides them.
Status Session::remove_participant(Event& event, Outcome& outcome) {
    const int number = event.as<RemovePayload>().participant;
    auto* target = number <= static_cast<int>(m_draft.participants.size())
                       ? &m_draft.participants[static_cast<std::size_t>(number - 1)]
                       : nullptr;
    outcome.problem.field = "participant";
    if (!target || target->removed) return Status::OutOfRange;               // nobody (any more)
    if (target->number == sender(event)->number) return Status::NotAllowed;  // not oneself
    outcome.problem.field = {};
    target->removed = true;
    target->host = false;
    m_draft.activity.ready.erase(number);
    m_draft.activity.want_more.erase(number);
    for (auto& step_dots : m_draft.dots) step_dots.erase(number);
    for (auto& choice : m_draft.choices) choice.runoff.erase(number);
    m_draft.framing_votes.erase(number);
    m_draft.videoframes.dots.erase(number);
    auto& validation = m_draft.validation;
    validation.scores.erase(number);
    validation.votes.erase(number);
    std::erase_if(validation.objections, [&](const Sentence& o) { return o.author == number; });
    if (validation.owner == number) {
        validation.owner = 0;
        validation.owner_name.clear();
        validation.first_step.clear();
        validation.review_date = 0;
    }
    return Status::Ok;
}

void Session::move_on_when_all_ready(Millis now) {
    const auto people = static_cast<std::size_t>(m_draft.active_participants());
    if (!m_rules->advance_when_all_ready || people == 0) return;
    if (m_draft.activity.ready.size() < people) return;
    if (const auto* choice = current_choice(); choice && choice->in_runoff()) {
        close_runoff();  // everyone is done with the run-off; the result shows next
        return;
    }
    // A tie the room settles with its keys is not settled by everyone being ready.
    if (const auto* choice = current_choice(); choice && choice->room_picks()) return;
    if (m_draft.in_proposal_step() && m_draft.proposal.state == ProposalState::Collecting) {
        // Everyone is done adding constraints: send the prompt now; the stage itself goes on.
        m_draft.activity.ready.clear();
        request_proposal();
        return;
    }
    // Not journaled as a "next" of its own: replaying the last "ready" makes the same move.
    Event next_event{EventKind::Next, now};  // the room's own move
    next(next_event);
}

}  // namespace kiosk
