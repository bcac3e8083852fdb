#include "kiosk/store/journal.hpp"

#include "kiosk/core/actions.hpp"

#include "kiosk/store/event_row.hpp"
#include "kiosk/store/outcome_record.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <memory>

namespace kiosk::store {

namespace {

// Schema 1. Migrations run in order from the file's version up to k_schema_version; a new
// schema adds an entry here and never edits an old one.
const std::vector<const char*> k_migrations{
    // 1: the event log, session boundaries in meta.
    "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_wall_ms INTEGER NOT NULL);"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE events ("
    "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  wall_ms INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  participant TEXT NOT NULL,"
    "  stage TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  note INTEGER NOT NULL,"
    "  dots TEXT NOT NULL,"
    "  flag INTEGER NOT NULL);",
    // 2: sessions as rows (history, exports, forgetting); the open one carried over from meta.
    "CREATE TABLE sessions ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  opened_seq INTEGER NOT NULL,"
    "  closed_seq INTEGER,"
    "  opened_wall_ms INTEGER NOT NULL,"
    "  closed_wall_ms INTEGER);"
    "INSERT INTO sessions (opened_seq, opened_wall_ms)"
    "  SELECT CAST(value AS INTEGER), (SELECT wall_ms FROM events WHERE seq = CAST(meta.value AS INTEGER))"
    "  FROM meta WHERE key = 'open_session_from' AND value != ''"
    "  AND EXISTS (SELECT 1 FROM events WHERE seq = CAST(meta.value AS INTEGER));"
    "DELETE FROM meta WHERE key = 'open_session_from';",
    // 3: who sent each event, as the transport set it (a request never says it is the room).
    // Before, an empty participant meant the room or, for the clock's and the AI's kinds, the system.
    "ALTER TABLE events ADD COLUMN sender TEXT NOT NULL DEFAULT 'room';"
    "UPDATE events SET sender = CASE"
    "  WHEN participant != '' THEN 'participant'"
    "  WHEN kind IN ('ai-prompt', 'ai-text', 'ai-end', 'timed-out', 'part-ended', 'window-ended') THEN 'system'"
    "  ELSE 'room' END;",
    // 4: what a session settled, as facts, each session's rules version and, once it is
    // finished, its recorded outcome (a table of its own: the sessions table stays small, it is
    // read at every start): history reads these, never a re-run under newer rules. The sessions
    // recorded before are completed by store/upgrade.cpp (it needs the engine).
    "ALTER TABLE sessions ADD COLUMN rules INTEGER;"
    "CREATE TABLE outcomes (session_id INTEGER PRIMARY KEY, record TEXT NOT NULL);"
    "CREATE TABLE facts ("
    "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  session_id INTEGER NOT NULL,"
    "  wall_ms INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  body TEXT NOT NULL);"
    "CREATE INDEX facts_by_session ON facts (session_id, seq);"
    // The coffee corner's last two weeks are read at every start: by time, not by a whole scan.
    "CREATE INDEX events_by_wall ON events (wall_ms);",
};

struct StatementDeleter {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

std::int64_t now_wall_ms() {
    return std::chrono::duration_cast<Millis>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// A text column with its stored length: a NUL inside stays (and is then refused by the rules).
std::string column_text(sqlite3_stmt* statement, int column) {
    const auto* text = sqlite3_column_text(statement, column);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement, column))};
}

// Binds a string with its length: text with an embedded NUL is stored whole, never cut short.
void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
    sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

}  // namespace

Journal::Journal(const std::filesystem::path& data_dir) : m_file{data_dir / k_file_name} {
    // A constructor that throws gets no destructor call: close the handle here.
    const auto close = [this] {
        if (m_db) sqlite3_close(m_db);
        m_db = nullptr;
    };
    try {
        open_and_migrate();
    } catch (const StoreError&) {
        close();
        throw;
    } catch (const std::exception& error) {
        close();
        throw StoreError{m_file.string() + ": " + error.what()};
    }
}

Journal::~Journal() {
    if (m_db) sqlite3_close(m_db);
}

void Journal::exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string reason = message ? message : sqlite3_errmsg(m_db);
        sqlite3_free(message);
        throw StoreError{m_file.string() + ": " + reason};
    }
}

