#include "kiosk/display/power_worker.hpp"

#include <algorithm>

#include "kiosk/core/log_prefix.hpp"

namespace kiosk::display {

PowerWorker::PowerWorker(std::unique_ptr<DisplaySwitch> display, std::chrono::milliseconds first_retry)
    : m_display{std::move(display)}, m_name{m_display->name()}, m_first_retry{first_retry}, m_thread{[this] { run(); }} {}

PowerWorker::~PowerWorker() {
    {
        std::lock_guard lock{m_mutex};
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void PowerWorker::want(bool on) {
    {
        std::lock_guard lock{m_mutex};
        if (m_progress.wanted == on) return;
        m_progress.wanted = on;
    }
    m_changed.notify_all();
}

PowerWorker::Progress PowerWorker::progress() const {
    std::lock_guard lock{m_mutex};
    return m_progress;
}

bool PowerWorker::settle(std::chrono::milliseconds timeout) const {
    std::unique_lock lock{m_mutex};
    const int before = m_progress.commands;
    return m_changed.wait_for(lock, timeout, [&] {
        return !m_busy && (m_progress.wanted == m_progress.reached || m_progress.commands > before);
    });
}

void PowerWorker::run() {
    std::unique_lock lock{m_mutex};
    auto retry = m_first_retry;
    std::string logged;  // the problem last logged: each is said once
    for (;;) {
        m_changed.wait(lock, [&] { return m_stop || (m_progress.wanted && m_progress.wanted != m_progress.reached); });
        if (m_stop) return;
        const bool on = *m_progress.wanted;
        m_busy = true;
        lock.unlock();
        const auto result = m_display->set_power(on);
        lock.lock();
        m_busy = false;
        ++m_progress.commands;
        if (result.ok) {
            m_progress.reached = on;
            m_progress.problem.clear();
            retry = m_first_retry;
            if (!logged.empty()) LogLine{Priority::Notice} << "display: " << m_name << " answers again";
            logged.clear();
            LogLine{Priority::Info} << "display: " << m_name << (on ? " switched on" : " switched off");
        } else {
            m_progress.problem = result.error;
            if (result.error != logged) {
                LogLine{Priority::Warning} << "display: cannot switch " << (on ? "on" : "off") << " through " << m_name << ": "
                                           << result.error << (on ? "" : "; the screen stays black") << " (retrying)";
                logged = result.error;
            }
        }
        m_changed.notify_all();
        if (result.ok) continue;
        // A failed wish is tried again later, unless a newer one (or the stop) comes first.
        const bool wanted_before = on;
        m_changed.wait_for(lock, retry, [&] { return m_stop || m_progress.wanted != wanted_before; });
        retry = std::min<std::chrono::milliseconds>(retry * 2, std::chrono::minutes{5});
    }
}

}  // namespace kiosk::display
