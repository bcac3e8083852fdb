#include "bench/soak_kiosk.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <thread>

#include "kiosk/system/free_memory.hpp"
#include "kiosk/core/local_time.hpp"
#include "kiosk/store/outcome_record.hpp"
#include "kiosk/tools/session_files.hpp"
#include "scenes/widgets.hpp"

namespace kiosk::bench {

namespace {

// A number from a PRAGMA on a read-only connection; -1 when it cannot be read.
std::int64_t pragma_number(sqlite3* db, const char* sql) {
    sqlite3_stmt* statement = nullptr;
    std::int64_t value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
        value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return value;
}

// Bytes of the pages the database holds, read beside the journal's own connection (a reader in
// WAL mode sees the last commit, the log's pages included, and never blocks the writer).
std::int64_t bytes_in_use(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    std::int64_t used = -1;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        const auto pages = pragma_number(db, "PRAGMA page_count");
        const auto free_pages = pragma_number(db, "PRAGMA freelist_count");
        const auto page_size = pragma_number(db, "PRAGMA page_size");
        if (pages >= 0 && free_pages >= 0 && page_size > 0) used = (pages - free_pages) * page_size;
    }
    sqlite3_close(db);
    return used;
}

std::uintmax_t size_of(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    return error ? 0 : size;
}

int minutes_of(Millis time) { return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(time).count()); }

}  // namespace

SoakKiosk::SoakKiosk(const SoakKioskSetup& setup)
    : m_config{setup.config},
      m_dir{setup.data_dir},
      m_clock{setup.start},
      m_journal{m_dir},
      m_engine{m_config.library, m_config.settings.timers, m_config.settings.session},
      m_loop{m_engine, m_clock, hooks()},
      m_reservation{std::make_unique<net::PortReservation>(0)},
      m_port{m_reservation->port()},
      m_api{api_setup(setup)} {
    m_ai = std::make_unique<ai::AiWorker>(ai_setup());
    net::ServerLimits limits;
    // Each phone holds a connection and a stream; should they share 127.0.0.1, they still fit.
    limits.connections_per_address = std::max(m_config.settings.connections_per_address, 2 * setup.phones + 2);
    m_server = std::make_unique<net::HttpServer>(
        m_reservation->release(),
        [this](net::HttpRequest request, net::Responder responder) { m_api.handle(std::move(request), std::move(responder)); },
        [this](const std::string& key) { return m_api.render(key); }, limits);
    m_reservation.reset();
    m_publish_to = m_server.get();
}

SoakKiosk::~SoakKiosk() {
    // As the live kiosk: the engine first (unanswered phone requests are dropped while the
    // server that would carry their replies still exists), then the AI worker, then the server.
    m_loop.stop();
    m_ai.reset();
    m_publish_to = nullptr;
    m_server.reset();
}

EngineLoop::Hooks SoakKiosk::hooks() {
    // Member by member: the hooks grow now and then (a new one stays empty here).
    EngineLoop::Hooks wired;
    wired.on_view = [this](const std::shared_ptr<const View>& published) {
        if (auto* server = m_publish_to.load()) server->publish();
        if (published->phase == Phase::WrapUp) write_exports(*published);
    };
    wired.on_effect = [this](Effect effect) {
        if (effect == Effect::AskAi && m_ai) m_ai->ask(m_engine.shared_view());  // the engine's thread
        if (effect == Effect::CancelAi && m_ai) m_ai->cancel();
    };
    wired.write_ahead = [this](const std::vector<Event>& batch) {
        std::lock_guard lock{m_journal_mutex};
        try {
            m_journal.append(batch, m_clock);
            return true;
        } catch (const store::StoreError& error) {
            if (m_store_failures++ == 0) std::fprintf(stderr, "soak: %s\n", error.what());
            return false;
        }
    };
    wired.on_session = [this](std::size_t index, bool opened) {
        if (!opened) system::release_free_memory();  // as live_kiosk.cpp does
        std::lock_guard lock{m_journal_mutex};
        try {
            // As live_kiosk.cpp: a closed session's outcome recorded with its close.
            const auto closed = opened ? nullptr : m_engine.closed_session();
            m_journal.mark_session(index, opened, closed ? store::outcome_record(*closed) : std::string{});
        } catch (const store::StoreError& error) {
            if (m_store_failures++ == 0) std::fprintf(stderr, "soak: %s\n", error.what());
        }
    };
    wired.on_facts = [this](const std::vector<Fact>& facts) {
        std::lock_guard lock{m_journal_mutex};
        try {
            m_journal.append_facts(facts, m_clock);
        } catch (const store::StoreError& error) {
            if (m_store_failures++ == 0) std::fprintf(stderr, "soak: %s\n", error.what());
        }
    };
    return wired;
}

