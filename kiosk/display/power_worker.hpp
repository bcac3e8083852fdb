#pragma once
// Switches the display on or off on a thread of its own, so that a projector that does not
// answer (PJLink's timeouts, a CEC bus, a slow I2C monitor) never holds up the screen. The
// screen says what it wants; the worker does the newest wish, retries a failed one (after 30 s,
// then longer, at most every 5 minutes), and logs each problem once, and when it is over.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/display/display_switch.hpp"

namespace kiosk::display {

class PowerWorker {
public:
    explicit PowerWorker(std::unique_ptr<DisplaySwitch> display, std::chrono::milliseconds first_retry = std::chrono::seconds{30});
    ~PowerWorker();  // waits for a command under way (bounded by the switch's timeouts)
    PowerWorker(const PowerWorker&) = delete;
    PowerWorker& operator=(const PowerWorker&) = delete;

    // On (true) or off; returns at once.
    void want(bool on);
    std::string name() const { return m_name; }

    struct Progress {
        std::optional<bool> wanted;
        std::optional<bool> reached;  // what the display last took
        std::string problem;          // the last failure, until a command succeeds
        int commands = 0;             // commands sent (a retry counts)
    };
    Progress progress() const;
    // Waits until the newest wish is done or has failed once more (tests, bench); false on timeout.
    bool settle(std::chrono::milliseconds timeout) const;

private:
    void run();

    std::unique_ptr<DisplaySwitch> m_display;
    const std::string m_name;
    const std::chrono::milliseconds m_first_retry;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    Progress m_progress;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace kiosk::display
