#pragma once
// A job that runs every so often on its own thread, stopped (and joined) when destroyed.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace kiosk::system {

// Calls `run` every `every` on its own thread until destroyed (the first call after `every`).
class Repeating {
public:
    Repeating(std::chrono::milliseconds every, std::function<void()> run);
    ~Repeating();
    Repeating(const Repeating&) = delete;
    Repeating& operator=(const Repeating&) = delete;

private:
    std::mutex m_mutex;
    std::condition_variable m_wakeup;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace kiosk::system
