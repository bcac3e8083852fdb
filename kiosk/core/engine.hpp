#pragma once
// The engine: every event goes through it to the module whose action it is (the table in
// payloads.hpp names it): the Session (the room's hour, session.hpp) or the CoffeeCorner
// (coffee_corner.hpp). It owns what both share: the senders' checks, the fields' and the scope's,
// the journal's budget for phones, the applied events and the published View. Pure logic: it
// knows no SDL, HTTP, storage or threads; time arrives with each event and randomness through a
// KeySource. Owned by one thread (EngineLoop's); tests drive it directly.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "kiosk/core/actions.hpp"
#include "kiosk/core/coffee_corner.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/core/event.hpp"
#include "kiosk/core/fact.hpp"
#include "kiosk/core/random_key.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/core/view.hpp"

namespace kiosk {

class Engine {
public:
    Engine(std::shared_ptr<const Library> library, TimerRules timers, SessionRules rules = {},
           KeySource keys = random_key);
    // An engine that knows one format (tools, tests and replays of one videoframe).
    Engine(std::shared_ptr<const Content> content, TimerRules timers, SessionRules rules = {},
           KeySource keys = random_key)
        : Engine(Library::of(std::move(content)), timers, std::move(rules), std::move(keys)) {}

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
    // At start-up: the format of each session of this trajectory so far, oldest first, and of
    // each week's last session (yyyyww -> id; View::week_formats).
    void remember_formats(std::vector<std::string> ids, std::map<int, std::string> by_week = {});
    // At start-up: the surprise cards this trajectory drew ("format/stage/card"), drawn last.
    void remember_cards(std::set<std::string> keys);

    // Before a replay: what the journal says this session settled. Where the engine would
    // decide (a vote's result, the validation's decision, the lobby's reviews, the group's
    // question) it applies the recalled fact instead, and says no fact of its own for it.
    void recall(const std::vector<Fact>& facts) { m_session.recall(facts); }
    // The rules a replay works outcomes out by (fact.hpp); a live engine runs k_rules_version.
    // Only for completing sessions that an older version recorded (store/upgrade.hpp).
    void follow_rules(int version) { m_session.follow_rules(version); }
    int rules_version() const { return m_session.rules_version(); }
    // Facts settled since the last call, for the journal (EngineLoop's on_facts hook).
    std::vector<Fact> take_facts() { return m_session.take_facts(); }
    // The last session as it was when it closed (before the close cleared it): its recorded
    // outcome. nullptr until a session closed.
    std::shared_ptr<const View> closed_session() const { return m_session.closed_session(); }

    // When tick() next has work to do: a step's end, a vote part's end, a host code expiring.
    std::optional<Millis> next_deadline() const { return m_session.next_deadline(); }

    const View& view() const { return *m_view; }
    std::shared_ptr<const View> shared_view() const { return m_view; }

    // Events applied (including TimedOut and PartEnded) and effects requested since the last
    // call. Applied events carry what the engine chose (the join token, the host code), so
    // replaying them gives the same session.
    std::vector<Event> take_applied();
    std::vector<Effect> take_effects() { return m_session.take_effects(); }

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
    Status dispatch(Event& event, Outcome& outcome);
    Status check_sender(const ActionSpec& spec, const Event& event) const;
    Status check_scope(const ActionSpec& spec, const Event& event) const;
    void count_written(const Event& event);  // what a written event costs the journal's budgets
    void after_mark(SessionMark mark);       // what the engine keeps for a session opened or closed
    void publish();                          // the session's draft becomes the new View

    std::shared_ptr<const SessionRules> m_rules;
    Session m_session;               // the session's module (its state, handlers and timers)
    CoffeeCorner m_coffee{m_rules};  // the coffee corner's module
    std::shared_ptr<const View> m_view;
    std::vector<Event> m_applied;
    // What phones made the journal hold in this session (journal_bytes of every event from a
    // participant that was admitted): counted the same way live and on replay.
    std::size_t m_phone_bytes = 0;
    std::map<std::string, std::size_t> m_phone_bytes_by;  // the same per participant's key
    static constexpr std::size_t k_budget_shares = 8;     // one participant may use 1/8 of the budget
};

}  // namespace kiosk
