// The engine's lifecycle and timers. What phones do is in engine_phones.cpp.
#include "kiosk/core/engine.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace kiosk {

Engine::Engine(std::shared_ptr<const Content> content, TimerRules timers, SessionRules rules, KeySource keys)
    : m_content{std::move(content)}, m_timers{timers},
      m_rules{std::make_shared<const SessionRules>(rules)}, m_keys{std::move(keys)} {
    if (!m_content || m_content->steps.size() < 2)
        throw std::invalid_argument("Engine: content needs a check-in and at least one stage");
    m_draft.content = m_content;
    m_draft.rules = m_rules;
    m_draft.warning = m_timers.warning;
    m_left.assign(m_content->steps.size(), std::nullopt);
    m_view = std::make_shared<const View>(m_draft);
}

Outcome Engine::apply(const Event& event) {
    // Time first: a deadline that passed before this event happened ends its step first.
    tick(event.at);
    // What phones make the journal hold counts whatever becomes of it: it was written.
    if (event.from.is_participant()) {
        const auto bytes = journal_bytes(event);
        m_phone_bytes += bytes;
        m_phone_bytes_by[event.from.key] += bytes;
    } else if (event.from.is_visitor()) {
        m_coffee.count(event);
    }
    Event applied = event;
    Outcome outcome;
    outcome.status = dispatch(applied, outcome);
    if (outcome.ok()) {
        applied.mark = std::exchange(m_mark, SessionMark::None);
        m_applied.push_back(std::move(applied));
        if (m_draft.in_step()) move_on_when_all_ready(event.at);
        publish(m_draft);
    }
    m_mark = SessionMark::None;
    outcome.version = m_view->version;
    return outcome;
}

// Every event goes the same way: its action's sender, its fields, where it belongs, and then
// its handler. The order is the same live and on replay, so a refusal replays as a refusal.
Status Engine::dispatch(Event& event, Outcome& outcome) {
    const auto& spec = action_spec(event.kind);
    if (event.payload.index() != spec.empty.index()) return Status::WrongPayload;
    if (const auto status = check_sender(spec, event); status != Status::Ok) return status;
    // The room's keys (V: ask again) are about the stage on the screen: the running one.
    if (!event.from.is_participant() && m_draft.in_step())
        if (auto* stage = stage_field(event.payload); stage && stage->empty()) *stage = m_draft.step_spec().id;
    if (const auto status = check_payload(event.payload, bounds(), outcome.problem); status != Status::Ok) return status;
    if (const auto status = check_scope(spec, event); status != Status::Ok) return status;
    if (const auto* coffee = std::get_if<ActionSpec::CoffeeHandler>(&spec.handle)) return (m_coffee.**coffee)(m_draft, event, outcome);
    return (this->*std::get<ActionSpec::SessionHandler>(spec.handle))(event, outcome);
}

Status Engine::check_sender(const ActionSpec& spec, const Event& event) const {
    switch (event.from.kind) {
    case SenderKind::Room: return (spec.senders & k_room) ? Status::Ok : Status::NotAllowed;
    case SenderKind::System: return (spec.senders & k_system) ? Status::Ok : Status::NotAllowed;
    case SenderKind::Visitor: return m_coffee.check_sender(spec, event, m_draft);
    case SenderKind::Participant: break;
    }
    if (!(spec.senders & (k_joiner | k_participant | k_host))) return Status::NotAllowed;
    if (!m_draft.session_open()) return Status::NoSession;
    if (!is_key_shaped(event.from.key)) return Status::UnknownPerson;
    if (spec.senders & k_joiner) return Status::Ok;  // join() decides
    const auto* who = m_draft.participant(event.from.key);
    if (!who) return Status::UnknownPerson;
    if (!(spec.senders & k_participant) && !who->host) return Status::NotHost;
    return Status::Ok;
}

Status Engine::check_scope(const ActionSpec& spec, const Event& event) const {
    // The room's keys and the system's events are the handlers' to judge.
    if (!event.from.is_participant()) return Status::Ok;
    switch (spec.scope) {
    case Scope::Anywhere:
    case Scope::Session: return Status::Ok;  // check_sender saw the session open
    case Scope::Lobby: return m_draft.phase == Phase::Lobby ? Status::Ok : Status::NotOpen;
    case Scope::WrapUp: return m_draft.phase == Phase::WrapUp ? Status::Ok : Status::NotOpen;
    case Scope::Step: break;
    }
    if (!m_draft.in_step()) return Status::NotOpen;
    if (const auto* stage = stage_of(event.payload); stage && *stage != m_draft.step_spec().id) return Status::WrongStage;
    return Status::Ok;
}

