// The session's lifecycle and timers: the room's keys, opening and closing, entering and
// leaving steps, the clock's deadlines. What phones do is in session_phones.cpp.
#include "kiosk/core/session.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace kiosk {

Session::Session(std::shared_ptr<const Library> library, TimerRules timers, std::shared_ptr<const SessionRules> rules,
                 KeySource keys)
    : m_library{std::move(library)}, m_timers{timers}, m_rules{std::move(rules)}, m_keys{std::move(keys)} {
    if (!m_library || !m_library->default_format())
        throw std::invalid_argument("Engine: the library needs at least one format");
    for (const auto& format : m_library->formats)
        if (format->steps.size() < 2) throw std::invalid_argument("Engine: format " + format->id + " needs a check-in and a stage");
    m_content = m_library->default_format();
    m_draft.content = m_content;
    m_draft.library = m_library;
    m_draft.rules = m_rules;
    m_draft.warning = m_timers.warning;
    m_left.assign(m_content->steps.size(), std::nullopt);
}

void Session::prepare(Event& event) const {
    // Only the room chooses: a token never comes from a phone (the host's "next" carries none).
    if (event.from.kind != SenderKind::Room) return;
    auto* chosen = std::get_if<ChosenPayload>(&event.payload);
    if (!chosen) return;
    if (chosen->token.empty()) chosen->token = m_keys();
    if ((event.kind == EventKind::Start || event.kind == EventKind::Next) && m_draft.phase == Phase::Idle)
        chosen->videoframes = lobby_formats(chosen->videoframes);
}

bool Session::advance(Millis now, std::vector<Event>& applied) {
    if (m_draft.host_offer && m_draft.host_offer->expires <= now) {
        m_draft.host_offer.reset();
        return true;
    }
    if (!m_draft.in_step() || m_draft.timer.paused) return false;
    if (const auto window_end = proposal_window(); window_end && *window_end <= now) {
        request_proposal();
        applied.push_back({EventKind::WindowEnded, *window_end});
        return true;
    }
    if (const auto* choice = current_choice(); choice && choice->in_runoff() && *choice->runoff_ends <= now) {
        const Millis ended = *choice->runoff_ends;
        close_runoff();
        applied.push_back({EventKind::RunOffEnded, ended});
        return true;
    }
    if (const auto card_at = surprise_deadline(); card_at && *card_at <= now) {
        surprise_moment(*card_at);  // a clock's doing, made again by tick() on replay: no event
        return true;
    }
    if (const auto media_at = media_deadline(); media_at && *media_at <= now) {
        media_moment(*media_at);  // the same: step time starts the entry again on replay
        return true;
    }
    if (const auto part_end = part_deadline(); part_end && *part_end <= now) {
        end_part(*part_end);
        applied.push_back({EventKind::PartEnded, *part_end});
        return true;
    }
    if (m_draft.timer.deadline > now) return false;
    applied.push_back({EventKind::TimedOut, m_draft.timer.deadline});
    time_out_step();
    return true;
}

void Session::time_out_step() {
    const Millis ended_at = m_draft.timer.deadline;
    settle_leaving();
    m_left[static_cast<std::size_t>(m_draft.step)] = Millis{0};
    add_spent(ended_at);
    if (m_draft.step == last_step())
        leave_steps_for(Phase::WrapUp);
    else
        enter_step(m_draft.step + 1, ended_at);
    m_effects.push_back(Effect::Chime);
}

std::optional<Millis> Session::next_deadline() const {
    std::optional<Millis> first;
    const auto consider = [&](Millis at) { first = first ? std::min(*first, at) : at; };
    if (m_draft.host_offer) consider(m_draft.host_offer->expires);
    if (m_draft.in_step() && !m_draft.timer.paused) {
        consider(m_draft.timer.deadline);
        if (const auto part_end = part_deadline()) consider(*part_end);
        if (const auto window_end = proposal_window()) consider(*window_end);
        if (const auto card_at = surprise_deadline()) consider(*card_at);
        if (const auto media_at = media_deadline()) consider(*media_at);
        if (const auto* choice = m_draft.open_choice(); choice && choice->in_runoff()) consider(*choice->runoff_ends);
    }
    return first;
}

