#pragma once
// The session engine: the room's lifecycle (idle -> lobby -> check-in -> stages -> wrap-up ->
// idle), the step timers, and what phones contribute (participants, notes, dot votes,
// readiness, extension votes, the host), as pure logic. It knows no SDL, HTTP, storage or
// threads; time arrives with each event and randomness through a KeySource. Owned by one
// thread (EngineLoop's); tests drive it directly.
#include <memory>
#include <optional>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/event.hpp"
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

    // When tick() next has work to do: a step's end, a vote part's end, a host code expiring.
    std::optional<Millis> next_deadline() const;

    const View& view() const { return *m_view; }
    std::shared_ptr<const View> shared_view() const { return m_view; }

    // Events applied (including TimedOut and PartEnded) and effects requested since the last
    // call. Applied events carry what the engine chose (the join token, the host code), so
    // replaying them gives the same session.
    std::vector<Event> take_applied();
    std::vector<Effect> take_effects();

private:
    // engine.cpp: the lifecycle and the timers
    Status handle(Event& event);
    Status room_action(Event& event);
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
    Status join(const Event& event, int& number);
    Status contribute(const Event& event, int& id);
    Status edit(const Event& event, bool withdraw);
    Status vote(const Event& event);
    Status ready(const Event& event);
    Status vote_extend(const Event& event);
    Status offer_host(Event& event);
    Status claim_host(const Event& event);
    Status hide_note(const Event& event);
    // The caller's participant, or nullptr (then `status` says why).
    Participant* sender(const Event& event, Status& status);
    // Checks that the event is about the running step; NotOpen/WrongStage otherwise.
    Status check_stage(const Event& event) const;
    Note* own_note(const Event& event, int author, Status& status);
    void move_on_when_all_ready(Millis now);

    void add_spent(Millis now);  // the running step's time so far goes into View::spent

    // engine_decide.cpp: the lobby's choices, the validation stage, the wrap-up
    Status decide_action(const Event& event);
    Status set_situation(const Event& event);
    Status framing_vote(const Event& event);
    Status review_decision(const Event& event);
    Status score(const Event& event);
    Status object(const Event& event);
    Status decision_vote(const Event& event);
    Status volunteer(const Event& event);
    Status commit(const Event& event);
    Status adjust_proposal(const Event& event);
    Status share_reflection(const Event& event);
    Status check_validation(const Event& event, Part part) const;

    // engine_proposal.cpp: the AI stage
    Status proposal_action(Event& event);
    bool constraints_open() const;  // constraints may be added (always true in other steps)
    void request_proposal();
    void cancel_proposal(const char* why);  // stops a request in flight, keeping what arrived
    Status ai_prompt(const Event& event);
    Status ai_text(const Event& event);
    Status ai_end(const Event& event);
    Status paste_answer(const Event& event);
    Status mark_paragraph(const Event& event);
    Status ask_again(const Event& event);

    std::shared_ptr<const Content> m_content;
    TimerRules m_timers;
    std::shared_ptr<const SessionRules> m_rules;
    KeySource m_keys;
    std::shared_ptr<const View> m_view;
    View m_draft;  // the state being changed; copied into m_view on publish
    std::vector<std::optional<Millis>> m_left;  // time a step had left when it was left
    std::vector<Event> m_applied;
    std::vector<Effect> m_effects;
    SessionMark m_mark = SessionMark::None;  // what the event being applied did to the session
    Millis m_entered{0};  // when the running step was entered (for View::spent)
};

}  // namespace kiosk