Participant* Engine::sender(const Event& event) {
    if (!event.from.is_participant()) return nullptr;
    auto& people = m_draft.participants;
    const auto found = std::find_if(people.begin(), people.end(), [&](const Participant& p) {
        return !p.removed && p.key == event.from.key;
    });
    return found == people.end() ? nullptr : &*found;
}

Status Engine::admit(const Event& event, Reserved& reserved) const {
    if (event.payload.index() != action_spec(event.kind).empty.index()) return Status::WrongPayload;
    if (event.from.is_visitor()) return m_coffee.admit(action_spec(event.kind), event, m_draft, reserved.coffee);
    if (!event.from.is_participant()) return Status::Ok;
    // What dispatch() would refuse at once, refused before it is written: the sender (host
    // included), the fields, the phase and stage. The handlers' finer rules still come after.
    const auto& spec = action_spec(event.kind);
    if (const auto status = check_sender(spec, event); status != Status::Ok) return status;
    Payload fields = event.payload;
    FieldProblem problem;
    if (const auto status = check_payload(fields, bounds(), problem); status != Status::Ok) return status;
    if (const auto status = check_scope(spec, event); status != Status::Ok) return status;
    if (event.kind == EventKind::Join) {
        // A join that would change nothing (a key already in, or out) or cannot (the room is full).
        const auto& people = m_draft.participants;
        if (std::any_of(people.begin(), people.end(), [&](const Participant& p) { return p.key == event.from.key; }))
            return m_draft.participant(event.from.key) ? Status::Ignored : Status::UnknownPerson;
        if (m_draft.active_participants() >= m_rules->max_participants) return Status::RoomFull;
    }
    // The session's budget, and each participant's share of it: one phone cannot spend it all.
    const auto bytes = journal_bytes(event);
    if (m_phone_bytes + reserved.bytes + bytes > m_rules->phone_budget) return Status::BudgetSpent;
    // The share counts what this batch already holds for the same participant.
    const auto mine = m_phone_bytes_by.find(event.from.key);
    auto& pending = reserved.bytes_by[event.from.key];
    if ((mine == m_phone_bytes_by.end() ? 0 : mine->second) + pending + bytes > m_rules->phone_budget / k_budget_shares)
        return Status::ShareSpent;
    reserved.bytes += bytes;
    pending += bytes;
    return Status::Ok;
}

FieldBounds Engine::bounds() const { return field_bounds(m_draft); }

// The room's keys, or the same from the host's phone (check_sender let only those through).
Status Engine::start_key(Event& event, Outcome&) { return room_key(event); }
Status Engine::next_key(Event& event, Outcome&) { return room_key(event); }
Status Engine::previous_key(Event& event, Outcome&) { return room_key(event); }
Status Engine::pause_key(Event& event, Outcome&) { return room_key(event); }
Status Engine::extend_key(Event& event, Outcome&) { return room_key(event); }

