#pragma once
// The journal: every event that reaches the engine, written to SQLite (WAL) before it is
// applied, so that after a crash or a power cut the open session can be replayed exactly.
// Used by the engine's thread only (EngineLoop's hooks) and at start-up before that thread.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/event.hpp"
#include "kiosk/core/fact.hpp"

struct sqlite3;

namespace kiosk::store {

// A journal that cannot be used; the message names the file and what to do.
class StoreError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};
// The file was written by a newer kiosk: the kiosk must not touch it.
class NewerSchemaError : public StoreError {
    using StoreError::StoreError;
};

struct JournalEntry {
    std::int64_t seq = 0;
    std::int64_t wall_ms = 0;  // wall-clock time the event happened (ms since the epoch)
    Event event;               // event.at is meaningless here: see replay()
};

struct SessionRecord {
    std::int64_t id = 0;  // 1, 2, 3 ... as the kiosk opened them
    std::int64_t opened_seq = 0;
    std::optional<std::int64_t> closed_seq;  // none while the session is open
    std::int64_t opened_wall_ms = 0;
    std::optional<std::int64_t> closed_wall_ms;
    // The rules version it ran under (fact.hpp); nullopt for a session an older version
    // recorded and this one has not completed yet (store/upgrade.hpp).
    std::optional<int> rules;
    bool recorded = false;  // closed, with its outcome recorded (outcome_record.hpp)
};

class Journal {
public:
    static constexpr int k_schema_version = 4;
    static constexpr const char* k_file_name = "vitale.sqlite3";

    // Opens (or creates) <data_dir>/vitale.sqlite3 and brings its schema up to date. A file
    // written by a newer kiosk is refused (StoreError) and left as it is. A corrupt file is
    // moved aside (never deleted) and a fresh one started; notice() then says where it went.
    explicit Journal(const std::filesystem::path& data_dir);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // Appends a batch in one transaction (one disk flush); throws StoreError when it cannot.
    // `clock` turns each event's monotonic time into wall-clock time. A batch of nothing but
    // AI answer pieces is committed without the flush (see journal.cpp).
    void append(const std::vector<Event>& events, const Clock& clock);
    // The event at `index` of the last appended batch opened a session (it runs under
    // k_rules_version), or closed it; `outcome` is the closed session's record, written with
    // the close in one transaction.
    void mark_session(std::size_t index, bool opened, const std::string& outcome = {});
    // What the engine settled, for the open session (facts are flushed before the close of the
    // event that settled them is marked); false, and nothing written, when no session is open.
    bool append_facts(const std::vector<Fact>& facts, const Clock& clock);
    // Closes `session_id` at the event `closed_seq` with its outcome, in one transaction (also
    // at start-up, for a session whose closing event was written but not its close).
    void close_session(std::int64_t session_id, std::int64_t closed_seq, const std::string& outcome);
    // One session's facts, in the order they were settled.
    std::vector<Fact> facts(std::int64_t session_id) const;
    // A finished session's recorded outcome (outcome_record.hpp); nullopt when none is recorded.
    std::optional<std::string> outcome(std::int64_t session_id) const;
    // Completing a session an older version recorded (store/upgrade.hpp), in one transaction:
    // its rules version, its facts and, when it is finished, its outcome.
    void complete(std::int64_t session_id, int rules, const std::vector<Fact>& facts, std::int64_t wall_ms,
                  const std::optional<std::string>& outcome);
    // Every event, oldest first (the recovery of schema 1's sessions reads them all once).
    std::vector<JournalEntry> all_events() const;
    // Replaces the sessions table with these (opened seq, closed seq if closed) ranges, numbered
    // 1, 2, 3 in order: only for a file that came with schema 1, whose finished sessions had no
    // rows (store/upgrade.cpp), before anything refers to their numbers.
    void rebuild_sessions(const std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>>& ranges);
    // The schema the file came with, until its older sessions are completed (kept in the file,
    // so a stop in between changes nothing); k_schema_version for a new or completed file.
    int found_schema() const { return m_found_schema; }
    void completed();  // store/upgrade.cpp completed every older session
    // When the file reached `version` (ms since the epoch); nullopt if it never did or came with it.
    std::optional<std::int64_t> migrated_at(int version) const;