void Session::after_applied(Millis now) {
    if (m_draft.in_step()) move_on_when_all_ready(now);
}

Participant* Session::sender(const Event& event) {
    if (!event.from.is_participant()) return nullptr;
    auto& people = m_draft.participants;
    const auto found = std::find_if(people.begin(), people.end(), [&](const Participant& p) {
        return !p.removed && p.key == event.from.key;
    });
    return found == people.end() ? nullptr : &*found;
}

// The room's keys, or the same from the host's phone (check_sender let only those through).
Status Session::start_key(Event& event, Outcome&) { return room_key(event); }

Status Session::next_key(Event& event, Outcome&) { return room_key(event); }

Status Session::previous_key(Event& event, Outcome&) { return room_key(event); }

Status Session::pause_key(Event& event, Outcome&) { return room_key(event); }

Status Session::extend_key(Event& event, Outcome&) { return room_key(event); }

Status Session::room_key(Event& event) {
    // Opening and closing the session stay with the room; the host works inside the steps.
    if (event.from.is_participant() && (event.kind == EventKind::Start || !m_draft.in_step())) return Status::NotOpen;
    bool changed = false;
    switch (event.kind) {
    case EventKind::Start: changed = start(event); break;
    case EventKind::Next: changed = next(event); break;
    case EventKind::Previous: changed = previous(event.at); break;
    case EventKind::TogglePause:
        if ((changed = m_draft.in_step())) toggle_pause(event.at);
        break;
    case EventKind::Extend:
        if ((changed = m_draft.in_step())) extend();
        break;
    default: break;
    }
    return changed ? Status::Ok : Status::Ignored;
}

// The clock's events are journaled for the record; tick() makes them again.
Status Session::timed_out(Event&, Outcome&) { return Status::Ignored; }

Status Session::part_ended(Event&, Outcome&) { return Status::Ignored; }

Status Session::window_ended(Event&, Outcome&) { return Status::Ignored; }

Status Session::runoff_ended(Event&, Outcome&) { return Status::Ignored; }

bool Session::start(Event& event) {
    switch (m_draft.phase) {
    case Phase::Idle: {
        // The token is chosen here and kept in the applied event, so a replay reopens the same
        // session and phones that joined before a crash stay in.
        auto& chosen = event.as<ChosenPayload>();
        if (chosen.token.empty()) chosen.token = m_keys();
        open_session(chosen.token);
        offer_videoframes(chosen.videoframes);
        return true;
    }
    case Phase::Lobby: return leave_lobby(event.at);
    case Phase::WrapUp: go_idle(); return true;
    case Phase::Step:
        // In the AI stage the room's main key sends the prompt without waiting for the window.
        if (!m_draft.in_proposal_step() || m_draft.proposal.state != ProposalState::Collecting) return false;
        request_proposal();
        return true;
    }
    return false;
}

bool Session::next(Event& event) {
    if (m_draft.phase != Phase::Step) return start(event);  // the same outside the stages
    const Millis now = event.at;
    if (m_draft.part() != Part::Results && m_draft.step_spec().has_parts()) {
        end_part(now);  // "next" first walks a dot vote (or the validation) through its parts
        return true;
    }
    if (const auto* choice = current_choice(); choice && choice->in_runoff()) {
        close_runoff();  // and through a run-off
        return true;
    }
    settle_leaving();
    const int step = m_draft.step;
    leave_step(now);
    if (step == last_step()) leave_steps_for(Phase::WrapUp);
    else enter_step(step + 1, now);
    return true;
}