Status Engine::room_key(Event& event) {
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
Status Engine::timed_out(Event&, Outcome&) { return Status::Ignored; }
Status Engine::part_ended(Event&, Outcome&) { return Status::Ignored; }
Status Engine::window_ended(Event&, Outcome&) { return Status::Ignored; }
Status Engine::runoff_ended(Event&, Outcome&) { return Status::Ignored; }

bool Engine::start(Event& event) {
    switch (m_draft.phase) {
    case Phase::Idle: {
        // The token is chosen here and kept in the applied event, so a replay reopens the same
        // session and phones that joined before a crash stay in.
        auto& token = event.as<ChosenPayload>().token;
        if (token.empty()) token = m_keys();
        open_session(token);
        return true;
    }
    case Phase::Lobby:
        settle_reviews();
        m_draft.framing = m_draft.framing_choice();  // the lobby's choice steers the session
        enter_step(0, event.at);
        return true;
    case Phase::WrapUp: go_idle(); return true;
    case Phase::Step:
        // In the AI stage the room's main key sends the prompt without waiting for the window.
        if (!m_draft.in_proposal_step() || m_draft.proposal.state != ProposalState::Collecting) return false;
        request_proposal();
        return true;
    }
    return false;
}

bool Engine::next(Event& event) {
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

bool Engine::previous(Millis now) {
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

int Engine::last_step() const { return static_cast<int>(m_content->steps.size()) - 1; }

void Engine::tick(Millis now) {
    for (;;) {
        if (m_draft.host_offer && m_draft.host_offer->expires <= now) {
            m_draft.host_offer.reset();
            publish(m_draft);
            continue;
        }
        if (!m_draft.in_step() || m_draft.timer.paused) return;
        if (const auto window_end = proposal_window(); window_end && *window_end <= now) {
            request_proposal();
            m_applied.push_back({EventKind::WindowEnded, *window_end});
            publish(m_draft);
            continue;
        }
        if (const auto* choice = current_choice(); choice && choice->in_runoff() && *choice->runoff_ends <= now) {
            const Millis ended = *choice->runoff_ends;
            close_runoff();
            m_applied.push_back({EventKind::RunOffEnded, ended});
            publish(m_draft);
            continue;
        }
        if (const auto part_end = part_deadline(); part_end && *part_end <= now) {
            end_part(*part_end);
            m_applied.push_back({EventKind::PartEnded, *part_end});
            publish(m_draft);
            continue;
        }
        if (m_draft.timer.deadline > now) return;
        const Millis ended_at = m_draft.timer.deadline;
        settle_leaving();
        m_left[static_cast<std::size_t>(m_draft.step)] = Millis{0};
        add_spent(ended_at);
        if (m_draft.step == last_step())
            leave_steps_for(Phase::WrapUp);
        else
            enter_step(m_draft.step + 1, ended_at);
        m_applied.push_back({EventKind::TimedOut, ended_at});
        m_effects.push_back(Effect::Chime);
        publish(m_draft);
    }
}

std::optional<Millis> Engine::next_deadline() const {
    std::optional<Millis> first;
    const auto consider = [&](Millis at) { first = first ? std::min(*first, at) : at; };
    if (m_draft.host_offer) consider(m_draft.host_offer->expires);
    if (m_draft.in_step() && !m_draft.timer.paused) {
        consider(m_draft.timer.deadline);
        if (const auto part_end = part_deadline()) consider(*part_end);
        if (const auto window_end = proposal_window()) consider(*window_end);
        if (const auto* choice = m_draft.open_choice(); choice && choice->in_runoff()) consider(*choice->runoff_ends);
    }
    return first;
}

// When the running step's current part ends by the clock (write or vote of a dot vote).
std::optional<Millis> Engine::part_deadline() const {
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
std::optional<Millis> Engine::proposal_window() const {
    if (!m_draft.in_proposal_step() || m_draft.proposal.state != ProposalState::Collecting) return std::nullopt;
    return m_draft.proposal.window_end;
}

void Engine::end_part(Millis at) {
    auto& part = m_draft.parts.at(static_cast<std::size_t>(m_draft.step));
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

void Engine::enter_step(int step, Millis start) {
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
}

void Engine::leave_step(Millis now) {
    m_left[static_cast<std::size_t>(m_draft.step)] = m_draft.remaining(now);
    add_spent(now);
}

void Engine::leave_steps_for(Phase phase) {
    cancel_proposal("skipped");
    m_draft.phase = phase;
    m_draft.step = -1;
    m_draft.timer = {};
    m_draft.activity = {};
}

void Engine::open_session(const std::string& token) {
    m_draft.phase = Phase::Lobby;
    ++m_draft.session_number;
    m_mark = SessionMark::Opened;
    m_draft.join_token = token;
    m_draft.join_code = code_from(token);
    m_draft.codes_closed = false;
    clear_session();
    m_draft.parts.assign(m_content->steps.size(), Part::Write);
    m_draft.dots.assign(m_content->steps.size(), {});
    m_draft.choices.assign(m_content->steps.size(), {});
    m_draft.spent.assign(m_content->steps.size(), Millis{0});
    m_phone_bytes = 0;
    m_phone_bytes_by.clear();
}

// Everything a session holds, gone: for a new session and after one closes. What outlives a
// session (last_outcome, reviews) stays.
void Engine::clear_session() {
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
    m_draft.validation = {};
    m_draft.reflections.clear();
    m_draft.question_ideas.clear();
    m_draft.question_dots.clear();
    m_draft.settled_question.clear();
    m_draft.spent.clear();
}

void Engine::go_idle() {
    settle_question();
    m_closed = std::make_shared<const View>(m_draft);  // the session's recorded outcome
    // What this session chose stays on the idle screen and in the next lobby.
    if (auto chosen = m_draft.chosen_statement(); !chosen.empty()) m_draft.last_outcome = std::move(chosen);
    m_coffee.keep_group_question(m_draft, m_draft.chosen_question());
    // A decision to carry out comes back in the next lobbies until it is reviewed.
    if (auto decided = m_draft.outcome(); decided && decided->kind != DecisionKind::Park)
        m_draft.reviews.push_back(std::move(*decided));
    leave_steps_for(Phase::Idle);
    m_mark = SessionMark::Closed;
    m_draft.join_token.clear();
    m_draft.join_code.clear();
    m_draft.codes_closed = false;
    clear_session();
    std::fill(m_left.begin(), m_left.end(), std::nullopt);  // the next session starts afresh
    m_recalled = {};  // a replay's recalled facts were this session's
}

void Engine::toggle_pause(Millis now) {
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

void Engine::extend() {
    auto& timer = m_draft.timer;
    timer.duration += m_timers.extend_step;
    if (timer.paused)
        timer.remaining_paused += m_timers.extend_step;
    else
        timer.deadline += m_timers.extend_step;
}

void Engine::publish(View next) {
    next.version = m_view->version + 1;
    m_view = std::make_shared<const View>(std::move(next));
}

void Engine::remember_decisions(std::vector<Decision> decisions) {
    m_draft.reviews = std::move(decisions);
    publish(m_draft);
}

void Engine::add_spent(Millis now) {
    if (!m_draft.in_step() || m_draft.spent.size() <= static_cast<std::size_t>(m_draft.step)) return;
    // Paused time counts: the group was in the room, talking.
    m_draft.spent[static_cast<std::size_t>(m_draft.step)] += std::max(Millis{0}, now - m_entered);
}

void Engine::remember_last_outcome(std::string outcome) {
    m_draft.last_outcome = std::move(outcome);
    publish(m_draft);
}

std::vector<Event> Engine::take_applied() { return std::exchange(m_applied, {}); }
std::vector<Effect> Engine::take_effects() { return std::exchange(m_effects, {}); }
std::vector<Fact> Engine::take_facts() { return std::exchange(m_facts, {}); }

void Engine::prepare(Event& event) const {
    m_coffee.prepare(event, m_keys);
    // Only the room chooses: a token never comes from a phone (the host's "next" carries none).
    if (event.from.kind != SenderKind::Room) return;
    if (auto* chosen = std::get_if<ChosenPayload>(&event.payload); chosen && chosen->token.empty()) chosen->token = m_keys();
}

std::string_view to_string(Status status) {
    switch (status) {
    case Status::Ok: return "ok";
    case Status::Ignored: return "ignored";
    case Status::NoSession: return "no_session";
    case Status::UnknownPerson: return "unknown_person";
    case Status::RoomFull: return "room_full";
    case Status::WrongStage: return "wrong_stage";
    case Status::NotOpen: return "not_open";
    case Status::Limit: return "limit";
    case Status::BadText: return "bad_text";
    case Status::TooManyDots: return "too_many_dots";
    case Status::OutOfRange: return "out_of_range";
    case Status::TooMany: return "too_many";
    case Status::WrongCount: return "wrong_count";
    case Status::BadChoice: return "bad_choice";
    case Status::BadDate: return "bad_date";
    case Status::MissingField: return "missing_field";
    case Status::UnknownDecision: return "unknown_decision";
    case Status::NotAllowed: return "not_allowed";
    case Status::BudgetSpent: return "budget_spent";
    case Status::UnknownNote: return "unknown_note";
    case Status::NotYours: return "not_yours";
    case Status::NotHost: return "not_host";
    case Status::BadCode: return "bad_code";
    case Status::NotSaved: return "not_saved";
    case Status::WrongPayload: return "wrong_payload";
    case Status::ShareSpent: return "share_spent";
    case Status::UnknownIdea: return "unknown_idea";
    case Status::NoWeek: return "no_week";
    case Status::CoffeeFull: return "coffee_full";
    case Status::CoffeeBudget: return "coffee_budget";
    case Status::CoffeePhoneBudget: return "coffee_phone_budget";
    case Status::CoffeeHostInSession: return "coffee_host_in_session";
    case Status::UnknownAnswer: return "unknown_answer";
    }
    return "unknown";
}

}  // namespace kiosk
