#pragma once
// What a group takes home: a session's outcome as Markdown (to read), JSON (complete, for
// tools), CSV (one row per contribution) and a printable HTML page. Pure functions of a View;
// every format escapes what people typed so it survives intact and harmless.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/spoken_date.hpp"
#include "kiosk/core/view.hpp"

namespace kiosk::store {

enum class ExportFormat { Markdown, Json, Csv, Html };

std::optional<ExportFormat> export_format_from(std::string_view name);  // "md", "json", "csv", "html"
std::string_view extension(ExportFormat format);
std::string_view content_type(ExportFormat format);

struct ExportHeader {
    std::string room;
    std::string date;        // "2026-11-22 09:00", local time the session opened
    bool show_names = false; // first names next to contributions, when the room shows them
    DateWords dates{};       // dates as the room reads them in Markdown and HTML (JSON and CSV: ISO)
};

std::string export_session(const View& view, const ExportHeader& header, ExportFormat format);

// One session in a week summary.
struct WeekSession {
    long long id = 0;
    std::string date;  // local "YYYY-MM-DD HH:MM"
    int minutes = 0;
    int participants = 0;
    std::string headline;  // the chosen problem statement (View::headline)
    std::vector<std::pair<std::string, int>> stage_minutes;  // step title -> minutes spent (rounded)
    int contributions = 0;                                   // notes from phones, all steps
    std::optional<Decision> decision;                         // what the validation decided
};

// A week session's figures from its replayed View (at its wrap-up).
WeekSession week_session(const View& view, long long id, std::string date, int minutes);

// The week for the team and its manager ("verantwoording"): sessions held, minutes in total and
// per stage, contributions, and the decisions with their owners and review dates.
// `week` is "2026-W47".
std::string export_week(const std::string& week, const std::vector<WeekSession>& sessions, const std::string& room,
                        ExportFormat format, const DateWords& dates = {});

}  // namespace kiosk::store
