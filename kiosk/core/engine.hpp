#pragma once
// The session engine: the room's lifecycle (idle -> lobby -> check-in -> stages -> wrap-up ->
// idle), the step timers, and what phones contribute (participants, notes, dot votes,
// readiness, extension votes, the host), as pure logic. It knows no SDL, HTTP, storage or
// threads; time arrives with each event and randomness through a KeySource. Owned by one
// thread (EngineLoop's); tests drive it directly.
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "kiosk/core/actions.hpp"
#include "kiosk/core/coffee_corner.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/core/event.hpp"
#include "kiosk/core/fact.hpp"
#include "kiosk/core/random_key.hpp"
#include "kiosk/core/view.hpp"

namespace kiosk {

class Engine {
public:
    Engine(std::shared_ptr<const Content> content, TimerRules timers, SessionRules rules = {},
           KeySource keys = random_key);

    // Fills in what the engine would choose while applying the event (a new session's token,
    // a host code), so the event can be journaled before it is applied and replay the same.
    void prepare(Event& event) const;

    // Applies one event at event.at and says what became of it. Events that mean nothing in
    // the current phase (pause in the lobby) are Ignored and leave the version unchanged.
    Outcome apply(const Event& event);

    // Advances past every deadline that has passed by `now`, as if the engine had been awake:
    // a step that ran out while nobody looked chains into the next at its real end time.
    void tick(Millis now);

    // At start-up, before any event: the last finished session's headline, from the journal.
    void remember_last_outcome(std::string outcome);
    // At start-up: earlier decisions with their review state (replaying the history gives them).
    void remember_decisions(std::vector<Decision> decisions);

    // Before a replay: what the journal says this session settled. Where the engine would
    // decide (a vote's result, the validation's decision, the lobby's reviews, the group's
    // question) it applies the recalled fact instead, and says no fact of its own for it.
    void recall(const std::vector<Fact>& facts);
    // The rules a replay works outcomes out by (fact.hpp); a live engine runs k_rules_version.
    // Only for completing sessions that an older version recorded (store/upgrade.hpp).
    void follow_rules(int version) { m_rules_version = version; }
    int rules_version() const { return m_rules_version; }
    // Facts settled since the last call, for the journal (EngineLoop's on_facts hook).
    std::vector<Fact> take_facts();
    // The last session as it was when it closed (before the close cleared it): its recorded
    // outcome. nullptr until a session closed.
    std::shared_ptr<const View> closed_session() const { return m_closed; }

    // When tick() next has work to do: a step's end, a vote part's end, a host code expiring.
    std::optional<Millis> next_deadline() const;

    const View& view() const { return *m_view; }
    std::shared_ptr<const View> shared_view() const { return m_view; }

    // Events applied (including TimedOut and PartEnded) and effects requested since the last
    // call. Applied events carry what the engine chose (the join token, the host code), so
    // replaying them gives the same session.
    std::vector<Event> take_applied();
    std::vector<Effect> take_effects();

    // What the batch being admitted has taken already: phones' bytes, and visitors' coffee-corner
    // events (so one batch cannot overshoot a bound the next would meet).
    struct Reserved {
        std::size_t bytes = 0;
        std::map<std::string, std::size_t> bytes_by;  // per participant, for its share
        CoffeeCorner::Reserved coffee;
    };

    // Before the write-ahead: would the journal have to hold this? Refuses (without anyone
    // writing anything) what a stranger sends: an unknown or removed key, a finished session's
    // key, anything from a phone outside a session, and what is over the session's byte budget
    // for phones. `reserved` carries the bytes of the batch's earlier events. The room's and
    // the system's events are always admitted.
    Status admit(const Event& event, Reserved& reserved) const;

    // The room's configuration for the limits that depend on it (served to the phone page too).
    FieldBounds bounds() const;

private:
    friend const std::vector<ActionSpec>& action_specs();  // the table names the handlers below

