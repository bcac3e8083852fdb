#pragma once
// Runs an Engine on its own thread. Producers (keyboard, phones, AI worker) post events to the
// inbox from any thread; the loop applies them in arrival order, wakes itself at the next
// timer deadline, and publishes each new View. Readers take the latest View from any thread.
#include <atomic>
#include <cstdint>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/engine.hpp"

namespace kiosk {

class EngineLoop {
public:
    struct Hooks {
        // Called on the engine thread after each batch. Keep them short: they delay the engine.
        std::function<void(const std::shared_ptr<const View>&)> on_view;
        std::function<void(Effect)> on_effect;
        std::function<void(const std::vector<Event>&)> on_applied;
        // Write-ahead: called with each batch of incoming events before any is applied, with
        // everything the engine would choose already filled in (Engine::prepare). Returns false
        // when they could not be saved: phones' events are then refused with NotSaved (nobody
        // is told "saved" for what is not); the room's own keys still work.
        std::function<bool(const std::vector<Event>&)> write_ahead;
        // After a batch: the event at `index` in it opened (true) or closed (false) a session.
        std::function<void(std::size_t index, bool opened)> on_session;
        // What the engine settled (fact.hpp), right after the event or the tick that settled it
        // and before a session mark of the same event: the journal keeps it with its session.
        std::function<void(const std::vector<Fact>&)> on_facts;
    };

    EngineLoop(Engine& engine, const Clock& clock, Hooks hooks);
    ~EngineLoop();
    EngineLoop(const EngineLoop&) = delete;
    EngineLoop& operator=(const EngineLoop&) = delete;

    using Reply = std::function<void(const Outcome&)>;

    // Any thread: stamps the event with the clock's monotonic time and queues it.
    void post(EventKind kind);
    // Any thread: the same for a whole event (from a phone). `reply` runs on the engine thread
    // once the event is applied, journaled and its View published; keep it short.
    void submit(Event event, Reply reply);
    // Any thread: re-check deadlines now (after a FakeClock advanced, in tests).
    void wake();
    // Any thread: the latest published View.
    std::shared_ptr<const View> view() const;
    void stop();
    // Any thread: how many rounds the loop has finished; a wake() makes one more (the service
    // watchdog's sign of life).
    std::uint64_t rounds() const { return m_rounds.load(std::memory_order_relaxed); }
    // Test-only fault (VITALE_KIOSK_TEST_HANG=engine): the loop stops applying anything, as a
    // deadlock would, until stop().
    void hang_for_testing();

private:
    void run();
    // Until there is work: an event, a poke, a stop, or the engine's next deadline.
    void wait_for_work(std::unique_lock<std::mutex>& lock);
    void drain_outbox();
    void flush_facts();

    Engine& m_engine;
    const Clock& m_clock;
    Hooks m_hooks;
    mutable std::mutex m_mutex;
    std::condition_variable m_wakeup;
    struct Pending {
        Event event;
        Reply reply;
    };
    // One batch taken from the inbox, outside the lock: admitted, written ahead, applied,
    // published, then answered.
    void handle(std::deque<Pending>& batch);
    std::deque<Pending> m_inbox;
    bool m_poked = false;
    bool m_stopping = false;
    bool m_hung = false;
    std::atomic<std::uint64_t> m_rounds{0};
    std::shared_ptr<const View> m_published;
    std::thread m_thread;
};

}  // namespace kiosk