bool Session::previous(Millis now) {
    switch (m_draft.phase) {
    case Phase::Idle: return false;
    case Phase::Lobby: go_idle(); return true;
    case Phase::WrapUp: enter_step(last_step(), now); return true;
    case Phase::Step: break;
    }
    const int step = m_draft.step;
    leave_step(now);
    if (step > 0) enter_step(step - 1, now);
    else leave_steps_for(Phase::Lobby);
    return true;
}

int Session::last_step() const { return static_cast<int>(m_content->steps.size()) - 1; }

// When the running step's current part ends by the clock (write or vote of a dot vote).
std::optional<Millis> Session::part_deadline() const {
    if (!m_draft.in_step() || !m_draft.step_spec().has_parts()) return std::nullopt;
    const auto& spec = m_draft.step_spec();
    switch (m_draft.part()) {
    case Part::Write: return m_draft.timer.deadline - spec.vote_time - spec.result_time;
    case Part::Vote: return m_draft.timer.deadline - spec.result_time;
    case Part::Results: return std::nullopt;
    }
    return std::nullopt;
}

// When the AI stage's constraints window closes, while it is open.
std::optional<Millis> Session::proposal_window() const {
    if (!m_draft.in_proposal_step() || m_draft.proposal.state != ProposalState::Collecting) return std::nullopt;
    return m_draft.proposal.window_end;
}

void Session::end_part(Millis at) {
    auto& part = m_draft.parts.at(static_cast<std::size_t>(m_draft.step));
    if (part == Part::Write) end_surprise();  // the card belongs to the writing
    part = part == Part::Write ? Part::Vote : Part::Results;
    m_draft.activity.ready.clear();  // "ready" meant ready with the part that ended
    if (part == Part::Results) begin_results(at);
    // The validation's decision is fixed when the owner part begins: the vote, else the rule.
    // Nobody scored and nobody voted: nothing was decided (a session walked through in a hurry).
    const auto& v = m_draft.validation;
    if (part == Part::Results && m_draft.step == m_draft.validation_step() && (!v.scores.empty() || !v.votes.empty()))
        m_draft.validation.decided = m_recalled.decided ? m_recalled.decided->decision
                                                        : voted_decision(v.votes, m_draft.proposed_decision());
}

void Session::enter_step(int step, Millis start) {
    stop_media();  // the step before's clip stops
    const auto& spec = m_content->steps.at(static_cast<std::size_t>(step));
    if (step != m_draft.proposal_step()) cancel_proposal("skipped");
    // A step returned to continues where it was, with at least min_resume, so a stray
    // "previous" on the remote never costs the group its time.
    const auto& left = m_left[static_cast<std::size_t>(step)];
    const Millis length = left ? std::max(*left, m_timers.min_resume) : spec.duration;
    m_draft.phase = Phase::Step;
    m_draft.step = step;
    m_draft.timer = TimerView{left ? std::max(spec.duration, length) : length, start + length, Millis{0}, Millis{0}, false};
    m_entered = start;
    m_draft.activity = {};
    auto& proposal = m_draft.proposal;
    if (step == m_draft.proposal_step() && proposal.request == 0) {
        // First time in the AI stage: phones get a short window for constraints.
        proposal.window_end = start + m_rules->constraints_window;
        if (m_rules->constraints_window <= Millis{0}) request_proposal();
    }
    start_media_at_start(start);
}

void Session::leave_step(Millis now) {
    m_left[static_cast<std::size_t>(m_draft.step)] = m_draft.remaining(now);
    add_spent(now);
}

void Session::leave_steps_for(Phase phase) {
    stop_media();
    cancel_proposal("skipped");
    m_draft.phase = phase;
    m_draft.step = -1;
    m_draft.timer = {};
    m_draft.activity = {};
}