    // The handler of each of the session's actions (KIOSK_ACTIONS in payloads.hpp, whose rows
    // name Engine), defined in engine.cpp (the room's keys, the clock's events),
    // engine_phones.cpp, engine_decide.cpp (lobby, validation, wrap-up), engine_choice.cpp
    // (run-offs) and engine_proposal.cpp (the AI stage). Each is called by dispatch() after it
    // checked the sender, the fields and the phase or stage.
#define KIOSK_HANDLER_Engine(handler) Status handler(Event& event, Outcome& outcome);
#define KIOSK_HANDLER_CoffeeCorner(handler)
#define KIOSK_DECLARE_HANDLER(kind, name, route, senders, scope, payload, module, handler) KIOSK_HANDLER_##module(handler)
    KIOSK_ACTIONS(KIOSK_DECLARE_HANDLER)
#undef KIOSK_DECLARE_HANDLER
#undef KIOSK_HANDLER_CoffeeCorner
#undef KIOSK_HANDLER_Engine

    // engine.cpp: dispatch, the lifecycle and the timers
    Status dispatch(Event& event, Outcome& outcome);
    Status check_sender(const ActionSpec& spec, const Event& event) const;
    Status check_scope(const ActionSpec& spec, const Event& event) const;
    // The participant a phone's event comes from (never a removed one), or nullptr.
    Participant* sender(const Event& event);
    Status room_key(Event& event);  // Start, Next, Previous, pause and extend: the room's or the host's
    bool start(Event& event);
    bool next(Event& event);
    bool previous(Millis now);
    int last_step() const;
    void enter_step(int step, Millis start);
    void leave_step(Millis now);
    void leave_steps_for(Phase phase);  // lobby, wrap-up or idle: no step, no timer
    void open_session(const std::string& token);
    void go_idle();
    void clear_session();
    void toggle_pause(Millis now);
    void extend();
    std::optional<Millis> part_deadline() const;
    std::optional<Millis> proposal_window() const;
    void end_part(Millis at);
    void publish(View next);

    // engine_phones.cpp: what phones do
    bool notes_open() const;  // the running step takes notes (and edits) now
    Note* own_note(int id, int author, Status& status);
    void move_on_when_all_ready(Millis now);

    void add_spent(Millis now);  // the running step's time so far goes into View::spent

    // engine_decide.cpp: the lobby's choices, the validation stage, the wrap-up
    Status check_validation(std::initializer_list<Part> parts) const;

    // engine_choice.cpp: what a dot vote chose, with a run-off and the room's pick on a tie
    void begin_results(Millis at);      // the vote's result part begins: settled, or a run-off
    void close_runoff();                // the run-off's dots are counted
    void settle_leaving();              // the step is left: a tie nobody settled takes the earlier note
    StageChoice* current_choice();      // the running step's, while it is not settled
    void record_choice(int step);       // a settled choice becomes a fact (once per step)

    // engine_facts.cpp: facts said and recalled where the lobby, the validation and the close settle
    void settle_reviews();      // the lobby is left: its reviews of earlier decisions
    void settle_decision();     // the validation step is left: the decision with its owner
    void settle_question();     // the session closes: the group's question for the coffee corner

    // engine_proposal.cpp: the AI stage
    bool constraints_open() const;  // constraints may be added (always true in other steps)
    void request_proposal();
    void cancel_proposal(const char* why);  // stops a request in flight, keeping what arrived

    std::shared_ptr<const Content> m_content;
    TimerRules m_timers;
    std::shared_ptr<const SessionRules> m_rules;
    KeySource m_keys;
    std::shared_ptr<const View> m_view;
    View m_draft;  // the state being changed; copied into m_view on publish
    std::vector<std::optional<Millis>> m_left;  // time a step had left when it was left
    std::vector<Event> m_applied;
    std::vector<Effect> m_effects;
    std::vector<Fact> m_facts;      // settled since take_facts()
    RecalledFacts m_recalled;       // from the journal, for a replay
    int m_rules_version = k_rules_version;
    std::shared_ptr<const View> m_closed;  // the last session as it closed
    SessionMark m_mark = SessionMark::None;  // what the event being applied did to the session
    Millis m_entered{0};  // when the running step was entered (for View::spent)
    // What phones made the journal hold in this session (journal_bytes of every event from a
    // participant that was admitted): counted the same way live and on replay.
    std::size_t m_phone_bytes = 0;
    std::map<std::string, std::size_t> m_phone_bytes_by;  // the same per participant's key
    static constexpr std::size_t k_budget_shares = 8;     // one participant may use 1/8 of the budget
    CoffeeCorner m_coffee{m_rules};  // the coffee corner's module
};

}  // namespace kiosk