void Journal::open_and_migrate() {
    open_file();
    // A file that is not a database, or is damaged, shows here; it is moved aside, not deleted.
    if (!passes_quick_check()) {
        move_aside();
        open_file();
    }
    // WAL: readers never block the writer. synchronous=FULL: each commit is flushed to disk
    // before it returns, so a contribution a phone was told is saved survives a power cut
    // (NORMAL would only survive a crash of the program). One flush per batch, not per phone.
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    migrate(query_int("SELECT max(version) FROM schema_version").value_or(0));
    m_found_schema = query_int("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'found_schema'").value_or(k_schema_version);
}

void Journal::open_file() {
    if (m_db) sqlite3_close(m_db);
    m_db = nullptr;
    if (sqlite3_open_v2(m_file.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        throw StoreError{m_file.string() + ": cannot open (" + std::string{m_db ? sqlite3_errmsg(m_db) : "out of memory"} +
                         "); check that the data folder is writable, or pass --data DIR"};
    sqlite3_busy_timeout(m_db, 2000);
}

bool Journal::passes_quick_check() {
    // Busy is not damaged: a journal the running kiosk holds (--sessions or --doctor beside it)
    // must never be moved aside for that.
    const auto busy = [&](int code) {
        if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
            throw StoreError{m_file.string() + ": busy (the kiosk is writing it); try again in a moment"};
    };
    sqlite3_stmt* raw = nullptr;
    const int prepared = sqlite3_prepare_v2(m_db, "PRAGMA quick_check", -1, &raw, nullptr);
    busy(prepared);
    if (prepared != SQLITE_OK) return false;
    Statement check{raw};
    const int stepped = sqlite3_step(check.get());
    busy(stepped);
    return stepped == SQLITE_ROW && column_text(check.get(), 0) == "ok";
}

void Journal::move_aside() {
    sqlite3_close(m_db);
    m_db = nullptr;
    const auto aside = m_file.string() + ".damaged-" + std::to_string(now_wall_ms());
    std::error_code error;
    std::filesystem::rename(m_file, aside, error);
    if (error) throw StoreError{m_file.string() + ": damaged, and it cannot be moved aside (" + error.message() + ")"};
    for (const char* suffix : {"-wal", "-shm"})
        std::filesystem::rename(m_file.string() + suffix, aside + suffix, error);  // may not exist
    m_notice = m_file.string() + " was damaged; it was moved to " + aside + " and a new journal was started";
}

std::optional<int> Journal::query_int(const char* sql) const {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &raw, nullptr) != SQLITE_OK) return std::nullopt;  // no such table yet
    Statement query{raw};
    if (sqlite3_step(query.get()) != SQLITE_ROW) return std::nullopt;
    return sqlite3_column_int(query.get(), 0);
}