    // Every event since the open session began; empty when no session is open.
    std::vector<JournalEntry> open_session() const;
    // Every session, oldest first.
    std::vector<SessionRecord> sessions() const;
    // A session's events, without the one that closed it (replayed: the session at wrap-up).
    std::vector<JournalEntry> session_events(const SessionRecord& session) const;
    // Removes a session and all its events for good (then VACUUMs); StoreError if unknown.
    void forget(std::int64_t session_id);
    // Forgets every session closed before `wall_ms`; returns what they were.
    std::vector<SessionRecord> forget_before(std::int64_t wall_ms);
    // The open session; nullopt when none is open.
    std::optional<SessionRecord> open_session_record() const;
    // The coffee corner's events (and the room's moderator codes) since `since_wall_ms`, without
    // the open session's: replayed before it at start-up.
    std::vector<JournalEntry> coffee_events(std::int64_t since_wall_ms) const;
    // Forgets events older than `wall_ms` that belong to no session (the coffee corner's answers
    // between sessions, keys pressed while idle); returns how many.
    std::size_t forget_loose_before(std::int64_t wall_ms);

    // Said once after start-up when something had to be repaired (a corrupt file moved aside).
    const std::optional<std::string>& notice() const { return m_notice; }
    const std::filesystem::path& file() const { return m_file; }
    // How many transactions committed (one flush each with synchronous=FULL): for the bench.
    std::int64_t commits() const { return m_commits; }

private:
    void open_and_migrate();
    void open_file();
    bool passes_quick_check();  // false for a file that is not a database, or a damaged one
    void move_aside();          // a damaged file (with its -wal, -shm) to .damaged-<ms>
    void migrate(int version);  // from the file's schema version to k_schema_version
    // The first column of the first row of `sql`; nullopt without one (or without the table).
    std::optional<int> query_int(const char* sql) const;
    std::vector<JournalEntry> events_between(std::int64_t first, std::int64_t before) const;
    // Events matching `where` with its two '?' bound to `first` and `second`, in order.
    std::vector<JournalEntry> events_where(const char* where, std::int64_t first, std::int64_t second) const;
    void exec(const char* sql);
    // `body` in one transaction: committed when it returns, rolled back when it throws.
    void in_transaction(const std::function<void()>& body);
    void insert_facts(std::int64_t session_id, const std::vector<Fact>& facts, std::int64_t wall_ms);
    void record_outcome(std::int64_t session_id, const std::string& outcome);

    std::filesystem::path m_file;
    sqlite3* m_db = nullptr;
    std::optional<std::string> m_notice;
    std::int64_t m_last_batch_first = 0;
    std::int64_t m_commits = 0;
    bool m_relaxed = false;  // synchronous=NORMAL for the batch being written
    int m_found_schema = k_schema_version;
};

// Replays journal entries into a fresh engine as if it had run all along: each event happens
// at its wall-clock moment mapped onto this run's monotonic clock, so timers kept running in
// real time while the kiosk was down. Effects and applied events of the replay are dropped.
template <typename EngineT>
void replay(EngineT& engine, const std::vector<JournalEntry>& entries, const Clock& clock) {
    const auto now_wall = std::chrono::duration_cast<Millis>(clock.wall().time_since_epoch()).count();
    const Millis now_mono = clock.monotonic();
    for (const auto& entry : entries) {
        Event event = entry.event;
        event.at = now_mono - Millis{now_wall - entry.wall_ms};
        engine.apply(event);
    }
    engine.tick(now_mono);
    engine.take_applied();
    engine.take_effects();
    // The facts it settled stay with the engine (take_facts()): the caller journals what is new.
}

}  // namespace kiosk::store
