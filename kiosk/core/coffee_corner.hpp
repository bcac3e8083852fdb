#pragma once
// The coffee corner as a module of the engine: the week's answer link, visitors' answers with
// their moderation, the moderators, and the questions groups choose for a coming week. It owns
// its rules, the week's bounds and its refusals; the action table names its handlers, and the
// engine dispatches to it, handing it the View being drafted (the coffee corner's part, and the
// room's host offer that makes a moderator) and its key source with each call.
#include <map>
#include <memory>
#include <string>

#include "kiosk/core/actions.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/core/event.hpp"
#include "kiosk/core/random_key.hpp"
#include "kiosk/core/view.hpp"

namespace kiosk {

class CoffeeCorner {
public:
    // What a batch being admitted took of the week's bounds already, in all and per phone.
    struct Reserved {
        int events = 0;
        std::map<std::string, int> by;
    };

    explicit CoffeeCorner(std::shared_ptr<const SessionRules> rules) : m_rules{std::move(rules)} {}

    // Before the write-ahead: what is chosen here (a new week's link, whether an answer waits
    // under today's moderation), kept in the event so a replay is the same.
    void prepare(Event& event, const KeySource& keys) const;

    // A visitor's event: only the coffee corner's actions, once there is a week, from a key
    // shaped like one, a moderator's only from a moderator.
    Status check_sender(const ActionSpec& spec, const Event& event, const View& view) const;

    // Before it is written: the sender, the fields, and the week's bounds (per phone and in all,
    // with what the batch took already), so a flood costs the disk a bounded amount.
    Status admit(const ActionSpec& spec, const Event& event, const View& view, Reserved& reserved) const;

    // What a visitor's event, once written, costs the week (whatever became of it).
    void count(const Event& event);

    // At a session's close: the question its wrap-up chose becomes next week's.
    void keep_group_question(View& draft, std::string chosen);

private:
    friend const std::vector<ActionSpec>& action_specs();  // the table names the handlers below

    // The handler of each of the coffee corner's actions (KIOSK_ACTIONS rows naming CoffeeCorner).
#define KIOSK_HANDLER_CoffeeCorner(handler) Status handler(View& draft, Event& event, Outcome& outcome);
#define KIOSK_HANDLER_Session(handler)
#define KIOSK_DECLARE_HANDLER(kind, name, route, senders, scope, payload, module, handler) KIOSK_HANDLER_##module(handler)
    KIOSK_ACTIONS(KIOSK_DECLARE_HANDLER)
#undef KIOSK_DECLARE_HANDLER
#undef KIOSK_HANDLER_Session
#undef KIOSK_HANDLER_CoffeeCorner

    // Moderators are not bounded with the answers: a flood of answers must not leave them
    // unable to hide them (and a claim needs the room's code anyway).
    static bool bounded(const Event& event);
    // A moderator claim that cannot succeed now: during a session, or a code that is not the
    // room's offer (or, when applied, an expired one).
    static Status check_claim(const Event& event, const View& view);

    std::shared_ptr<const SessionRules> m_rules;
    // What visitors made the journal hold this week (events), in all and per phone.
    int m_events = 0;
    std::map<std::string, int> m_events_by;
};

}  // namespace kiosk
