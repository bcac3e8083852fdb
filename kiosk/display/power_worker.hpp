#pragma once
// Switches the display on or off on a thread of its own, so that a projector that does not
// answer (PJLink's timeouts, a name the resolver is slow on, a CEC bus, a slow I2C monitor)
// never holds up the screen. The screen says what it wants; the worker does the newest wish,
// retries a failed one (after 30 s, then longer, at most every 5 minutes), and logs each
// problem once, and when it is over. After a failure the display's state is unknown, so the
// next wish is always sent, also one equal to the last that worked.
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
    // Never waits for a command under way: the thread then finishes it on its own and ends.
    ~PowerWorker();
    PowerWorker(const PowerWorker&) = delete;
    PowerWorker& operator=(const PowerWorker&) = delete;

    // On (true) or off; returns at once.
    void want(bool on);
    std::string name() const { return m_name; }

    struct Progress {
        std::optional<bool> wanted;
        std::optional<bool> reached;  // what the display last took; unknown after a failure
        std::string problem;          // the last failure, until a command succeeds
        int commands = 0;             // commands sent (a retry counts)
    };
    Progress progress() const;
    // Waits until the newest wish is done or has failed once more (tests, bench); false on timeout.
    bool settle(std::chrono::milliseconds timeout) const;

private:
    // What the thread and this object share; the thread keeps it alive when it outlives us.
    struct Shared {
        std::unique_ptr<DisplaySwitch> display;
        std::mutex mutex;
        std::condition_variable changed;
        Progress progress;
        bool busy = false;
        bool stop = false;
    };
    static void run(const std::shared_ptr<Shared>& shared, std::string name, std::chrono::milliseconds first_retry);

    const std::string m_name;
    std::shared_ptr<Shared> m_shared;
    std::thread m_thread;
};

}  // namespace kiosk::display