ai::WorkerSetup SoakKiosk::ai_setup() {
    ai::WorkerSetup setup;
    setup.settings = m_config.settings.ai;
    setup.prompt = m_config.prompt;
    setup.room = m_config.settings.room_name;
    setup.manual = true;  // whatever kiosk.json says: the bench talks to nothing beyond 127.0.0.1
    setup.now = [this] { return m_clock.monotonic(); };
    setup.log = [](const std::string& line) { std::fprintf(stderr, "soak: %s\n", line.c_str()); };
    setup.post = [this](Event event, Millis) { m_loop.submit(std::move(event), nullptr); };
    return setup;
}

net::PhoneApiSetup SoakKiosk::api_setup(const SoakKioskSetup& setup) {
    const auto& settings = m_config.settings;
    return {m_loop,
            m_clock,
            m_config.phone_strings,
            settings.language,
            settings.session.max_text,
            settings.session.show_names,
            setup.requests_per_minute,
            minutes_of(settings.timers.extend_step),
            std::max(settings.joins_per_address, setup.phones),  // in case the phones share 127.0.0.1
            [this](const View& view) { return scenes::question_of_the_week(*view.content, to_local(m_clock.wall())); },
            [this](const View& shown, const std::string& format) { return tools::session_export(m_config, m_clock, shown, format); },
            date_words(m_config.strings),
            settings.wrong_code_budget,
            net::accepted_hosts("http://127.0.0.1:" + std::to_string(m_port), m_port),
            [this](const View& view) {
                return coffee_question(view.coffee, true, scenes::question_of_the_week(*view.coffee_format(), to_local(m_clock.wall())));
            },
            "open"};
}

void SoakKiosk::write_exports(const View& wrap_up) {
    if (wrap_up.join_token == m_exported) return;
    m_exported = wrap_up.join_token;
    std::lock_guard lock{m_journal_mutex};
    try {
        if (const auto session = m_journal.open_session_record()) {
            tools::write_session_exports(m_dir, *session, m_config, m_clock, wrap_up);
            ++m_exports;
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "soak: the session's outcome files: %s\n", error.what());
    }
}

bool SoakKiosk::press(EventKind kind) {
    const auto before = view()->version;
    m_loop.post(kind);
    return wait_until([before](const View& now) { return now.version != before; }, std::chrono::seconds{2});
}

bool SoakKiosk::wait_until(const std::function<bool(const View&)>& done, std::chrono::milliseconds limit) const {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done(*view())) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds{1});
    }
    return true;
}

void SoakKiosk::pass(Millis time) {
    m_clock.advance(time);
    m_loop.wake();
}

store::RetentionResult SoakKiosk::run_retention() {
    const auto cutoff = m_clock.wall() - std::chrono::hours{24} * m_config.settings.retention_days;
    std::lock_guard lock{m_journal_mutex};
    try {
        return store::apply_retention(m_journal, m_dir, std::chrono::duration_cast<Millis>(cutoff.time_since_epoch()).count());
    } catch (const store::StoreError& error) {
        std::fprintf(stderr, "soak: retention: %s\n", error.what());
        return {};
    }
}

std::int64_t SoakKiosk::sqlite_heap() { return sqlite3_memory_used(); }

JournalSize SoakKiosk::journal_size() const {
    std::lock_guard lock{m_journal_mutex};
    const auto& file = m_journal.file();
    return {size_of(file), size_of(file.string() + "-wal"), bytes_in_use(file)};
}

}  // namespace kiosk::bench
