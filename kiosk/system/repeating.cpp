#include "kiosk/system/repeating.hpp"

namespace kiosk::system {

Repeating::Repeating(std::chrono::milliseconds every, std::function<void()> run)
    : m_thread{[this, every, run = std::move(run)] {
          std::unique_lock lock{m_mutex};
          while (!m_wakeup.wait_for(lock, every, [this] { return m_stopping; })) {
              lock.unlock();
              run();
              lock.lock();
          }
      }} {}

Repeating::~Repeating() {
    {
        std::lock_guard lock{m_mutex};
        m_stopping = true;
    }
    m_wakeup.notify_all();
    m_thread.join();
}

}  // namespace kiosk::system
