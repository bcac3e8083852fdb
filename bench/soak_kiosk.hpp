#pragma once
// The kiosk without its screen, for the soak: the real config, the engine on its thread, the
// journal in a data folder (write-ahead, session marks, the outcome files at the wrap-up, the
// retention), the AI worker on the manual route (it builds the real prompt; no service is ever
// asked), the phone API and the HTTP server on an ephemeral port, all on a FakeClock. Wired as
// kiosk/app/live_kiosk.cpp wires them. Built and driven from the bench's main thread; the
// hooks run on the engine thread.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "kiosk/ai/ai_worker.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/engine_loop.hpp"
#include "kiosk/net/http_server.hpp"
#include "kiosk/net/phone_address.hpp"
#include "kiosk/net/phone_api.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/store/retention.hpp"

namespace kiosk::bench {

struct SoakKioskSetup {
    const Config& config;
    std::filesystem::path data_dir;  // made fresh by the caller
    WallTime start;                  // the fake clock's wall time at start
    int phones = 12;                 // devices one session has (the per-address limits allow them)
    int requests_per_minute = 60;    // per phone (the soak compresses a month: phones are quick)
};

// The journal's size: the files on disk, and the bytes of the pages the database holds (what
// the file would be after a checkpoint; the write-ahead log's newest pages included).
struct JournalSize {
    std::uintmax_t file = 0;  // vitale.sqlite3
    std::uintmax_t wal = 0;   // vitale.sqlite3-wal
    std::int64_t used = 0;    // (page_count - freelist_count) × page_size; -1 when unreadable
};

class SoakKiosk {
public:
    explicit SoakKiosk(const SoakKioskSetup& setup);
    ~SoakKiosk();
    SoakKiosk(const SoakKiosk&) = delete;
    SoakKiosk& operator=(const SoakKiosk&) = delete;

    int port() const { return m_port; }
    const FakeClock& clock() const { return m_clock; }
    std::shared_ptr<const View> view() const { return m_loop.view(); }
    net::ServerStats server_stats() const { return m_server->stats(); }

    // The room's key (Sender::room(), as the screen loop posts it); returns once the engine
    // has applied it, false when nothing changed within 2 s.
    bool press(EventKind kind);
    // Waits (real time, up to `limit`) until the published View satisfies `done`.
    bool wait_until(const std::function<bool(const View&)>& done, std::chrono::milliseconds limit) const;
    // Fake time passes; the engine looks at its deadlines.
    void pass(Millis time);

    // Retention as the live kiosk runs it daily (kiosk/store/retention.hpp), with the cutoff
    // taken from the fake clock: sessions closed retention_days ago, with their files.
    store::RetentionResult run_retention();
    JournalSize journal_size() const;
    // Bytes SQLite has allocated in this process (its page caches above all).
    static std::int64_t sqlite_heap();
    int store_failures() const { return m_store_failures.load(); }
    int exports_written() const { return m_exports.load(); }

private:
    EngineLoop::Hooks hooks();
    ai::WorkerSetup ai_setup();
    net::PhoneApiSetup api_setup(const SoakKioskSetup& setup);
    void write_exports(const View& wrap_up);  // engine thread

    const Config& m_config;
    std::filesystem::path m_dir;
    FakeClock m_clock;
    // The engine thread writes the journal; retention (the main thread, between sessions) too.
    mutable std::mutex m_journal_mutex;
    store::Journal m_journal;
    Engine m_engine;
    std::atomic<net::HttpServer*> m_publish_to{nullptr};
    std::unique_ptr<ai::AiWorker> m_ai;  // made once the loop exists; stopped before it
    std::string m_exported;              // the join token of the session last written (engine thread)
    std::atomic<int> m_exports{0};
    std::atomic<int> m_store_failures{0};
    EngineLoop m_loop;
    std::unique_ptr<net::PortReservation> m_reservation;  // until the server takes the socket
    int m_port;
    net::PhoneApi m_api;
    std::unique_ptr<net::HttpServer> m_server;
};

}  // namespace kiosk::bench
