#include "bench/store_bench.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "bench/problems.hpp"
#include "bench/stats.hpp"
#include "kiosk/core/engine_loop.hpp"
#include "kiosk/tools/record_history.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/store/outcome_record.hpp"

namespace kiosk::bench {

namespace {

using Steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr const char* k_stage = "brainstorm";  // where the notes go: no limit per person but the room's

// When the journaled history begins (the fake clock's wall time).
WallTime history_start() { return WallTime{std::chrono::sys_days{std::chrono::year{2025} / std::chrono::December / 1}}; }

double ms_between(Steady::time_point a, Steady::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

std::filesystem::path fresh_dir(const char* name) {
    const auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

SessionRules roomy() {
    SessionRules rules;
    rules.max_participants = 500;
    return rules;
}

// A participant key as the kiosk issues them (32 lowercase hex digits: is_issued_key), one per
// phone and session, so no session sees a key of an earlier one.
std::string phone_key(int session, int phone) {
    char key[40];
    std::snprintf(key, sizeof key, "be4c%08x%020x", static_cast<unsigned>(session), static_cast<unsigned>(phone));
    return key;
}

std::string note_text(int n) {
    static const char* const tails[] = {"een gedeeld bord met open terugbelverzoeken",
                                        "de overdracht om half negen met vijf vaste vragen",
                                        "elke vrijdag tien minuten om de week door te lopen, met wie wat oppakt"};
    return "Idee " + std::to_string(n) + ": " + tails[n % 3];
}

bool wait_for(const std::function<bool()>& done, Steady::duration limit) {
    const auto until = Steady::now() + limit;
    while (!done()) {
        if (Steady::now() > until) return false;
        std::this_thread::sleep_for(200us);
    }
    return true;
}

std::string where(const View& view) {
    if (!view.in_step()) return view.session_open() ? "a session outside its steps" : "no session";
    return "step '" + view.step_spec().id + "', part " + std::to_string(static_cast<int>(view.part()));
}

bool at_stage(const View& view) { return view.in_step() && view.step_spec().id == k_stage && view.part() == Part::Write; }

// The outcomes of phones' events as EngineLoop replies with them (on its thread): every one is
// counted, accepted or refused, so a refusal never leaves the bench waiting.
class Acks {
public:
    EngineLoop::Reply reply(EventKind kind) {
        return [this, kind](const Outcome& outcome) {
            std::lock_guard lock{m_mutex};
            ++m_count;
            if (outcome.ok()) {
                ++m_accepted;
                m_last_accepted = Steady::now();
            } else {
                ++m_refused[std::string{to_string(kind)} + " " + std::string{to_string(outcome.status)}];
            }
        };
    }
    // Until `count` outcomes are in, or `limit` passed.
    bool wait(int count, Steady::duration limit) {
        return wait_for([&] {
            std::lock_guard lock{m_mutex};
            return m_count >= count;
        }, limit);
    }
    int count() {
        std::lock_guard lock{m_mutex};
        return m_count;
    }
    int accepted() {
        std::lock_guard lock{m_mutex};
        return m_accepted;
    }
    std::map<std::string, int> refused() {
        std::lock_guard lock{m_mutex};
        return m_refused;
    }
    Steady::time_point last_accepted() {
        std::lock_guard lock{m_mutex};
        return m_last_accepted;
    }

private:
    std::mutex m_mutex;
    int m_count = 0, m_accepted = 0;
    std::map<std::string, int> m_refused;
    Steady::time_point m_last_accepted{};
};

// The room's key; true once the engine has published the View it made (a key that changes
// nothing publishes none: false after 2 s).
bool press(EngineLoop& loop, EventKind kind) {
    const auto before = loop.view()->version;
    loop.post(kind);
    return wait_for([&] { return loop.view()->version != before; }, 2s);
}

// The room opens a session, `people` phones join, the room starts it and presses Next until the
// screen shows the brainstorm taking notes (a dot-vote stage takes a Next per part, a tie one
// more): watched on the View, each step with a deadline. Everything goes through the journal.
void open_brainstorm(EngineLoop& loop, int people, Acks& joins) {
    if (!press(loop, EventKind::Start) || loop.view()->phase != Phase::Lobby)
        throw std::runtime_error{"the lobby did not open (" + where(*loop.view()) + ")"};
    for (int i = 0; i < people; ++i)
        loop.submit({EventKind::Join, Sender::participant(phone_key(1, i)), JoinPayload{}}, joins.reply(EventKind::Join));
    if (!joins.wait(people, 10s))
        throw std::runtime_error{"joins: " + std::to_string(joins.count()) + " of " + std::to_string(people) + " answered within 10 s"};
    if (joins.accepted() != people) problem("joins refused: " + tally_text(joins.refused()));
    if (!press(loop, EventKind::Start) || !loop.view()->in_step())
        throw std::runtime_error{"the session did not start (" + where(*loop.view()) + ")"};
    for (int guard = 0; guard < 40 && !at_stage(*loop.view()); ++guard)
        if (!press(loop, EventKind::Next)) break;
    if (!at_stage(*loop.view()))
        throw std::runtime_error{std::string{"the room's Next did not reach the "} + k_stage + " (stopped at " + where(*loop.view()) + ")"};
}

void burst(const Config& config, int count) {
    const auto dir = fresh_dir("vitale-bench-journal");
    store::Journal journal{dir};
    SystemClock clock;
    Engine engine{config.content, config.settings.timers, roomy()};
    Acks joins, notes;  // outlive the loop: a late reply still finds them
    // Member by member: the hooks grow now and then (a new one stays empty here).
    EngineLoop::Hooks hooks;
    // On the engine thread: a journal that fails refuses the phones (NotSaved, counted below).
    std::string failure;
    hooks.write_ahead = [&](const std::vector<Event>& batch) {
        try {
            journal.append(batch, clock);
            return true;
        } catch (const std::exception& error) {
            if (failure.empty()) failure = error.what();
            return false;
        }
    };
    hooks.on_session = [&](std::size_t index, bool opened) {
        try {
            journal.mark_session(index, opened);
        } catch (const std::exception& error) {
            if (failure.empty()) failure = error.what();
        }
    };
    EngineLoop loop{engine, clock, hooks};
    try {
        open_brainstorm(loop, count, joins);
        const auto commits_before = journal.commits();
        const auto start = Steady::now();
        for (int i = 0; i < count; ++i)
            loop.submit({EventKind::Contribute, Sender::participant(phone_key(1, i)), NewNotePayload{k_stage, note_text(i)}},
                        notes.reply(EventKind::Contribute));
        const bool all = notes.wait(count, 10s);
        const int accepted = notes.accepted();
        const double took = accepted > 0 ? ms_between(start, notes.last_accepted()) : 0;
        std::printf("  burst of %d contributions, one per phone: %d accepted, the last acknowledged after %.1f ms, %lld disk "
                    "flushes (commits); refused: %s\n",
                    count, accepted, took, static_cast<long long>(journal.commits() - commits_before),
                    tally_text(notes.refused()).c_str());
        if (!all) problem("burst: " + std::to_string(notes.count()) + " of " + std::to_string(count) + " answered within 10 s");
        if (accepted != count) problem("burst: contributions refused: " + tally_text(notes.refused()));
    } catch (const std::exception& error) {
        problem(std::string{"burst: "} + error.what());
    }
    loop.stop();
    if (!failure.empty()) problem("burst: the journal failed: " + failure);
    std::filesystem::remove_all(dir);
}

// Sessions written into a journal as EngineLoop writes them (admitted, the engine's choices
// filled in, journaled, then applied; a session mark after the event that opened or closed one),
// on a fake clock, straight on the engine: a year of history takes seconds, not a year.
class HistoryWriter {
public:
    HistoryWriter(const Config& config, const std::filesystem::path& dir)
        : m_clock{history_start()},
          m_journal{dir},
          m_engine{config.content, config.settings.timers, roomy()} {}

    // A session of `events` journaled events: the lobby, `phones` joins, the walk to the
    // brainstorm, and notes from the phones in turn (at most 20 each: the room's limit a stage).
    // With `close`, walked on to the wrap-up and closed.
    void session(int events, int phones, bool close) {
        // Sessions spread over the year, as a room holds them: about one every two days (the
        // coffee corner's last 15 days, read at every start, are then a few sessions, not all).
        if (m_sessions > 0) m_clock.advance(std::chrono::hours{44});
        ++m_sessions;
        const auto first = m_journaled;
        record(Event{EventKind::Start});
        for (int p = 0; p < phones; ++p) record({EventKind::Join, Sender::participant(phone_key(m_sessions, p)), JoinPayload{}});
        record(Event{EventKind::Start});
        for (int guard = 0; guard < 40 && m_engine.view().in_step() && !at_stage(m_engine.view()); ++guard)
            record(Event{EventKind::Next});
        if (!at_stage(m_engine.view()))
            throw std::runtime_error{"session " + std::to_string(m_sessions) + " did not reach the " + k_stage + " (stopped at " +
                                     where(m_engine.view()) + ")"};
        for (int n = 0; m_journaled - first < events; ++n) {
            record({EventKind::Contribute, Sender::participant(phone_key(m_sessions, n % phones)), NewNotePayload{k_stage, note_text(n)}});
            if (n >= 2 * events) throw std::runtime_error{"session " + std::to_string(m_sessions) + ": the notes are refused"};
        }
        m_open_notes = static_cast<int>(m_engine.view().notes.size());
        if (!close) return;
        for (int guard = 0; guard < 40 && m_engine.view().phase != Phase::WrapUp; ++guard) record(Event{EventKind::Next});
        record(Event{EventKind::Start});  // the wrap-up's Enter closes it
        if (m_engine.view().session_open())
            throw std::runtime_error{"session " + std::to_string(m_sessions) + " did not close (" + where(m_engine.view()) + ")"};
    }
    void finish() { flush(); }

    const FakeClock& clock() const { return m_clock; }
    long long journaled() const { return m_journaled; }
    int sessions() const { return m_sessions; }
    int open_notes() const { return m_open_notes; }
    const std::map<std::string, int>& refused() const { return m_refused; }

private:
    void record(Event event) {
        m_clock.advance(50ms);  // a session of 500 events spans half a minute: no step's time runs out
        event.at = m_clock.monotonic();
        Engine::Reserved reserved;
        if (const auto status = m_engine.admit(event, reserved); status != Status::Ok) {
            ++m_refused[std::string{to_string(event.kind)} + " " + std::string{to_string(status)}];
            return;
        }
        m_engine.prepare(event);
        m_batch.push_back(event);
        ++m_journaled;
        const bool was_open = m_engine.view().session_open();
        const auto outcome = m_engine.apply(event);
        if (!outcome.ok()) ++m_refused[std::string{to_string(event.kind)} + " " + std::string{to_string(outcome.status)}];
        m_engine.take_applied();
        m_engine.take_effects();
        auto facts = m_engine.take_facts();  // as EngineLoop's on_facts: after the event's batch is written
        if (!facts.empty()) {
            flush();
            m_journal.append_facts(facts, m_clock);
        }
        if (was_open != m_engine.view().session_open()) {
            const auto index = m_batch.size() - 1;
            flush();
            // As the live kiosk's on_session hook: a closed session's outcome recorded with its close.
            const auto closed = was_open ? m_engine.closed_session() : nullptr;
            m_journal.mark_session(index, !was_open, closed ? store::outcome_record(*closed) : std::string{});
        }
        if (m_batch.size() >= 250) flush();
    }
    void flush() {
        if (m_batch.empty()) return;
        m_journal.append(m_batch, m_clock);
        m_batch.clear();
    }

    FakeClock m_clock;
    store::Journal m_journal;
    Engine m_engine;
    std::vector<Event> m_batch;
    long long m_journaled = 0;
    int m_sessions = 0;
    int m_open_notes = 0;
    std::map<std::string, int> m_refused;
};

// One start-up as the kiosk does it (live_kiosk's open_journal and restore_record): the journal
// opened (and checked), what an older version left unrecorded completed (one query here), the
// last finished session's recorded outcome read, the coffee corner's and the open session's events
// replayed into a fresh engine with the open session's facts recalled.
struct StartUp {
    double ms = 0;
    double open_ms = 0, history_ms = 0;  // its parts: opening (and checking) the file; the rest
    double replay_only_ms = 0;  // the open session's events read and replayed alone
    std::size_t events = 0, notes = 0;
};

StartUp start_up(const Config& config, const std::filesystem::path& dir, const Clock& clock) {
    const auto start = Steady::now();
    store::Journal journal{dir};
    const auto opened = Steady::now();
    tools::complete_record(journal, config, clock);
    Engine engine{config.content, config.settings.timers, roomy()};
    const auto restored = tools::restore_history(engine, journal, clock);
    const auto end = Steady::now();
    Engine alone{config.content, config.settings.timers, roomy()};
    store::replay(alone, journal.open_session(), clock);
    const auto alone_end = Steady::now();
    return {ms_between(start, end), ms_between(start, opened), ms_between(opened, end), ms_between(end, alone_end),
            restored.open_events, engine.view().notes.size()};
}

// The same start-up as the version before the record (265aa7b) made it, on the same events: its
// file (without the facts, the recorded outcomes and the events' index by time) opened, the last
// finished session replayed through its close for its headline and decisions, the coffee
// corner's events, then the open session.
double start_up_before_the_record(const Config& config, const std::filesystem::path& dir, const Clock& clock, int runs) {
    const auto copy = fresh_dir("vitale-bench-replay-before-the-record");
    std::filesystem::copy_file(dir / store::Journal::k_file_name, copy / store::Journal::k_file_name);
    sqlite3* db = nullptr;
    if (sqlite3_open((copy / store::Journal::k_file_name).c_str(), &db) == SQLITE_OK)
        sqlite3_exec(db, "DELETE FROM outcomes; DELETE FROM facts; DROP INDEX events_by_wall; VACUUM;", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    std::vector<double> times;
    for (int run = 0; run < std::max(runs, 1); ++run) {
        const auto start = Steady::now();
        store::Journal journal{copy};
        Engine past{config.content, config.settings.timers, roomy()};
        std::optional<store::SessionRecord> finished;
        for (const auto& session : journal.sessions())
            if (session.closed_seq) finished = session;
        if (finished) {
            finished->closed_seq = *finished->closed_seq + 1;
            store::replay(past, journal.session_events(*finished), clock);
        }
        Engine now{config.content, config.settings.timers, roomy()};
        now.remember_decisions(past.view().reviews);
        const auto since = std::chrono::duration_cast<Millis>((clock.wall() - std::chrono::days{15}).time_since_epoch()).count();
        store::replay(now, journal.coffee_events(since), clock);  // without the index: the whole history, as before
        store::replay(now, journal.open_session(), clock);
        times.push_back(ms_between(start, Steady::now()));
    }
    std::filesystem::remove_all(copy);
    return percentile(times, 50);
}

void replay(const Config& config, int history, const JournalOptions& options) {
    constexpr int k_phones = 40;  // 500 events: about a dozen notes each
    const auto dir = fresh_dir("vitale-bench-replay");
    try {
        const auto written = Steady::now();
        FakeClock clock{history_start()};  // then where the writer's clock stopped
        long long journaled = 0;
        int sessions = 0, open_notes = 0;
        std::map<std::string, int> refused;
        {
            HistoryWriter writer{config, dir};
            while (writer.journaled() < history) writer.session(options.events, k_phones, true);
            writer.session(options.events, k_phones, false);
            writer.finish();
            clock.advance(writer.clock().monotonic() - clock.monotonic());
            journaled = writer.journaled();
            sessions = writer.sessions();
            open_notes = writer.open_notes();
            refused = writer.refused();
        }
        const double write_s = ms_between(written, Steady::now()) / 1000;
        std::vector<double> times, open_ms, history_ms, replay_only_ms;
        StartUp last;
        for (int run = 0; run < std::max(options.runs, 1); ++run) {
            last = start_up(config, dir, clock);
            times.push_back(last.ms);
            open_ms.push_back(last.open_ms);
            history_ms.push_back(last.history_ms);
            replay_only_ms.push_back(last.replay_only_ms);
        }
        const double median = percentile(times, 50);
        const double before = start_up_before_the_record(config, dir, clock, options.runs);
        std::printf("  start-up with a %zu-event open session after %lld events of history (%d sessions): median %.1f ms "
                    "(%.1f-%.1f ms, %zu start-ups; goal <= 200 ms: %s; medians: opening the journal %.1f, the record "
                    "(last outcome, coffee corner, open session with its facts) %.1f ms, of which the open session's "
                    "events alone %.1f ms); "
                    "%zu notes restored; refused while written: %s (written in %.1f s)\n"
                    "  the same start-up as before the record (265aa7b's way, on the same events: the file without facts, "
                    "outcomes and index; the last finished session replayed whole): median %.1f ms\n",
                    last.events, journaled - static_cast<long long>(last.events), sessions - 1, median, percentile(times, 0),
                    percentile(times, 100), times.size(), median <= 200 ? "met" : "NOT met", percentile(open_ms, 50),
                    percentile(history_ms, 50), percentile(replay_only_ms, 50), last.notes, tally_text(refused).c_str(), write_s, before);
        if (!refused.empty()) problem("replay: events refused while the sessions were written: " + tally_text(refused));
        if (static_cast<int>(last.notes) != open_notes)
            problem("replay: " + std::to_string(last.notes) + " notes restored, the session had " + std::to_string(open_notes));
    } catch (const std::exception& error) {
        problem(std::string{"replay: "} + error.what());
    }
    std::filesystem::remove_all(dir);
}

}  // namespace

void bench_journal(const Config& config, const JournalOptions& options) {
    std::printf("\nJournal (SQLite, WAL, synchronous=FULL, in %s)\n", std::filesystem::temp_directory_path().c_str());
    burst(config, options.burst);
    replay(config, 0, options);
    replay(config, options.history, options);
}

}  // namespace kiosk::bench
