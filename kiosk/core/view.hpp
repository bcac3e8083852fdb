#pragma once
// The session as readers see it: an immutable snapshot the engine publishes after every
// change. The screen, the phones and the AI worker read it from any thread; nobody writes it.
#include <cstdint>
#include <memory>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/content.hpp"

namespace kiosk {

enum class Phase { Idle, Lobby, Step, WrapUp };

// A step's timer as a deadline, so any reader can compute what is left at its own "now".
struct TimerView {
    Millis duration{0};   // the step's planned length plus extensions
    Millis deadline{0};   // monotonic time the step ends, while running
    Millis remaining_paused{0};  // what is left, while paused
    bool paused = false;
};

struct View {
    std::uint64_t version = 0;  // grows by one with every change
    int session_number = 0;     // counts sessions opened since start-up
    Phase phase = Phase::Idle;
    int step = -1;  // index into content->steps while phase == Step, else -1
    TimerView timer;
    Millis warning{0};
    std::shared_ptr<const Content> content;

    bool in_step() const { return phase == Phase::Step; }
    const StepSpec& step_spec() const { return content->steps.at(static_cast<std::size_t>(step)); }
    // 1-based stage number ("2/5"); 0 for the check-in and outside steps.
    int stage_number() const { return in_step() ? step : 0; }
    int stage_count() const { return content->stage_count(); }

    Millis remaining(Millis now) const;
    // True in the last stretch of a running or paused step (TimerRules::warning).
    bool in_warning(Millis now) const;
};

}  // namespace kiosk
