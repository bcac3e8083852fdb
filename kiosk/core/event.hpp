#pragma once
// Inputs to the engine. Keyboard, remotes, phones and the clock all become Events; the engine
// applies them in order. Applied events are handed out again so they can be journaled and
// replayed: replaying the same events gives the same session.
#include <string_view>

#include "kiosk/core/clock.hpp"

namespace kiosk {

enum class EventKind {
    Start,        // the room's main key: idle -> lobby -> check-in; closes a finished session
    Next,         // to the next step (or wrap-up, or back to idle after wrap-up)
    Previous,     // to the step before; a step returned to keeps the time it had left
    TogglePause,  // pause or resume the running step's timer
    Extend,       // add TimerRules::extend_step to the running step
    TimedOut,     // made by the engine itself when a step's deadline passes
};

struct Event {
    EventKind kind;
    Millis at{0};  // monotonic time the event happened
};

std::string_view to_string(EventKind kind);

// Side effects the engine asks for; the app carries them out.
enum class Effect {
    Chime,  // a timed step ran out
};

}  // namespace kiosk
