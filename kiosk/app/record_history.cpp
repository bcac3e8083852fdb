#include "kiosk/app/record_history.hpp"

#include "kiosk/app/local_time.hpp"
#include "kiosk/core/log_prefix.hpp"
#include "kiosk/core/schedule.hpp"
#include "kiosk/store/outcome_record.hpp"
#include "kiosk/store/upgrade.hpp"

namespace kiosk::app {

namespace {

std::unique_ptr<Engine> fresh_engine(const Config& config) {
    return std::make_unique<Engine>(config.content, config.settings.timers, config.settings.session);
}

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

View session_view(const store::Journal& journal, const store::SessionRecord& session, const Config& config) {
    if (auto recorded = recorded_outcome(journal, session)) return std::move(*recorded);
    auto engine = fresh_engine(config);
    engine->recall(journal.facts(session.id));
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

RestoredHistory restore_history(Engine& engine, store::Journal& journal, const Clock& clock) {
    RestoredHistory restored;
    const auto sessions = journal.sessions();
    for (const auto& session : sessions)
        restored.session_dates.push_back(to_local(WallTime{std::chrono::milliseconds{session.opened_wall_ms}}).date);
    std::optional<store::SessionRecord> finished;
    for (const auto& session : sessions)
        if (session.recorded) finished = session;
    if (finished) {
        const auto past = *recorded_outcome(journal, *finished);
        if (auto chosen = past.chosen_question(); !chosen.empty() && finished->closed_wall_ms) {
            const auto closed = to_local(WallTime{std::chrono::milliseconds{*finished->closed_wall_ms}}).date;
            restored.last_question = GroupQuestion{next_iso_week(iso_week_year(closed) * 100 + iso_week(closed)), std::move(chosen)};
        }
        engine.remember_last_outcome(past.chosen_statement());
        engine.remember_decisions(store::decisions_after(past));
    }
    const auto since = std::chrono::duration_cast<Millis>((clock.wall() - std::chrono::days{15}).time_since_epoch()).count();
    store::replay(engine, journal.coffee_events(since), clock);
    if (const auto open = journal.open_session_record()) {
        engine.recall(journal.facts(open->id));
        const auto entries = journal.open_session();
        store::replay(engine, entries, clock);
        journal.append_facts(engine.take_facts(), clock);
        restored.open_events = entries.size();
    }
    engine.take_facts();
    return restored;
}

}  // namespace kiosk::app