void Session::open_session(const std::string& token) {
    m_draft.phase = Phase::Lobby;
    ++m_draft.session_number;
    m_mark = SessionMark::Opened;
    m_draft.join_token = token;
    m_draft.join_code = code_from(token);
    m_draft.codes_closed = false;
    clear_session();
}

// Everything a session holds, gone: for a new session and after one closes. What outlives a
// session (last_outcome, reviews) stays.
void Session::clear_session() {
    m_draft.participants.clear();
    m_draft.notes.clear();
    m_draft.parts.clear();
    m_draft.dots.clear();
    m_draft.choices.clear();
    m_draft.activity = {};
    m_draft.host_offer.reset();
    m_draft.proposal = {};
    m_draft.situation.clear();
    m_draft.framing.clear();
    m_draft.framing_votes.clear();
    m_draft.videoframes = {};
    m_draft.validation = {};
    m_draft.reflections.clear();
    m_draft.question_ideas.clear();
    m_draft.question_dots.clear();
    m_draft.settled_question.clear();
    m_draft.spent.clear();
    m_draft.surprises.clear();
    m_draft.cards_shown.clear();
    m_draft.media.clear();
    m_draft.media_shown.clear();
}

void Session::go_idle() {
    settle_question();
    m_closed = std::make_shared<const View>(m_draft);  // the session's recorded outcome
    // What this session chose stays on the idle screen and in the next lobby.
    if (auto chosen = m_draft.chosen_statement(); !chosen.empty()) m_draft.last_outcome = std::move(chosen);
    // (the coffee corner keeps its chosen question for next week: Engine::after_mark)
    // A decision to carry out comes back in the next lobbies until it is reviewed.
    if (auto decided = m_draft.outcome(); decided && decided->kind != DecisionKind::Park)
        m_draft.reviews.push_back(std::move(*decided));
    // A session that got past its lobby counts for the formats the next lobbies offer.
    // Its week's coffee corner asks its format's questions the week after (View::coffee_format).
    if (const auto& settled = m_draft.videoframes.settled; !settled.empty()) {
        m_draft.format_history.push_back(settled);
        if (m_draft.coffee.week > 0) m_draft.week_formats[m_draft.coffee.week] = settled;
    }
    leave_steps_for(Phase::Idle);
    m_mark = SessionMark::Closed;
    m_draft.join_token.clear();
    m_draft.join_code.clear();
    m_draft.codes_closed = false;
    clear_session();
    m_content = m_library->default_format();  // between sessions: the room's default format
    m_draft.content = m_content;
    m_left.assign(m_content->steps.size(), std::nullopt);  // the next session starts afresh
    m_recalled = {};  // a replay's recalled facts were this session's
}

void Session::toggle_pause(Millis now) {
    auto& timer = m_draft.timer;
    if (timer.paused) {
        // The constraints window and a run-off wait with the timer (an extension made while
        // paused changes remaining_paused, not how long the pause was).
        const Millis paused_for = now - timer.paused_at;
        m_draft.proposal.window_end += paused_for;
        if (auto* choice = current_choice(); choice && choice->in_runoff()) *choice->runoff_ends += paused_for;
        timer.deadline = now + timer.remaining_paused;
        timer.paused = false;
    } else {
        timer.remaining_paused = std::max(Millis{0}, timer.deadline - now);
        timer.paused_at = now;
        timer.paused = true;
    }
}

void Session::extend() {
    auto& timer = m_draft.timer;
    timer.duration += m_timers.extend_step;
    if (timer.paused)
        timer.remaining_paused += m_timers.extend_step;
    else
        timer.deadline += m_timers.extend_step;
}

void Session::add_spent(Millis now) {
    if (!m_draft.in_step() || m_draft.spent.size() <= static_cast<std::size_t>(m_draft.step)) return;
    // Paused time counts: the group was in the room, talking.
    m_draft.spent[static_cast<std::size_t>(m_draft.step)] += std::max(Millis{0}, now - m_entered);
}

}  // namespace kiosk
