#include "kiosk/core/engine_loop.hpp"

namespace kiosk {

EngineLoop::EngineLoop(Engine& engine, const Clock& clock, Hooks hooks)
    : m_engine{engine}, m_clock{clock}, m_hooks{std::move(hooks)},
      m_published{engine.shared_view()} {
    m_thread = std::thread([this] { run(); });
}

EngineLoop::~EngineLoop() { stop(); }

void EngineLoop::post(EventKind kind) { submit(Event{kind}, nullptr); }

void EngineLoop::submit(Event event, Reply reply) {
    {
        std::lock_guard lock{m_mutex};
        // After stop() nothing is applied any more: a late request's reply (which may hold its
        // connection) is dropped here, not left in an inbox that outlives the server.
        if (m_stopping) return;
        event.at = m_clock.monotonic();  // under the lock: the inbox stays in time order
        m_inbox.push_back({std::move(event), std::move(reply)});
    }
    m_wakeup.notify_one();
}

void EngineLoop::wake() {
    {
        std::lock_guard lock{m_mutex};
        m_poked = true;
    }
    m_wakeup.notify_one();
}

std::shared_ptr<const View> EngineLoop::view() const {
    std::lock_guard lock{m_mutex};
    return m_published;
}

void EngineLoop::stop() {
    {
        std::lock_guard lock{m_mutex};
        m_stopping = true;
    }
    m_wakeup.notify_one();
    if (m_thread.joinable()) m_thread.join();
    // Unanswered requests are dropped now, while whoever waits for their replies still exists.
    std::lock_guard lock{m_mutex};
    m_inbox.clear();
}

void EngineLoop::hang_for_testing() {
    {
        std::lock_guard lock{m_mutex};
        m_hung = true;
    }
    m_wakeup.notify_one();
}

void EngineLoop::run() {
    std::unique_lock lock{m_mutex};
    while (!m_stopping) {
        if (m_hung) m_wakeup.wait(lock, [this] { return m_stopping; });
        wait_for_work(lock);
        if (m_hung) m_wakeup.wait(lock, [this] { return m_stopping; });  // injected while waiting
        if (m_stopping) break;
        std::deque<Pending> batch;
        batch.swap(m_inbox);
        m_poked = false;
        lock.unlock();
        handle(batch);
        m_rounds.fetch_add(1, std::memory_order_relaxed);
        lock.lock();
    }
}

void EngineLoop::wait_for_work(std::unique_lock<std::mutex>& lock) {
    const auto deadline = m_engine.next_deadline();
    const auto ready = [this] { return m_stopping || m_poked || !m_inbox.empty(); };
    if (!deadline) return m_wakeup.wait(lock, ready);
    // Sleep on the real steady clock for the time the injected clock says is left; a
    // FakeClock in tests sees a long wait cut short by wake().
    const Millis left = *deadline - m_clock.monotonic();
    if (left > Millis{0}) m_wakeup.wait_for(lock, left, ready);
}

void EngineLoop::handle(std::deque<Pending>& batch) {
    const auto before = m_engine.view().version;
    // What a stranger sends is refused here, before anything is written (Engine::admit).
    std::vector<Status> admitted(batch.size(), Status::Ok);
    Engine::Reserved reserved;
    for (std::size_t i = 0; i < batch.size(); ++i) admitted[i] = m_engine.admit(batch[i].event, reserved);
    // What the engine chooses (tokens, codes, whether an answer waits) is filled in first,
    // journal or not, so what is written and what is applied are the same event.
    std::vector<Event> incoming;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (admitted[i] != Status::Ok) continue;
        m_engine.prepare(batch[i].event);
        incoming.push_back(batch[i].event);
    }
    const bool saved = !m_hooks.write_ahead || incoming.empty() || m_hooks.write_ahead(incoming);
    std::vector<std::pair<Reply, Outcome>> replies;
    std::size_t written = 0;  // the index of an event within what was written
    for (std::size_t i = 0; i < batch.size(); ++i) {
        auto& pending = batch[i];
        if (admitted[i] != Status::Ok || (!saved && pending.event.from.is_phone())) {
            Outcome refused;
            refused.version = before;
            refused.status = admitted[i] != Status::Ok ? admitted[i] : Status::NotSaved;
            if (pending.reply) replies.emplace_back(std::move(pending.reply), refused);
            continue;
        }
        const bool was_open = m_engine.view().session_open();
        const auto outcome = m_engine.apply(pending.event);
        flush_facts();
        if (m_hooks.on_session && was_open != m_engine.view().session_open()) m_hooks.on_session(written, !was_open);
        ++written;
        if (pending.reply) replies.emplace_back(std::move(pending.reply), outcome);
    }
    m_engine.tick(m_clock.monotonic());
    flush_facts();
    drain_outbox();  // the journal commits the whole batch here, before anyone hears of it
    if (m_engine.view().version != before) {
        auto view = m_engine.shared_view();
        {
            std::lock_guard publish_lock{m_mutex};
            m_published = view;
        }
        if (m_hooks.on_view) m_hooks.on_view(view);
    }
    for (auto& [reply, outcome] : replies) reply(outcome);
}

void EngineLoop::flush_facts() {
    auto facts = m_engine.take_facts();
    if (!facts.empty() && m_hooks.on_facts) m_hooks.on_facts(facts);
}

void EngineLoop::drain_outbox() {
    auto applied = m_engine.take_applied();
    if (!applied.empty() && m_hooks.on_applied) m_hooks.on_applied(applied);
    for (const auto effect : m_engine.take_effects())
        if (m_hooks.on_effect) m_hooks.on_effect(effect);
}

}  // namespace kiosk