void Journal::migrate(int version) {
    if (version > k_schema_version)
        throw NewerSchemaError{m_file.string() + " was written by a newer Vitale Kiosk (schema " + std::to_string(version) +
                         ", this one knows up to " + std::to_string(k_schema_version) +
                         "); it is left untouched. Update the kiosk, or start with --data OTHER_DIR"};
    for (int next = version + 1; next <= k_schema_version; ++next) {
        exec("BEGIN IMMEDIATE");
        try {
            exec(k_migrations.at(static_cast<std::size_t>(next - 1)));
            const auto record = "INSERT INTO schema_version VALUES (" + std::to_string(next) + ", " +
                                std::to_string(now_wall_ms()) + ")";
            exec(record.c_str());
            // The schema the file came with decides how its older sessions are completed
            // (store/upgrade.cpp); kept until they are, also across a stop in between.
            if (next == 4 && version > 0) {
                const auto found = "INSERT OR REPLACE INTO meta VALUES ('found_schema', '" + std::to_string(version) + "')";
                exec(found.c_str());
            }
            exec("COMMIT");
        } catch (...) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
}

void Journal::completed() {
    exec("DELETE FROM meta WHERE key = 'found_schema'");
    m_found_schema = k_schema_version;
}

void Journal::append(const std::vector<Event>& events, const Clock& clock) {
    if (events.empty()) return;
    // Pieces of an AI answer are written without waiting for the disk: they can be asked for
    // again, and they arrive many times a second. WAL keeps the order, so the next batch with
    // anything people made flushes them too; a power cut loses at most the newest pieces,
    // which replay then shows as an answer that was interrupted.
    const bool only_ai_text =
        std::all_of(events.begin(), events.end(), [](const Event& e) { return e.kind == EventKind::AiText; });
    if (only_ai_text != m_relaxed) {
        exec(only_ai_text ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL");
        m_relaxed = only_ai_text;
    }
    const auto wall_now = std::chrono::duration_cast<Millis>(clock.wall().time_since_epoch()).count();
    const auto mono_now = clock.monotonic().count();
    exec("BEGIN IMMEDIATE");
    try {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(m_db,
                               "INSERT INTO events (wall_ms, kind, sender, participant, stage, text, note, dots, flag) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               -1, &raw, nullptr) != SQLITE_OK)
            throw StoreError{m_file.string() + ": " + sqlite3_errmsg(m_db)};
        Statement insert{raw};
        for (std::size_t i = 0; i < events.size(); ++i) {
            const auto& event = events[i];
            const auto row = to_row(event);
            sqlite3_bind_int64(insert.get(), 1, wall_now - (mono_now - event.at.count()));
            bind_text(insert.get(), 2, row.kind);
            bind_text(insert.get(), 3, row.sender);
            bind_text(insert.get(), 4, row.participant);
            bind_text(insert.get(), 5, row.stage);
            bind_text(insert.get(), 6, row.text);
            sqlite3_bind_int64(insert.get(), 7, row.note);
            bind_text(insert.get(), 8, row.dots);
            sqlite3_bind_int(insert.get(), 9, row.flag ? 1 : 0);
            if (sqlite3_step(insert.get()) != SQLITE_DONE)
                throw StoreError{m_file.string() + ": cannot write (" + sqlite3_errmsg(m_db) + ")"};
            if (i == 0) m_last_batch_first = sqlite3_last_insert_rowid(m_db);
            sqlite3_reset(insert.get());
        }
        exec("COMMIT");
        ++m_commits;
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void Journal::mark_session(std::size_t index, bool opened, const std::string& outcome) {
    // Replay starts at the event that opened the session; a closed session replays nothing.
    if (opened) {
        const auto seq = std::to_string(m_last_batch_first + static_cast<std::int64_t>(index));
        const auto wall = "(SELECT wall_ms FROM events WHERE seq = " + seq + ")";
        const auto sql = "INSERT INTO sessions (opened_seq, opened_wall_ms, rules) VALUES (" + seq + ", " + wall + ", " +
                         std::to_string(k_rules_version) + ")";
        exec(sql.c_str());
        return;
    }
    const auto open = open_session_record();
    if (!open) return;
    close_session(open->id, m_last_batch_first + static_cast<std::int64_t>(index), outcome);
}

void Journal::in_transaction(const std::function<void()>& body) {
    exec("BEGIN IMMEDIATE");
    try {
        body();
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void Journal::close_session(std::int64_t session_id, std::int64_t closed_seq, const std::string& outcome) {
    // The close and the outcome recorded together, or neither.
    in_transaction([&] {
        const auto seq = std::to_string(closed_seq);
        const auto sql = "UPDATE sessions SET closed_seq = " + seq + ", closed_wall_ms = (SELECT wall_ms FROM events WHERE seq = " +
                         seq + ") WHERE id = " + std::to_string(session_id);
        exec(sql.c_str());
        if (!outcome.empty()) record_outcome(session_id, outcome);
    });
}

void Journal::record_outcome(std::int64_t session_id, const std::string& outcome) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(m_db, "INSERT OR REPLACE INTO outcomes (session_id, record) VALUES (?, ?)", -1, &raw, nullptr) != SQLITE_OK)
        throw StoreError{m_file.string() + ": " + sqlite3_errmsg(m_db)};
    Statement insert{raw};
    sqlite3_bind_int64(insert.get(), 1, session_id);
    bind_text(insert.get(), 2, outcome);
    if (sqlite3_step(insert.get()) != SQLITE_DONE) throw StoreError{m_file.string() + ": cannot write (" + sqlite3_errmsg(m_db) + ")"};
}

void Journal::insert_facts(std::int64_t session_id, const std::vector<Fact>& facts, std::int64_t wall_ms) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(m_db, "INSERT INTO facts (session_id, wall_ms, kind, body) VALUES (?, ?, ?, ?)", -1, &raw, nullptr) != SQLITE_OK)
        throw StoreError{m_file.string() + ": " + sqlite3_errmsg(m_db)};
    Statement insert{raw};
    for (const auto& fact : facts) {
        sqlite3_bind_int64(insert.get(), 1, session_id);
        sqlite3_bind_int64(insert.get(), 2, wall_ms);
        bind_text(insert.get(), 3, std::string{fact_name(fact)});
        bind_text(insert.get(), 4, fact_json(fact));
        if (sqlite3_step(insert.get()) != SQLITE_DONE)
            throw StoreError{m_file.string() + ": cannot write (" + sqlite3_errmsg(m_db) + ")"};
        sqlite3_reset(insert.get());
    }
}

bool Journal::append_facts(const std::vector<Fact>& facts, const Clock& clock) {
    if (facts.empty()) return true;
    const auto open = open_session_record();
    if (!open) return false;  // facts are settled inside sessions only (a --scene walk journals nothing)
    if (m_relaxed) {
        exec("PRAGMA synchronous=FULL");
        m_relaxed = false;
    }
    in_transaction([&] { insert_facts(open->id, facts, std::chrono::duration_cast<Millis>(clock.wall().time_since_epoch()).count()); });
    ++m_commits;
    return true;
}

std::vector<Fact> Journal::facts(std::int64_t session_id) const {
    std::vector<Fact> result;
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT kind, body FROM facts WHERE session_id = ? ORDER BY seq", -1, &raw, nullptr) != SQLITE_OK)
        throw StoreError{m_file.string() + ": " + sqlite3_errmsg(m_db)};
    Statement query{raw};
    sqlite3_bind_int64(query.get(), 1, session_id);
    while (sqlite3_step(query.get()) == SQLITE_ROW) {
        try {
            if (auto fact = fact_from(column_text(query.get(), 0), column_text(query.get(), 1))) result.push_back(std::move(*fact));
        } catch (const StoreError& error) {
            throw StoreError{m_file.string() + ": session " + std::to_string(session_id) + ": " + error.what()};
        }
    }
    return result;
}

std::optional<std::string> Journal::outcome(std::int64_t session_id) const {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT record FROM outcomes WHERE session_id = ?", -1, &raw, nullptr) != SQLITE_OK)
        throw StoreError{m_file.string() + ": " + sqlite3_errmsg(m_db)};
    Statement query{raw};
    sqlite3_bind_int64(query.get(), 1, session_id);
    if (sqlite3_step(query.get()) != SQLITE_ROW) return std::nullopt;
    return column_text(query.get(), 0);
}

void Journal::complete(std::int64_t session_id, int rules, const std::vector<Fact>& facts, std::int64_t wall_ms,
                       const std::optional<std::string>& outcome) {
    in_transaction([&] {
        insert_facts(session_id, facts, wall_ms);
        const auto sql = "UPDATE sessions SET rules = " + std::to_string(rules) + " WHERE id = " + std::to_string(session_id);
        exec(sql.c_str());
        if (outcome) record_outcome(session_id, *outcome);
    });
}

std::vector<JournalEntry> Journal::all_events() const { return events_between(0, INT64_MAX); }

void Journal::rebuild_sessions(const std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>>& ranges) {
    in_transaction([&] {
        exec("DELETE FROM sessions; DELETE FROM sqlite_sequence WHERE name = 'sessions'");
        for (const auto& [opened, closed] : ranges) {
            const auto wall = [](std::int64_t seq) { return "(SELECT wall_ms FROM events WHERE seq = " + std::to_string(seq) + ")"; };
            const auto sql = "INSERT INTO sessions (opened_seq, closed_seq, opened_wall_ms, closed_wall_ms) VALUES (" +
                             std::to_string(opened) + ", " + (closed ? std::to_string(*closed) : "NULL") + ", " + wall(opened) + ", " +
                             (closed ? wall(*closed) : "NULL") + ")";
            exec(sql.c_str());
        }
    });
}

std::optional<std::int64_t> Journal::migrated_at(int version) const {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT applied_wall_ms FROM schema_version WHERE version = ?", -1, &raw, nullptr) != SQLITE_OK)
        throw StoreError{m_file.string() + ": " + sqlite3_errmsg(m_db)};
    Statement query{raw};
    sqlite3_bind_int(query.get(), 1, version);
    if (sqlite3_step(query.get()) != SQLITE_ROW) return std::nullopt;
    return sqlite3_column_int64(query.get(), 0);
}

std::vector<SessionRecord> Journal::sessions() const {
    std::vector<SessionRecord> result;
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT id, opened_seq, closed_seq, opened_wall_ms, closed_wall_ms, rules, "
                           "EXISTS (SELECT 1 FROM outcomes WHERE session_id = sessions.id) FROM sessions ORDER BY id",
                           -1, &raw, nullptr) != SQLITE_OK)
        throw StoreError{m_file.string() + ": " + sqlite3_errmsg(m_db)};
    Statement query{raw};
    while (sqlite3_step(query.get()) == SQLITE_ROW) {
        SessionRecord record;
        record.id = sqlite3_column_int64(query.get(), 0);
        record.opened_seq = sqlite3_column_int64(query.get(), 1);
        if (sqlite3_column_type(query.get(), 2) != SQLITE_NULL) record.closed_seq = sqlite3_column_int64(query.get(), 2);
        record.opened_wall_ms = sqlite3_column_int64(query.get(), 3);
        if (sqlite3_column_type(query.get(), 4) != SQLITE_NULL) record.closed_wall_ms = sqlite3_column_int64(query.get(), 4);
        if (sqlite3_column_type(query.get(), 5) != SQLITE_NULL) record.rules = sqlite3_column_int(query.get(), 5);
        record.recorded = sqlite3_column_int(query.get(), 6) != 0;
        result.push_back(record);
    }
    return result;
}

std::vector<JournalEntry> Journal::session_events(const SessionRecord& session) const {
    // A closed session's events up to, not including, the one that closed it: replayed, they
    // leave the session at its wrap-up with everything in it.
    return events_between(session.opened_seq, session.closed_seq.value_or(INT64_MAX));
}

namespace {

// The coffee corner's own kinds (the action table's Module::Coffee), as an SQL list:
// 'coffee-week', 'coffee-answer', ...
std::string coffee_kinds() {
    std::string kinds;
    for (const auto& spec : action_specs())
        if (spec.module() == Module::Coffee) kinds += (kinds.empty() ? "'" : ", '") + std::string{spec.name} + "'";
    return kinds;
}

// An event in no session's range (between sessions).
constexpr const char* k_outside_sessions =
    "NOT EXISTS (SELECT 1 FROM sessions s WHERE events.seq >= s.opened_seq AND (s.closed_seq IS NULL OR events.seq <= s.closed_seq))";

}  // namespace

void Journal::forget(std::int64_t session_id) {
    const auto found = [&] {
        for (const auto& s : sessions())
            if (s.id == session_id) return std::optional<SessionRecord>{s};
        return std::optional<SessionRecord>{};
    }();
    if (!found) throw StoreError{"there is no session " + std::to_string(session_id) + " in " + m_file.string()};
    const auto last = found->closed_seq ? std::to_string(*found->closed_seq) : std::string{"9223372036854775807"};
    exec("BEGIN IMMEDIATE");
    try {
        // The coffee corner's events in the session's time are not the session's: they stay (as
        // events of no session now) until the retention forgets them with their week.
        const auto remove = "DELETE FROM events WHERE seq >= " + std::to_string(found->opened_seq) + " AND seq <= " + last +
                            " AND kind NOT IN (" + coffee_kinds() + "); DELETE FROM facts WHERE session_id = " + std::to_string(session_id) +
                            "; DELETE FROM outcomes WHERE session_id = " + std::to_string(session_id) +
                            "; DELETE FROM sessions WHERE id = " + std::to_string(session_id);
        exec(remove.c_str());
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    // Deleted rows are gone from the tables; VACUUM also rewrites the pages they lived on, and
    // the checkpoint empties the write-ahead log, which still held copies of them.
    exec("VACUUM");
    exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

std::vector<SessionRecord> Journal::forget_before(std::int64_t wall_ms) {
    std::vector<SessionRecord> forgotten;
    for (const auto& s : sessions())
        if (s.closed_wall_ms && *s.closed_wall_ms < wall_ms) {
            forget(s.id);
            forgotten.push_back(s);
        }
    return forgotten;
}

std::optional<SessionRecord> Journal::open_session_record() const {
    const auto all = sessions();
    if (all.empty() || all.back().closed_seq) return std::nullopt;
    return all.back();
}

std::vector<JournalEntry> Journal::open_session() const {
    const auto all = sessions();
    if (all.empty() || all.back().closed_seq) return {};
    return events_between(all.back().opened_seq, INT64_MAX);
}

std::vector<JournalEntry> Journal::events_between(std::int64_t first, std::int64_t before) const {
    return events_where("seq >= ? AND seq < ?", first, before);
}

// The coffee corner's record (coffee.hpp) and the room's moderator codes outside sessions: what a
// restart replays before the open session, so this week's answers and moderators come back.

std::vector<JournalEntry> Journal::coffee_events(std::int64_t since_wall_ms) const {
    // The open session's own events come with it (open_session()), not twice. The room's H makes
    // a moderator code only outside sessions (inside one it is the session's host code).
    const auto open = open_session_record();
    // The range by time (events_by_wall) is the narrow one; asked plainly, the planner scans the
    // whole history in seq order instead.
    const std::string where = "seq IN (SELECT seq FROM events WHERE wall_ms >= ?) AND seq < ? AND (kind IN (" + coffee_kinds() + ") OR (kind = '" +
                              std::string{to_string(EventKind::OfferHost)} + "' AND " + k_outside_sessions + "))";
    return events_where(where.c_str(), since_wall_ms, open ? open->opened_seq : INT64_MAX);
}

std::size_t Journal::forget_loose_before(std::int64_t wall_ms) {
    // Events in no session's range: the coffee corner's answers given between sessions, and the
    // room's keys pressed while idle. A finished session's events go with forget().
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           (std::string{"DELETE FROM events WHERE wall_ms < ? AND "} + k_outside_sessions).c_str(),
                           -1, &raw, nullptr) != SQLITE_OK)
        throw StoreError{m_file.string() + ": " + sqlite3_errmsg(m_db)};
    Statement remove{raw};
    sqlite3_bind_int64(remove.get(), 1, wall_ms);
    if (sqlite3_step(remove.get()) != SQLITE_DONE) throw StoreError{m_file.string() + ": cannot forget (" + sqlite3_errmsg(m_db) + ")"};
    const auto removed = static_cast<std::size_t>(sqlite3_changes(m_db));
    if (removed > 0) {
        exec("VACUUM");
        exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return removed;
}

std::vector<JournalEntry> Journal::events_where(const char* where, std::int64_t first, std::int64_t second) const {
    std::vector<JournalEntry> entries;
    sqlite3_stmt* raw = nullptr;
    const std::string sql = std::string{"SELECT seq, wall_ms, kind, sender, participant, stage, text, note, dots, flag FROM events "
                                        "WHERE "} + where + " ORDER BY seq";
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
        throw StoreError{m_file.string() + ": " + sqlite3_errmsg(m_db)};
    Statement query{raw};
    sqlite3_bind_int64(query.get(), 1, first);
    sqlite3_bind_int64(query.get(), 2, second);
    int result = SQLITE_ROW;
    while ((result = sqlite3_step(query.get())) == SQLITE_ROW) {
        JournalEntry entry;
        entry.seq = sqlite3_column_int64(query.get(), 0);
        entry.wall_ms = sqlite3_column_int64(query.get(), 1);
        EventRow row;
        row.kind = column_text(query.get(), 2);
        row.sender = column_text(query.get(), 3);
        row.participant = column_text(query.get(), 4);
        row.stage = column_text(query.get(), 5);
        row.text = column_text(query.get(), 6);
        row.note = sqlite3_column_int64(query.get(), 7);
        row.dots = column_text(query.get(), 8);
        row.flag = sqlite3_column_int(query.get(), 9) != 0;
        // An event this version cannot read is said, not skipped: replaying around it would
        // give another session than the one the room had.
        try {
            entry.event = from_row(row);
        } catch (const StoreError& error) {
            throw StoreError{m_file.string() + ": event " + std::to_string(entry.seq) + ": " + error.what()};
        }
        entries.push_back(std::move(entry));
    }
    if (result != SQLITE_DONE) throw StoreError{m_file.string() + ": cannot read (" + sqlite3_errmsg(m_db) + ")"};
    return entries;
}

}  // namespace kiosk::store
