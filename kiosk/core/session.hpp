#pragma once
// The session as a module of the engine: the room's hour from lobby to wrap-up (check-in,
// stages, votes and their run-offs, the AI stage, validation, wrap-up), the step timers, and
// what phones contribute to it, with what it settles as facts. It owns the View being drafted
// (the coffee corner's part of it is the CoffeeCorner's to change); the action table names its
// handlers, and the Engine dispatches to them after checking the sender, the fields and the
// scope, journals what was applied and publishes the draft.
#include <initializer_list>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/actions.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/core/event.hpp"
#include "kiosk/core/fact.hpp"
#include "kiosk/core/random_key.hpp"
#include "kiosk/core/view.hpp"

namespace kiosk {

class Session {
public:
    Session(std::shared_ptr<const Library> library, TimerRules timers, std::shared_ptr<const SessionRules> rules,
            KeySource keys);

    View& draft() { return m_draft; }
    const View& draft() const { return m_draft; }
    const KeySource& keys() const { return m_keys; }

    // Before the write-ahead: a new session's token, chosen here so a replay reopens it.
    void prepare(Event& event) const;

    // One deadline that passed by `now` handled (a host code expiring, the constraints window,
    // a run-off, a vote part, a step's end). Says whether the draft changed; the clock's event,
    // if there is one to journal, goes into `applied`. Called until it says false.
    bool advance(Millis now, std::vector<Event>& applied);
    // When advance() next has work to do.
    std::optional<Millis> next_deadline() const;

    // After a phone's or the room's event was applied: everyone ready moves the step on.
    void after_applied(Millis now);
    // What the event just applied did to the session (opened, closed, nothing), once.
    SessionMark take_mark() { return std::exchange(m_mark, SessionMark::None); }

    void remember_last_outcome(std::string outcome) { m_draft.last_outcome = std::move(outcome); }
    void remember_decisions(std::vector<Decision> decisions) { m_draft.reviews = std::move(decisions); }
    void remember_formats(std::vector<std::string> ids, std::map<int, std::string> by_week) {
        m_draft.format_history = std::move(ids);
        m_draft.week_formats = std::move(by_week);
    }
    void remember_cards(std::set<std::string> keys) { m_draft.cards_used = std::move(keys); }

    // Engine::recall, ::follow_rules, ::take_facts, ::take_effects and ::closed_session.
    void recall(const std::vector<Fact>& facts);
    void follow_rules(int version) { m_rules_version = version; }
    int rules_version() const { return m_rules_version; }
    std::vector<Fact> take_facts() { return std::exchange(m_facts, {}); }
    std::vector<Effect> take_effects() { return std::exchange(m_effects, {}); }
    std::shared_ptr<const View> closed_session() const { return m_closed; }

private:
    friend const std::vector<ActionSpec>& action_specs();  // the table names the handlers below

    // The handler of each of the session's actions (KIOSK_ACTIONS rows naming Session), defined
    // in session.cpp (the room's keys, the clock's events), session_phones.cpp,
    // session_decide.cpp (lobby, validation, wrap-up), session_choice.cpp (run-offs) and
    // session_proposal.cpp (the AI stage). Each is called by Engine::dispatch() after it checked
    // the sender, the fields and the phase or stage.
#define KIOSK_HANDLER_Session(handler) Status handler(Event& event, Outcome& outcome);
#define KIOSK_HANDLER_CoffeeCorner(handler)
#define KIOSK_DECLARE_HANDLER(kind, name, route, senders, scope, payload, module, handler) KIOSK_HANDLER_##module(handler)
    KIOSK_ACTIONS(KIOSK_DECLARE_HANDLER)
#undef KIOSK_DECLARE_HANDLER
#undef KIOSK_HANDLER_CoffeeCorner
#undef KIOSK_HANDLER_Session

    // session.cpp: the lifecycle and the timers
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
    void time_out_step();               // the running step's timer ran out
    void open_session(const std::string& token);
    void go_idle();
    void clear_session();
    void toggle_pause(Millis now);
    void extend();
    std::optional<Millis> part_deadline() const;
    std::optional<Millis> proposal_window() const;
    void end_part(Millis at);

