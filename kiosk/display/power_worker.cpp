#include "kiosk/display/power_worker.hpp"

#include <algorithm>

#include "kiosk/core/log_prefix.hpp"

namespace kiosk::display {

PowerWorker::PowerWorker(std::unique_ptr<DisplaySwitch> display, std::chrono::milliseconds first_retry)
    : m_name{display->name()}, m_shared{std::make_shared<Shared>()} {
    m_shared->display = std::move(display);
    m_thread = std::thread{[shared = m_shared, name = m_name, first_retry] { run(shared, name, first_retry); }};
}

PowerWorker::~PowerWorker() {
    bool busy = false;
    {
        std::lock_guard lock{m_shared->mutex};
        m_shared->stop = true;
        busy = m_shared->busy;
    }
    m_shared->changed.notify_all();
    // Idle, the thread sees the stop at once; in a command (at most its timeouts, or a slow
    // name lookup) it is left to finish on its own with the state it shares.
    if (busy) m_thread.detach();
    else m_thread.join();
}

void PowerWorker::want(bool on) {
    {
        std::lock_guard lock{m_shared->mutex};
        if (m_shared->progress.wanted == on) return;
        m_shared->progress.wanted = on;
    }
    m_shared->changed.notify_all();
}

PowerWorker::Progress PowerWorker::progress() const {
    std::lock_guard lock{m_shared->mutex};
    return m_shared->progress;
}

bool PowerWorker::settle(std::chrono::milliseconds timeout) const {
    std::unique_lock lock{m_shared->mutex};
    const auto& progress = m_shared->progress;
    const int before = progress.commands;
    return m_shared->changed.wait_for(lock, timeout, [&] {
        return !m_shared->busy && (progress.wanted == progress.reached || progress.commands > before);
    });
}

void PowerWorker::run(const std::shared_ptr<Shared>& shared, std::string name, std::chrono::milliseconds first_retry) {
    auto& progress = shared->progress;
    std::unique_lock lock{shared->mutex};
    auto retry = first_retry;
    std::string logged;  // the problem last logged: each is said once
    for (;;) {
        shared->changed.wait(lock, [&] { return shared->stop || (progress.wanted && progress.wanted != progress.reached); });
        if (shared->stop) return;
        const bool on = *progress.wanted;
        shared->busy = true;
        lock.unlock();
        const auto result = shared->display->set_power(on);
        lock.lock();
        shared->busy = false;
        ++progress.commands;
        if (result.ok) {
            progress.reached = on;
            progress.problem.clear();
            retry = first_retry;
            if (!logged.empty()) LogLine{Priority::Notice} << "display: " << name << " answers again";
            logged.clear();
            LogLine{Priority::Info} << "display: " << name << (on ? " switched on" : " switched off");
        } else {
            // The command may have arrived all the same (a reply lost, a TV that obeys and says
            // no): what the display does now is unknown, so the next wish goes out whatever it is.
            progress.reached.reset();
            progress.problem = result.error;
            if (result.error != logged) {
                LogLine{Priority::Warning} << "display: cannot switch " << (on ? "on" : "off") << " through " << name << ": "
                                           << result.error << (on ? "" : "; the screen stays black") << " (retrying)";
                logged = result.error;
            }
        }
        shared->changed.notify_all();
        if (result.ok) continue;
        // A failed wish is tried again later, unless a newer one (or the stop) comes first.
        shared->changed.wait_for(lock, retry, [&] { return shared->stop || progress.wanted != on; });
        retry = std::min<std::chrono::milliseconds>(retry * 2, std::chrono::minutes{5});
    }
}

}  // namespace kiosk::display
