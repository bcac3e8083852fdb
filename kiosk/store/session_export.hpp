#pragma once
// What a group takes home: a session's outcome, and the week's, as Markdown (to read), JSON
// (complete, for tools), CSV (a spreadsheet) and a printable HTML page. Each is one report
// (report.hpp) laid out by a thin writer, so every format holds the same: anonymous notes, dot
// counts only once the room saw the result, and every human text in the room's language.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/spoken_date.hpp"
#include "kiosk/core/strings.hpp"
#include "kiosk/core/view.hpp"

namespace kiosk::store {

enum class ExportFormat { Markdown, Json, Csv, Html };

std::optional<ExportFormat> export_format_from(std::string_view name);  // "md", "json", "csv", "html"
std::string_view extension(ExportFormat format);
std::string_view content_type(ExportFormat format);

// The room's language and its words (config/strings.<lang>.json, Config::strings). Every human
// text in an export comes from `strings`; the CSV's separator follows `code`.
struct ExportLanguage {
    std::string code = "nl";           // "nl" or "en"
    const Strings* strings = nullptr;  // must outlive the export call; none: the keys show instead
};

struct ExportHeader {
    std::string room;
    std::string date;         // "2026-11-22 09:00", local time the session opened
    bool show_names = false;  // first names next to contributions, when the room shows them
    DateWords dates{};        // dates as people read them (Markdown, HTML); empty: from language.strings
    ExportLanguage language;
};

std::string export_session(const View& view, const ExportHeader& header, ExportFormat format);

// One session in a week summary.
struct WeekSession {
    long long id = 0;
    std::string date;  // local "YYYY-MM-DD HH:MM"
    int minutes = 0;
    int participants = 0;
    std::string headline;  // the chosen problem statement (View::chosen_statement)
    std::vector<std::pair<std::string, int>> stage_minutes;  // step title -> minutes spent (rounded)
    int contributions = 0;                                   // notes from phones, all steps
    std::optional<Decision> decision;  // what the validation decided, once the room saw it decided
    std::string format_id, format;     // the session's format (videoframe): its id and title
};

// A week session's figures from its replayed View (at its wrap-up).
WeekSession week_session(const View& view, long long id, std::string date, int minutes);

// The week for the team and its manager ("verantwoording"): sessions held, minutes in total and
// per stage, contributions, and the decisions with their owners and review dates.
// `week` is "2026-W47".
// The coffee corner's week: its question and the answers the screen showed (approved, not
// hidden, not withdrawn), newest first; `held` is false when the kiosk had no coffee week then.
struct WeekCoffee {
    bool held = false;
    std::string question;
    std::vector<std::string> answers;
};

std::string export_week(const std::string& week, const std::vector<WeekSession>& sessions, const std::string& room,
                        ExportFormat format, const ExportLanguage& language = {}, const WeekCoffee& coffee = {});

}  // namespace kiosk::store
