#include "kiosk/tools/record_commands.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

#include "kiosk/core/local_time.hpp"
#include "kiosk/tools/record_history.hpp"
#include "kiosk/tools/usage_error.hpp"
#include "kiosk/tools/session_files.hpp"
#include "kiosk/store/retention.hpp"
#include "kiosk/core/engine.hpp"
#include "kiosk/core/schedule.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/store/session_export.hpp"
#include "scenes/widgets.hpp"

namespace kiosk::tools {

namespace {

store::SessionRecord find_session(const store::Journal& journal, const std::string& which) {
    const auto sessions = journal.sessions();
    if (sessions.empty()) throw UsageError{"the journal in " + journal.file().parent_path().string() + " holds no sessions yet"};
    if (which == "last") return sessions.back();
    for (const auto& session : sessions)
        if (std::to_string(session.id) == which) return session;
    throw UsageError{"there is no session " + which + "; --sessions lists them (or use \"last\")"};
}

void list_sessions(const store::Journal& journal) {
    for (const auto& session : journal.sessions()) {
        std::cout << session.id << "  " << local_text(WallTime{Millis{session.opened_wall_ms}});
        if (!session.closed_wall_ms) {
            std::cout << "  open\n";
            continue;
        }
        std::cout << "  " << (*session.closed_wall_ms - session.opened_wall_ms) / 60000 << " min";
        // What it decided, from its recorded outcome.
        if (const auto outcome = recorded_outcome(journal, session)) {
            if (const auto decided = outcome->outcome()) std::cout << "  " << to_string(decided->kind);
            if (auto statement = outcome->chosen_statement(); !statement.empty()) {
                if (statement.size() > 60) statement = statement.substr(0, statement.find_last_of(' ', 57)) + "...";
                std::cout << "  \"" << statement << '"';
            }
        }
        std::cout << '\n';
    }
}

// "2026-W47" -> the ISO year and week, or nullopt.
std::optional<std::pair<int, int>> parse_week(const std::string& text) {
    int year = 0, week = 0;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%4d-W%2d%c", &year, &week, &extra) != 2 || week < 1 || week > 53) return std::nullopt;
    return std::pair{year, week};
}

}  // namespace

// Its events replayed until the week after began, so the answers are the ones that stood at
// the week's end.
store::WeekCoffee week_coffee(const store::Journal& journal, const Config& config, int wanted) {
    const auto monday = iso_week_monday(wanted);
    const auto since = wall_of(LocalMoment{monday, 0}) - std::chrono::days{15};
    Engine engine{config.content, config.settings.timers, config.settings.session};
    store::WeekCoffee coffee;
    for (const auto& entry : journal.coffee_events(std::chrono::duration_cast<Millis>(since.time_since_epoch()).count())) {
        auto event = entry.event;
        event.at = Millis{entry.wall_ms};  // a throwaway engine: its clock may be the wall clock
        if (event.kind == EventKind::CoffeeWeek && engine.view().coffee.week == wanted &&
            event.as<CoffeeWeekPayload>().week != wanted)
            break;
        engine.apply(event);
    }
    if (engine.view().coffee.week != wanted) return coffee;
    const auto& view = engine.view().coffee;
    coffee.held = true;
    // The question the corner asked: from the format of the last session before the week, as live.
    const auto formats = trajectory_history(journal, 0, config.settings.trajectory.start).week_formats;
    coffee.question = coffee_question(view, config.settings.coffee.group_first,
                                      scenes::question_of_the_week(*coffee_format(*config.library, formats, wanted), LocalMoment{monday, 0}));
    for (const auto* answer : view.shown()) coffee.answers.push_back(answer->text);
    return coffee;
}

namespace {

std::string week_summary(const store::Journal& journal, const Config& config, const std::string& week,
                         store::ExportFormat format) {
    const auto wanted = parse_week(week);
    if (!wanted) throw UsageError{"--export week:" + week + ": write the week as YYYY-Www, e.g. week:2026-W47"};
    std::vector<store::WeekSession> held;
    for (const auto& session : journal.sessions()) {
        const auto date = to_local(WallTime{Millis{session.opened_wall_ms}}).date;
        if (iso_week_year(date) != wanted->first || iso_week(date) != wanted->second) continue;
        const auto view = session_view(journal, session, config);
        const auto end = session.closed_wall_ms.value_or(session.opened_wall_ms);
        held.push_back(store::week_session(view, session.id, local_text(WallTime{Millis{session.opened_wall_ms}}),
                                           static_cast<int>((end - session.opened_wall_ms) / 60000)));
    }
    return store::export_week(week, held, config.settings.room_name, format, {config.settings.language, &config.strings},
                              week_coffee(journal, config, wanted->first * 100 + wanted->second));
}

void export_session(const store::Journal& journal, const Config& config, const RecordRequest& request) {
    const auto format = store::export_format_from(request.export_format);
    if (!format) throw UsageError{"--format " + request.export_format + ": choose md, json, csv or html"};
    std::string text;
    if (request.export_session->rfind("week:", 0) == 0) {
        text = week_summary(journal, config, request.export_session->substr(5), *format);
    } else {
        const auto session = find_session(journal, *request.export_session);
        text = store::export_session(session_view(journal, session, config), export_header(config, local_text(WallTime{Millis{session.opened_wall_ms}})),
                                     *format);
    }
    if (request.export_out.empty() || request.export_out == "-") {
        std::cout << text;
        return;
    }
    std::ofstream file{request.export_out, std::ios::binary};
    file << text;
    if (!file) throw std::runtime_error{"cannot write " + request.export_out.string()};
    std::cout << request.export_out.string() << '\n';
}

}  // namespace

bool run_record_command(const RecordRequest& request, const Config& config, const std::filesystem::path& data_dir) {
    if (!request.list_sessions && !request.export_session && !request.forget_session) return false;
    if (!std::filesystem::exists(data_dir / store::Journal::k_file_name))
        throw UsageError{"no journal in " + data_dir.string() + "; pass --data DIR with the kiosk's data folder"};
    store::Journal journal{data_dir};
    complete_record(journal, config, SystemClock{});
    if (request.list_sessions) list_sessions(journal);
    if (request.export_session) export_session(journal, config, request);
    if (request.forget_session) {
        const auto session = find_session(journal, *request.forget_session);
        const auto now = std::chrono::duration_cast<Millis>(SystemClock{}.wall().time_since_epoch()).count();
        const auto removed = store::forget_session(journal, data_dir, session, now);
        std::cout << "session " << session.id << " of " << local_text(WallTime{Millis{session.opened_wall_ms}}) << " is forgotten\n";
        for (const auto& path : removed) std::cout << "removed " << path.string() << '\n';
        if (removed.empty()) std::cout << "no export or damaged journal copy held it\n";
    }
    return true;
}

}  // namespace kiosk::tools
