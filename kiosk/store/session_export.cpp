#include "kiosk/store/session_export.hpp"

#include "kiosk/store/report.hpp"

namespace kiosk::store {

std::optional<ExportFormat> export_format_from(std::string_view name) {
    if (name == "md") return ExportFormat::Markdown;
    if (name == "json") return ExportFormat::Json;
    if (name == "csv") return ExportFormat::Csv;
    if (name == "html") return ExportFormat::Html;
    return std::nullopt;
}

std::string_view extension(ExportFormat format) {
    switch (format) {
    case ExportFormat::Markdown: return "md";
    case ExportFormat::Json: return "json";
    case ExportFormat::Csv: return "csv";
    case ExportFormat::Html: return "html";
    }
    return "txt";
}

std::string_view content_type(ExportFormat format) {
    switch (format) {
    case ExportFormat::Markdown: return "text/markdown; charset=utf-8";
    case ExportFormat::Json: return "application/json";
    case ExportFormat::Csv: return "text/csv; charset=utf-8";
    case ExportFormat::Html: return "text/html; charset=utf-8";
    }
    return "text/plain";
}

namespace {

template <typename Report>
std::string written(const Report& report, ExportFormat format) {
    switch (format) {
    case ExportFormat::Markdown: return markdown_of(report);
    case ExportFormat::Json: return json_of(report);
    case ExportFormat::Csv: return csv_of(report);
    case ExportFormat::Html: return html_of(report);
    }
    return {};
}

}  // namespace

std::string export_session(const View& view, const ExportHeader& header, ExportFormat format) {
    return written(session_report(view, header), format);
}

std::string export_week(const std::string& week, const std::vector<WeekSession>& sessions, const std::string& room,
                        ExportFormat format, const ExportLanguage& language, const WeekCoffee& coffee) {
    return written(week_report(week, sessions, room, language, coffee), format);
}

}  // namespace kiosk::store
