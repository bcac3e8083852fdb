#pragma once
// The kiosk as a systemd service (Type=notify, WatchdogSec=): READY=1 once the first frame is
// on the screen, and WATCHDOG=1 only while both the screen loop and the engine loop make
// progress, so that systemd restarts a frozen screen or a stuck engine. Each round (half of
// WATCHDOG_USEC) both loops are pinged; the next round sends WATCHDOG=1 only when both answered.
// Outside systemd (no $NOTIFY_SOCKET) every call does nothing.
//
// Test-only fault injection: VITALE_KIOSK_TEST_HANG=screen[:SECONDS] or engine[:SECONDS]
// makes that loop hang SECONDS (default 0) after READY=1, as a deadlock would. Never set it on
// a room PC: the watchdog then restarts the kiosk.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace kiosk::system {

// What systemd tells a service through its environment.
struct ServiceEnvironment {
    std::string notify_socket;                                // $NOTIFY_SOCKET ("" outside systemd)
    std::optional<std::chrono::microseconds> watchdog;        // $WATCHDOG_USEC
    std::optional<std::string> test_hang;                     // $VITALE_KIOSK_TEST_HANG
    static ServiceEnvironment of_process();
};

// Sends one sd_notify message ("READY=1", "WATCHDOG=1", ...) to the socket; false when it
// could not. A socket starting with '@' is in the abstract namespace.
bool notify_systemd(const std::string& socket, std::string_view message);

class ServiceWatchdog {
public:
    struct EngineSide {
        std::function<void()> ping;                 // wakes the engine loop (EngineLoop::wake)
        std::function<std::uint64_t()> rounds;      // its rounds so far (EngineLoop::rounds)
        std::function<void()> hang;                 // test fault (EngineLoop::hang_for_testing)
    };

    ServiceWatchdog(ServiceEnvironment environment, EngineSide engine);
    ~ServiceWatchdog();  // STOPPING=1
    ServiceWatchdog(const ServiceWatchdog&) = delete;
    ServiceWatchdog& operator=(const ServiceWatchdog&) = delete;

    // The screen loop's side, from its thread. `wake` must be safe from any thread (SDL_PushEvent).
    void attach_screen(std::function<void()> wake);
    void screen_answered() { m_screen_answers.fetch_add(1, std::memory_order_relaxed); }
    bool screen_should_hang() const { return m_hang_screen.load(); }
    // The first frame is on the screen: READY=1, and the watchdog's rounds begin.
    void first_frame_shown(const std::string& status);

private:
    void run();
    void send(std::string_view message) const;

    ServiceEnvironment m_environment;
    EngineSide m_engine;
    std::atomic<std::uint64_t> m_screen_answers{0};
    std::atomic<bool> m_hang_screen{false};
    std::mutex m_mutex;
    std::condition_variable m_wakeup;
    std::function<void()> m_wake_screen;
    bool m_ready = false, m_stopping = false;
    std::thread m_thread;
};

}  // namespace kiosk::system