    // session_videoframe.cpp: which format the session runs
    // The lobby's formats for a Start that opens a session: the slot's (when ready), else the
    // offer, comma-separated; "" when the library has one ready format (nothing to choose).
    std::string lobby_formats(const std::string& slot_format) const;
    void offer_videoframes(const std::string& formats);  // a session opens with the Start's formats
    void use_content(std::shared_ptr<const Content> content);  // the session's format, with room for its steps
    bool leave_lobby(Millis at);  // the room starts: the chosen format's check-in, or a tie to pick
    void begin_session(const std::string& id, Millis at);
    bool pick_videoframe(int number, Millis at);  // the room's 1..n in the lobby

    // session_surprise.cpp: the running stage's surprise card
    std::optional<Millis> surprise_deadline() const;  // its draw, or its end while it shows
    void surprise_moment(Millis at);                  // the deadline came: draw, or the card goes
    void draw_surprise(int draw, Millis at);          // the step's draw-th card, recalled or drawn
    void end_surprise();                              // the card goes (skipped, the vote began)

    // session_media.cpp: the running stage's clips, pictures and sounds
    std::vector<MediaState>& step_media();  // the running step's states, one per entry
    void start_media(int item, Millis at);
    void start_media_at_start(Millis at);   // the step was entered: its "at_start" entries
    void stop_media();                      // the step is left: its clips and sounds stop
    std::optional<Millis> media_deadline() const;  // the next "after_minutes" entry's moment
    void media_moment(Millis at);                  // that moment came: the entries due start
    MediaState* reported_media(const Event& event);  // what the player's report is about, if it still plays

    // session_phones.cpp: what phones do
    bool notes_open() const;  // the running step takes notes (and edits) now
    Note* own_note(int id, int author, Status& status);
    void move_on_when_all_ready(Millis now);

    void add_spent(Millis now);  // the running step's time so far goes into View::spent

    // session_decide.cpp: the lobby's choices, the validation stage, the wrap-up
    Status check_validation(std::initializer_list<Part> parts) const;

    // session_choice.cpp: what a dot vote chose, with a run-off and the room's pick on a tie
    void begin_results(Millis at);      // the vote's result part begins: settled, or a run-off
    void close_runoff();                // the run-off's dots are counted
    void settle_leaving();              // the step is left: a tie nobody settled takes the earlier note
    StageChoice* current_choice();      // the running step's, while it is not settled
    void record_choice(int step);       // a settled choice becomes a fact (once per step)

    // session_facts.cpp: facts said and recalled where the lobby, the validation and the close settle
    void settle_reviews();      // the lobby is left: its reviews of earlier decisions
    void settle_decision();     // the validation step is left: the decision with its owner
    void settle_question();     // the session closes: the group's question for the coffee corner

    // session_proposal.cpp: the AI stage
    bool constraints_open() const;  // constraints may be added (always true in other steps)
    void request_proposal();
    void cancel_proposal(const char* why);  // stops a request in flight, keeping what arrived

    std::shared_ptr<const Library> m_library;
    std::shared_ptr<const Content> m_content;  // the open session's format; the default between sessions
    TimerRules m_timers;
    std::shared_ptr<const SessionRules> m_rules;
    KeySource m_keys;
    View m_draft;  // the state being changed; the Engine publishes a copy
    std::vector<std::optional<Millis>> m_left;  // time a step had left when it was left
    std::vector<Effect> m_effects;
    std::vector<Fact> m_facts;      // settled since take_facts()
    RecalledFacts m_recalled;       // from the journal, for a replay
    int m_rules_version = k_rules_version;
    std::shared_ptr<const View> m_closed;  // the last session as it closed
    SessionMark m_mark = SessionMark::None;  // what the event being applied did to the session
    Millis m_entered{0};  // when the running step was entered (for View::spent)
};

}  // namespace kiosk
