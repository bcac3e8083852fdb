#include "kiosk/core/engine.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace kiosk {

Engine::Engine(std::shared_ptr<const Content> content, TimerRules rules)
    : m_content{std::move(content)}, m_rules{rules} {
    if (!m_content || m_content->steps.size() < 2)
        throw std::invalid_argument("Engine: content needs a check-in and at least one stage");
    m_draft.content = m_content;
    m_draft.warning = m_rules.warning;
    m_left.assign(m_content->steps.size(), std::nullopt);
    m_view = std::make_shared<const View>(m_draft);
}

void Engine::apply(const Event& event) {
    // Time first: a deadline that passed before this event happened ends its step first.
    tick(event.at);
    if (handle(event)) {
        m_applied.push_back(event);
        publish(m_draft);
    }
}

bool Engine::handle(const Event& event) {
    switch (event.kind) {
    case EventKind::Start: return start(event.at);
    case EventKind::Next: return next(event.at);
    case EventKind::Previous: return previous(event.at);
    case EventKind::TogglePause:
        if (!m_draft.in_step()) return false;
        toggle_pause(event.at);
        return true;
    case EventKind::Extend:
        if (!m_draft.in_step()) return false;
        extend();
        return true;
    case EventKind::TimedOut:
        // Only ever made by tick(); replaying one is done by tick() as well.
        return false;
    }
    return false;
}

bool Engine::start(Millis now) {
    switch (m_draft.phase) {
    case Phase::Idle:
        m_draft.phase = Phase::Lobby;
        ++m_draft.session_number;
        return true;
    case Phase::Lobby: enter_step(0, now); return true;
    case Phase::WrapUp: go_idle(); return true;
    case Phase::Step: return false;
    }
    return false;
}

bool Engine::next(Millis now) {
    if (m_draft.phase != Phase::Step) return start(now);  // the same outside the stages
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
    while (m_draft.in_step() && !m_draft.timer.paused && m_draft.timer.deadline <= now) {
        const Millis ended_at = m_draft.timer.deadline;
        m_left[static_cast<std::size_t>(m_draft.step)] = Millis{0};
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
    if (!m_draft.in_step() || m_draft.timer.paused) return std::nullopt;
    return m_draft.timer.deadline;
}

void Engine::enter_step(int step, Millis start) {
    const auto& spec = m_content->steps.at(static_cast<std::size_t>(step));
    // A step returned to continues where it was, with at least min_resume, so a stray
    // "previous" on the remote never costs the group its time.
    const auto& left = m_left[static_cast<std::size_t>(step)];
    const Millis length = left ? std::max(*left, m_rules.min_resume) : spec.duration;
    m_draft.phase = Phase::Step;
    m_draft.step = step;
    m_draft.timer = TimerView{left ? std::max(spec.duration, length) : length, start + length,
                              Millis{0}, false};
}

void Engine::leave_step(Millis now) {
    m_left[static_cast<std::size_t>(m_draft.step)] = m_draft.remaining(now);
}

void Engine::leave_steps_for(Phase phase) {
    m_draft.phase = phase;
    m_draft.step = -1;
    m_draft.timer = {};
}

void Engine::go_idle() {
    leave_steps_for(Phase::Idle);
    std::fill(m_left.begin(), m_left.end(), std::nullopt);  // the next session starts afresh
}

void Engine::toggle_pause(Millis now) {
    auto& timer = m_draft.timer;
    if (timer.paused) {
        timer.deadline = now + timer.remaining_paused;
        timer.paused = false;
    } else {
        timer.remaining_paused = std::max(Millis{0}, timer.deadline - now);
        timer.paused = true;
    }
}

void Engine::extend() {
    auto& timer = m_draft.timer;
    timer.duration += m_rules.extend_step;
    if (timer.paused)
        timer.remaining_paused += m_rules.extend_step;
    else
        timer.deadline += m_rules.extend_step;
}

void Engine::publish(View next) {
    next.version = m_view->version + 1;
    m_view = std::make_shared<const View>(std::move(next));
}

std::vector<Event> Engine::take_applied() { return std::exchange(m_applied, {}); }
std::vector<Effect> Engine::take_effects() { return std::exchange(m_effects, {}); }

std::string_view to_string(EventKind kind) {
    switch (kind) {
    case EventKind::Start: return "start";
    case EventKind::Next: return "next";
    case EventKind::Previous: return "previous";
    case EventKind::TogglePause: return "pause";
    case EventKind::Extend: return "extend";
    case EventKind::TimedOut: return "timed-out";
    }
    return "unknown";
}

}  // namespace kiosk
