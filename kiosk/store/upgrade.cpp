#include "kiosk/store/upgrade.hpp"

#include "kiosk/store/outcome_record.hpp"

#include <algorithm>

namespace kiosk::store {

std::vector<Decision> decisions_after(const View& closed) {
    auto decisions = closed.reviews;
    if (auto decided = closed.outcome(); decided && decided->kind != DecisionKind::Park) decisions.push_back(std::move(*decided));
    return decisions;
}

int rules_of_older(const Journal& journal, const SessionRecord& session) {
    // The versions with schema 1 and 2 ran rules 1; schema 3 came with rules 2. An open session
    // ran rules 1 so far when this run found the file below schema 3 (no version with rules 2
    // replayed it yet). A closed one ran rules 1 when it closed before the file reached schema 3;
    // a file made by a version with schema 3 or later ran its migrations 1 to 3 together.
    if (!session.closed_seq) return journal.found_schema() < 3 ? 1 : 2;
    const auto reached_1 = journal.migrated_at(1);
    const auto reached_3 = journal.migrated_at(3);
    if (!reached_3 || (reached_1 && *reached_3 - *reached_1 < 60'000)) return 2;
    return session.closed_wall_ms && *session.closed_wall_ms < *reached_3 ? 1 : 2;
}

namespace {

// Schema 1 kept only where the open session began; migration 2 made a row for that one alone,
// so the finished sessions of a file that comes with schema 1 have no rows. Its events say where
// each began and ended: replayed once under rules 1, every open and close of the engine before
// the listed open session is a row; the listed open session stays as it was listed.
int recover_schema1_sessions(Journal& journal, const EngineMaker& make_engine) {
    const auto listed = journal.sessions();
    const std::int64_t open_from = listed.empty() ? INT64_MAX : listed.back().opened_seq;  // the listed (open) session
    auto engine = make_engine();
    engine->follow_rules(1);
    std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>> ranges;
    for (const auto& entry : journal.all_events()) {
        if (entry.seq >= open_from) break;
        Event event = entry.event;
        event.at = Millis{entry.wall_ms};  // a throwaway engine: its clock may be the wall clock
        const bool was_open = engine->view().session_open();
        engine->apply(event);
        if (was_open == engine->view().session_open()) continue;
        if (!was_open) ranges.emplace_back(entry.seq, std::nullopt);
        else if (!ranges.empty()) ranges.back().second = entry.seq;
    }
    // A session the replay leaves open before the listed one was never closed: it is not history.
    std::erase_if(ranges, [](const auto& range) { return !range.second; });
    if (ranges.empty()) return 0;  // nothing was missing
    const int finished = static_cast<int>(ranges.size());
    if (!listed.empty()) ranges.emplace_back(listed.back().opened_seq, listed.back().closed_seq);
    journal.rebuild_sessions(ranges);
    return finished;
}

// A finished session replayed under its rules: its facts and recorded outcome. A session whose
// close the replay refuses is recorded as its events leave it, once. Returns the decisions it
// hands on to the next session.
std::vector<Decision> record_finished(Journal& journal, const SessionRecord& session, int rules, Engine& engine,
                                      UpgradeReport& report) {
    const auto facts = engine.take_facts();
    const auto closed = engine.closed_session();
    if (!closed)
        report.log.push_back("session " + std::to_string(session.id) +
                             " did not close when replayed; it is recorded as its events leave it");
    const View& outcome = closed ? *closed : engine.view();
    journal.complete(session.id, rules, facts, session.closed_wall_ms.value_or(session.opened_wall_ms), outcome_record(outcome));
    ++report.completed;
    return decisions_after(outcome);
}

// The session an older version left open: its rules stay those it began under, and a later start
// recalls what it settled then.
void keep_open(Journal& journal, const SessionRecord& session, int rules, Engine& engine, const Clock& clock,
               UpgradeReport& report) {
    const auto facts = engine.take_facts();
    const auto now = std::chrono::duration_cast<Millis>(clock.wall().time_since_epoch()).count();
    journal.complete(session.id, rules, facts, now, std::nullopt);
    report.open_session = session.id;
    report.log.push_back("session " + std::to_string(session.id) + " was opened by an older version (rules " +
                         std::to_string(rules) + "); what it settled so far is kept as it was (" +
                         std::to_string(facts.size()) + " facts), and it continues under today's rules (" +
                         std::to_string(k_rules_version) + ") from where it stands");
}

}  // namespace

UpgradeReport complete_older_sessions(Journal& journal, const EngineMaker& make_engine, const Clock& clock) {
    UpgradeReport report;
    if (journal.found_schema() == 1 && journal.sessions().size() <= 1) {
        if (const int recovered = recover_schema1_sessions(journal, make_engine))
            report.log.push_back(std::to_string(recovered) + " finished sessions of journal schema 1 were found in its events and listed again");
    }
    const auto sessions = journal.sessions();
    const auto done = [](const SessionRecord& session) { return session.rules && (session.recorded || !session.closed_seq); };
    if (std::all_of(sessions.begin(), sessions.end(), done)) {  // every start-up after the first
        if (journal.found_schema() < Journal::k_schema_version) journal.completed();
        return report;
    }
    // Each session replays with the earlier decisions the session before it handed on, as the
    // live kiosk had them, so its record holds the same reviews.
    std::vector<Decision> carried;
    std::optional<std::int64_t> last_recorded;  // read only when a later session needs it
    for (const auto& session : sessions) {
        if (done(session)) {
            if (session.recorded) last_recorded = session.id;
            continue;
        }
        if (last_recorded) {
            if (const auto record = journal.outcome(*last_recorded)) carried = decisions_after(view_from_record(*record));
            last_recorded.reset();
        }
        const int rules = session.rules.value_or(rules_of_older(journal, session));
        auto engine = make_engine();
        engine->follow_rules(rules);
        engine->remember_decisions(carried);
        engine->recall(journal.facts(session.id));
        auto through_close = session;
        if (through_close.closed_seq) through_close.closed_seq = *through_close.closed_seq + 1;  // with its close
        replay(*engine, journal.session_events(through_close), clock);
        if (session.closed_seq) carried = record_finished(journal, session, rules, *engine, report);
        else keep_open(journal, session, rules, *engine, clock, report);
    }
    journal.completed();
    if (report.completed > 0)
        report.log.insert(report.log.begin(), std::to_string(report.completed) +
                                                  " finished sessions from an older version were recorded under the rules they ran under");
    return report;
}

}  // namespace kiosk::store
