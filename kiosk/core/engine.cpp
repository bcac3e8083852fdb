// The engine: dispatch to the session's and the coffee corner's modules, what they share
// (senders, fields, scope, the phones' journal budget), the applied events and the published View.
#include "kiosk/core/engine.hpp"

#include <algorithm>
#include <utility>

namespace kiosk {

Engine::Engine(std::shared_ptr<const Library> library, TimerRules timers, SessionRules rules, KeySource keys)
    : m_rules{std::make_shared<const SessionRules>(rules)},
      m_session{std::move(library), timers, m_rules, std::move(keys)},
      m_view{std::make_shared<const View>(m_session.draft())} {}

Outcome Engine::apply(const Event& event) {
    // Time first: a deadline that passed before this event happened ends its step first.
    tick(event.at);
    count_written(event);
    Event applied = event;
    Outcome outcome;
    outcome.status = dispatch(applied, outcome);
    const auto mark = m_session.take_mark();
    if (outcome.ok()) {
        applied.mark = mark;
        after_mark(mark);
        m_applied.push_back(std::move(applied));
        m_session.after_applied(event.at);
        publish();
    }
    outcome.version = m_view->version;
    return outcome;
}

// What a written event costs, whatever becomes of it: phones' bytes for the session's budget,
// visitors' events for the coffee corner's week.
void Engine::count_written(const Event& event) {
    if (event.from.is_participant()) {
        const auto bytes = journal_bytes(event);
        m_phone_bytes += bytes;
        m_phone_bytes_by[event.from.key] += bytes;
    } else if (event.from.is_visitor()) {
        m_coffee.count(event);
    }
}

void Engine::after_mark(SessionMark mark) {
    if (mark == SessionMark::Opened) {
        m_phone_bytes = 0;  // a new session, a new budget
        m_phone_bytes_by.clear();
    } else if (mark == SessionMark::Closed) {
        // The question the wrap-up chose becomes the coffee corner's for next week.
        m_coffee.keep_group_question(m_session.draft(), m_session.closed_session()->chosen_question());
    }
}

// Every event goes the same way: its action's sender, its fields, where it belongs, and then
// its handler. The order is the same live and on replay, so a refusal replays as a refusal.
Status Engine::dispatch(Event& event, Outcome& outcome) {
    const auto& spec = action_spec(event.kind);
    const auto& draft = m_session.draft();
    if (event.payload.index() != spec.empty.index()) return Status::WrongPayload;
    if (const auto status = check_sender(spec, event); status != Status::Ok) return status;
    // The room's keys (V: ask again) are about the stage on the screen: the running one.
    if (!event.from.is_participant() && draft.in_step())
        if (auto* stage = stage_field(event.payload); stage && stage->empty()) *stage = draft.step_spec().id;
    if (const auto status = check_payload(event.payload, bounds(), outcome.problem); status != Status::Ok) return status;
    if (const auto status = check_scope(spec, event); status != Status::Ok) return status;
    if (const auto* coffee = std::get_if<ActionSpec::CoffeeHandler>(&spec.handle)) return (m_coffee.**coffee)(m_session.draft(), event, outcome);
    return (m_session.*std::get<ActionSpec::SessionHandler>(spec.handle))(event, outcome);
}

Status Engine::check_sender(const ActionSpec& spec, const Event& event) const {
    switch (event.from.kind) {
    case SenderKind::Room: return (spec.senders & k_room) ? Status::Ok : Status::NotAllowed;
    case SenderKind::System: return (spec.senders & k_system) ? Status::Ok : Status::NotAllowed;
    case SenderKind::Visitor: return m_coffee.check_sender(spec, event, m_session.draft());
    case SenderKind::Participant: break;
    }
    const auto& draft = m_session.draft();
    if (!(spec.senders & (k_joiner | k_participant | k_host))) return Status::NotAllowed;
    if (!draft.session_open()) return Status::NoSession;
    if (!is_key_shaped(event.from.key)) return Status::UnknownPerson;
    if (spec.senders & k_joiner) return Status::Ok;  // join() decides
    const auto* who = draft.participant(event.from.key);
    if (!who) return Status::UnknownPerson;
    if (!(spec.senders & k_participant) && !who->host) return Status::NotHost;
    return Status::Ok;
}

Status Engine::check_scope(const ActionSpec& spec, const Event& event) const {
    // The room's keys and the system's events are the handlers' to judge.
    if (!event.from.is_participant()) return Status::Ok;
    const auto& draft = m_session.draft();
    switch (spec.scope) {
    case Scope::Anywhere:
    case Scope::Session: return Status::Ok;  // check_sender saw the session open
    case Scope::Lobby: return draft.phase == Phase::Lobby ? Status::Ok : Status::NotOpen;
    case Scope::WrapUp: return draft.phase == Phase::WrapUp ? Status::Ok : Status::NotOpen;
    case Scope::Step: break;
    }
    if (!draft.in_step()) return Status::NotOpen;
    if (const auto* stage = stage_of(event.payload); stage && *stage != draft.step_spec().id) return Status::WrongStage;
    return Status::Ok;
}

Status Engine::admit(const Event& event, Reserved& reserved) const {
    if (event.payload.index() != action_spec(event.kind).empty.index()) return Status::WrongPayload;
    if (event.from.is_visitor()) return m_coffee.admit(action_spec(event.kind), event, m_session.draft(), reserved.coffee);
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
        const auto& draft = m_session.draft();
        const auto& people = draft.participants;
        if (std::any_of(people.begin(), people.end(), [&](const Participant& p) { return p.key == event.from.key; }))
            return draft.participant(event.from.key) ? Status::Ignored : Status::UnknownPerson;
        if (draft.active_participants() >= m_rules->max_participants) return Status::RoomFull;
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

FieldBounds Engine::bounds() const { return field_bounds(m_session.draft()); }

void Engine::tick(Millis now) {
    // Each deadline that passed is a change of its own (and a version), as if the engine had been awake.
    while (m_session.advance(now, m_applied)) publish();
}

void Engine::publish() {
    View next = m_session.draft();
    next.version = m_view->version + 1;
    m_view = std::make_shared<const View>(std::move(next));
}

void Engine::remember_decisions(std::vector<Decision> decisions) {
    m_session.remember_decisions(std::move(decisions));
    publish();
}

void Engine::remember_formats(std::vector<std::string> ids, std::map<int, std::string> by_week) {
    m_session.remember_formats(std::move(ids), std::move(by_week));
    publish();
}

void Engine::remember_cards(std::set<std::string> keys) {
    m_session.remember_cards(std::move(keys));
    publish();
}

void Engine::remember_last_outcome(std::string outcome) {
    m_session.remember_last_outcome(std::move(outcome));
    publish();
}

std::vector<Event> Engine::take_applied() { return std::exchange(m_applied, {}); }

void Engine::prepare(Event& event) const {
    m_coffee.prepare(event, m_session.keys());
    m_session.prepare(event);
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
    case Status::UnknownVideoframe: return "unknown_videoframe";
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
