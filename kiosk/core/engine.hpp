#pragma once
// The session engine: the room's lifecycle (idle -> lobby -> check-in -> stages -> wrap-up ->
// idle) and the step timers, as pure logic. It knows no SDL, HTTP, storage or threads; time
// arrives with each event. Owned by one thread (EngineLoop's); tests drive it directly.
#include <memory>
#include <optional>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/event.hpp"
#include "kiosk/core/view.hpp"

namespace kiosk {

class Engine {
public:
    Engine(std::shared_ptr<const Content> content, TimerRules rules);

    // Applies one event at event.at. Events that mean nothing in the current phase (pause in
    // the lobby, previous while idle) are ignored and leave the version unchanged.
    void apply(const Event& event);

    // Advances past every deadline that has passed by `now`, as if the engine had been awake:
    // a step that ran out while nobody looked chains into the next at its real end time.
    void tick(Millis now);

    // When tick() next has work to do, if a timer is running.
    std::optional<Millis> next_deadline() const;

    const View& view() const { return *m_view; }
    std::shared_ptr<const View> shared_view() const { return m_view; }

    // Events applied (including TimedOut) and effects requested since the last call.
    std::vector<Event> take_applied();
    std::vector<Effect> take_effects();

private:
    bool handle(const Event& event);
    bool start(Millis now);
    bool next(Millis now);
    bool previous(Millis now);
    int last_step() const;
    void enter_step(int step, Millis start);
    void leave_step(Millis now);
    void leave_steps_for(Phase phase);  // lobby, wrap-up or idle: no step, no timer
    void go_idle();
    void toggle_pause(Millis now);
    void extend();
    void publish(View next);

    std::shared_ptr<const Content> m_content;
    TimerRules m_rules;
    std::shared_ptr<const View> m_view;
    View m_draft;  // the state being changed; copied into m_view on publish
    std::vector<std::optional<Millis>> m_left;  // time a step had left when it was left
    std::vector<Event> m_applied;
    std::vector<Effect> m_effects;
};

}  // namespace kiosk
