#include "kiosk/tools/record_history.hpp"

#include <algorithm>

#include "kiosk/core/local_time.hpp"
#include "kiosk/core/log_prefix.hpp"
#include "kiosk/core/schedule.hpp"
#include "kiosk/store/outcome_record.hpp"
#include "kiosk/store/upgrade.hpp"

namespace kiosk::tools {

namespace {

std::unique_ptr<Engine> fresh_engine(const Config& config) {
    return std::make_unique<Engine>(config.library, config.settings.timers, config.settings.session);
}

int local_date_of(std::int64_t wall_ms) { return yyyymmdd(to_local(WallTime{std::chrono::milliseconds{wall_ms}}).date); }

}  // namespace

void complete_record(store::Journal& journal, const Config& config, const Clock& clock) {
    const auto report = store::complete_older_sessions(journal, [&config] { return fresh_engine(config); }, clock);
    for (const auto& line : report.log) LogLine{Priority::Notice} << journal.file().string() << ": " << line;
}

std::optional<View> recorded_outcome(const store::Journal& journal, const store::SessionRecord& session) {
    if (!session.recorded) return std::nullopt;
    const auto record = journal.outcome(session.id);
    if (!record) return std::nullopt;
    try {
        return store::view_from_record(*record);
    } catch (const store::StoreError& error) {
        throw store::StoreError{journal.file().string() + ": session " + std::to_string(session.id) + ": " + error.what()};
    }
}

namespace {

// A session that began under rules that settled votes otherwise recalls what it settled then;
// under rules that settle as today's a replay decides the same again, and recalling would cut a
// run-off's path short (fact.hpp settles_as_today).
bool recalls(const store::SessionRecord& session) { return session.rules && !settles_as_today(*session.rules); }

// The rules its events replay under: those it began with (so a session from before the cards
// draws none for its minutes), whatever follows it.
int replay_rules(const store::SessionRecord& session) { return session.rules.value_or(k_rules_version); }

// Whatever happens while the open session replays, the live kiosk goes on under today's rules
// with nothing recalled: a throw in the middle must not leave later sessions on older rules.
struct LiveAfterReplay {
    Engine& engine;
    ~LiveAfterReplay() {
        engine.recall({});
        engine.follow_rules(k_rules_version);
    }
};

}  // namespace

TrajectoryHistory trajectory_history(const store::Journal& journal, std::int64_t before_session, int trajectory_start) {
    TrajectoryHistory history;
    for (const auto& session : journal.sessions()) {
        if (before_session > 0 && session.id >= before_session) break;
        if (trajectory_start > 0 && local_date_of(session.opened_wall_ms) < trajectory_start) continue;
        const auto facts = journal.facts(session.id);
        std::string format;
        for (const auto& fact : facts) {
            if (const auto* videoframe = std::get_if<VideoframeFact>(&fact)) format = videoframe->id;
            if (const auto* card = std::get_if<SurpriseFact>(&fact)) history.cards.insert(card->key);
        }
        // Before formats had ids, a session that voted or decided ran the one format there was.
        const bool went_on = std::any_of(facts.begin(), facts.end(), [](const Fact& f) {
            return std::holds_alternative<ChosenFact>(f) || std::holds_alternative<DecidedFact>(f);
        });
        if (format.empty() && went_on) format = k_first_format_id;
        if (format.empty()) continue;
        const auto closed = to_local(WallTime{Millis{session.closed_wall_ms.value_or(session.opened_wall_ms)}}).date;
        history.week_formats[iso_yyyyww(closed)] = format;
        history.formats.push_back(std::move(format));
    }
    return history;
}

void remember_trajectory(Engine& engine, TrajectoryHistory history) {
    engine.remember_formats(std::move(history.formats), std::move(history.week_formats));
    engine.remember_cards(std::move(history.cards));
}

View session_view(const store::Journal& journal, const store::SessionRecord& session, const Config& config) {
    if (auto recorded = recorded_outcome(journal, session)) return std::move(*recorded);
    auto engine = fresh_engine(config);
    remember_trajectory(*engine, trajectory_history(journal, session.id, config.settings.trajectory.start));
    const auto facts = journal.facts(session.id);
    engine->follow_rules(replay_rules(session));  // its minutes as that version ran them
    engine->recall(recalls(session) ? facts : drawn_facts(facts));
    SystemClock clock;
    store::replay(*engine, journal.session_events(session), clock);
    return engine->view();
}

std::optional<View> last_recorded_outcome(const store::Journal& journal) {
    const auto sessions = journal.sessions();
    for (auto it = sessions.rbegin(); it != sessions.rend(); ++it)
        if (it->recorded) return recorded_outcome(journal, *it);
    return std::nullopt;
}

namespace {

// The last finished session: its headline ("vorige keer"), its decisions for the lobby, and
// the question it chose for the coffee corner's next week. A record that cannot be read costs
// the history it holds, never the start or the open session.
void restore_last_session(Engine& engine, const store::Journal& journal, const std::vector<store::SessionRecord>& sessions,
                          RestoredHistory& restored) {
    std::optional<store::SessionRecord> finished;
    for (const auto& session : sessions)
        if (session.recorded) finished = session;
    if (!finished) return;
    try {
        const auto past = *recorded_outcome(journal, *finished);
        if (auto chosen = past.chosen_question(); !chosen.empty() && finished->closed_wall_ms) {
            const auto closed = to_local(WallTime{std::chrono::milliseconds{*finished->closed_wall_ms}}).date;
            restored.last_question = GroupQuestion{next_iso_week(iso_yyyyww(closed)), std::move(chosen)};
        }
        // "Vorige keer": its problem statement, else the headline it inherited.
        const auto headline = past.chosen_statement();
        engine.remember_last_outcome(headline.empty() ? past.last_outcome : headline);
        engine.remember_decisions(store::decisions_after(past));
    } catch (const store::StoreError& error) {
        restored.problems.push_back(std::string{error.what()} + "; the lobby starts without the earlier decisions");
    }
}

// The replay's facts less the journal's, each journaled fact matching one said the same way.
std::vector<Fact> not_journaled(std::vector<Fact> said, const std::vector<Fact>& journaled) {
    for (const auto& fact : journaled) {
        const auto same = std::find_if(said.begin(), said.end(), [&](const Fact& other) {
            return fact_name(other) == fact_name(fact) && store::fact_json(other) == store::fact_json(fact);
        });
        if (same != said.end()) said.erase(same);
    }
    return said;
}

// The open session's events, as store::replay plays them, watching for its close: the journal
// sequence of a closing event, if one was written.
std::optional<std::int64_t> replay_open_session(Engine& engine, const std::vector<store::JournalEntry>& entries,
                                                const Clock& clock) {
    const auto now_wall = std::chrono::duration_cast<Millis>(clock.wall().time_since_epoch()).count();
    const Millis now_mono = clock.monotonic();
    std::optional<std::int64_t> closed_at;
    for (const auto& entry : entries) {
        Event event = entry.event;
        event.at = now_mono - Millis{now_wall - entry.wall_ms};
        const bool was_open = engine.view().session_open();
        engine.apply(event);
        if (was_open && !engine.view().session_open() && !closed_at) closed_at = entry.seq;
    }
    engine.tick(now_mono);
    engine.take_applied();
    engine.take_effects();
    return closed_at;
}

}  // namespace

RestoredHistory restore_history(Engine& engine, store::Journal& journal, const Clock& clock, int trajectory_start) {
    RestoredHistory restored;
    const auto sessions = journal.sessions();
    try {
        // Before the open session: its lobby offered what the sessions before it had used.
        const auto open = journal.open_session_record();
        remember_trajectory(engine, trajectory_history(journal, open ? open->id : 0, trajectory_start));
    } catch (const store::StoreError& error) {
        restored.problems.push_back(std::string{error.what()} + "; the lobby offers formats without the trajectory's history");
    }
    for (const auto& session : sessions)
        restored.session_dates.push_back(to_local(WallTime{std::chrono::milliseconds{session.opened_wall_ms}}).date);
    restore_last_session(engine, journal, sessions, restored);
    const auto since = std::chrono::duration_cast<Millis>((clock.wall() - std::chrono::days{15}).time_since_epoch()).count();
    store::replay(engine, journal.coffee_events(since), clock);
    const auto open = journal.open_session_record();
    if (!open) return restored;
    std::vector<Fact> journaled;
    try {
        journaled = journal.facts(open->id);
    } catch (const store::StoreError& error) {
        restored.problems.push_back(error.what());
    }
    // Replayed under the rules it began with (no surprise card for a minute nobody saw, fact.hpp);
    // from where it stands it continues under today's (store/upgrade.cpp keep_open), and what it
    // recalled is behind it: a step returned to is the group's again.
    const auto entries = journal.open_session();
    // A closing event that was written but not marked (a stop in between) is marked below.
    const auto closed_at = [&] {
        const LiveAfterReplay live{engine};
        engine.follow_rules(replay_rules(*open));
        engine.recall(recalls(*open) ? journaled : drawn_facts(journaled));
        return replay_open_session(engine, entries, clock);
    }();
    restored.open_events = entries.size();
    // Facts the journal does not have yet (a stop between an event and its facts): a replay under
    // the same rules settles the same, so what it said beside the journaled ones is new (also a
    // kind of fact the version that journaled the session did not know, such as its format).
    auto facts = engine.take_facts();
    if (!recalls(*open)) facts = not_journaled(std::move(facts), journaled);
    try {
        journal.append_facts(facts, clock);
        if (closed_at) {
            const auto closed = engine.closed_session();
            journal.close_session(open->id, *closed_at, closed ? store::outcome_record(*closed) : std::string{});
            restored.problems.push_back("session " + std::to_string(open->id) + " had closed before the stop; its close is recorded now");
        }
    } catch (const store::StoreError& error) {
        restored.problems.push_back(error.what());
    }
    return restored;
}

}  // namespace kiosk::tools
