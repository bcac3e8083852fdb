// The reports as a printable HTML page. Layout only; report.hpp decides what is in it. Every
// text is escaped; the model's Markdown is rendered with its links and images as plain text.
#include "kiosk/core/text_rules.hpp"
#include "kiosk/store/report.hpp"
#include "kiosk/store/report_text.hpp"

namespace kiosk::store {

namespace {

// The page needs nothing but its own inline style. Should any markup ever slip through, the
// policy keeps it from loading, sending or running anything, and no address leaks as a referrer.
constexpr const char* k_policy =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'\">\n"
    "<meta name=\"referrer\" content=\"no-referrer\">\n";

constexpr const char* k_session_style =
    "body { font: 12pt/1.5 system-ui, sans-serif; max-width: 46em; margin: 2em auto; color: #111; }\n"
    "h1 { font-size: 20pt; } h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.5em; }\n"
    "li.chosen { font-weight: bold; } .dots { color: #555; }\n"
    ".ai { border-left: 4px solid #c80; padding-left: 1em; } .ai-label { font-weight: bold; color: #a60; }\n"
    ".marks { color: #555; font-size: 10pt; } pre { white-space: pre-wrap; font-size: 9pt; }\n"
    "code { overflow-wrap: anywhere; }\n"
    "@media print { body { margin: 0; } h2 { break-after: avoid; } }\n";

constexpr const char* k_week_style =
    "body { font: 12pt/1.5 system-ui, sans-serif; max-width: 60em; margin: 2em auto; color: #111; }\n"
    "h1 { font-size: 20pt; } h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.5em; }\n"
    "table { border-collapse: collapse; } th, td { text-align: left; vertical-align: top; padding: 0.2em 0.6em; }\n"
    "th { border-bottom: 1px solid #999; } td.n { text-align: right; }\n"
    "@media print { body { margin: 0; } }\n";

std::string e(const std::string& text) { return escape_html(text); }

std::string page_start(const std::string& language, const std::string& title, const char* style) {
    return "<!doctype html>\n<html lang=\"" + e(language) + "\">\n<head>\n<meta charset=\"utf-8\">\n" + k_policy +
           "<title>" + e(title) + "</title>\n<style>\n" + style + "</style>\n</head>\n<body>\n";
}

std::string ai_html(const ReportAi& ai) {
    std::string out;
    for (const auto& version : ai.versions) {
        out += "<section class=\"ai\">\n<p class=\"ai-label\">" + e(version.label) + "</p>\n";
        for (const auto& paragraph : version.paragraphs) {
            out += ai_markdown_as_html(paragraph.markdown);
            if (!paragraph.marks_text.empty()) out += "<p class=\"marks\">(" + e(paragraph.marks_text) + ")</p>\n";
        }
        out += "</section>\n";
    }
    if (!ai.prompt.empty())
        out += "<details><summary>" + e(ai.prompt_label) + "</summary><pre>" + e(ai.prompt) + "</pre></details>\n";
    return out;
}

std::string stage_html(const SessionReport& report, const ReportStage& stage) {
    std::string out = "<h2>" + e(stage.title) + "</h2>\n";
    if (stage.notes.empty()) {
        out += "<p><em>" + e(report.labels.no_notes) + "</em></p>\n";
    } else {
        out += "<ul>\n";
        for (const auto& note : stage.notes)
            out += "<li>" + e(note.text) + (note.name.empty() ? std::string{} : " (" + e(note.name) + ")") + "</li>\n";
        out += "</ul>\n";
    }
    for (const auto* shown : {&stage.cards, &stage.media})
        for (const auto& card : *shown)
        out += "<blockquote class=\"card\"><strong>" + e(card.label) + "</strong>: " + e(card.text) +
               (card.by.empty() ? std::string{} : " — " + e(card.by)) + "</blockquote>\n";
    if (stage.vote && !stage.vote->ranking.empty()) {
        // value= numbers each line by its place, so shared places show as counted.
        out += "<p><strong>" + e(report.labels.vote_result) + "</strong></p>\n<ol>\n";
        for (const auto& ranked : stage.vote->ranking)
            out += "<li value=\"" + std::to_string(ranked.standing.place) + "\"" + (ranked.standing.chosen ? " class=\"chosen\"" : "") +
                   ">" + e(ranked.text) + " <span class=\"dots\">— " + e(ranked.standing.dots_text) + "</span></li>\n";
        out += "</ol>\n";
        if (!stage.vote->tie.empty()) out += "<p><em>" + e(stage.vote->tie) + "</em></p>\n";
    } else if (stage.vote_unseen) {
        out += "<p><em>" + e(report.labels.vote_unseen) + "</em></p>\n";
    }
    return out;
}

}  // namespace

std::string html_of(const SessionReport& report) {
    std::string out = page_start(report.language, report.heading, k_session_style);
    out += "<h1>" + e(report.heading) + "</h1>\n<p>" + e(report.intro) + "</p>\n";
    for (const auto& line : report.context) out += "<p>" + e(line) + "</p>\n";
    for (std::size_t i = 0; i < report.stages.size(); ++i) {
        out += stage_html(report, report.stages[i]);
        if (static_cast<int>(i) == report.ai.stage) out += ai_html(report.ai);
    }
    if (!report.decision_lines.empty()) {
        out += "<h2>" + e(report.labels.decision) + "</h2>\n<ul>\n";
        for (const auto& line : report.decision_lines) out += "<li>" + e(line) + "</li>\n";
        out += "</ul>\n";
    }
    return out + "</body>\n</html>\n";
}

std::string html_of(const WeekReport& report) {
    const auto& labels = report.labels;
    std::string out = page_start(report.language, report.heading, k_week_style);
    out += "<h1>" + e(report.heading) + "</h1>\n<p>" + e(report.summary) + "</p>\n";
    if (!report.stage_lines.empty()) {
        out += "<h2>" + e(labels.stages) + "</h2>\n<ul>\n";
        for (const auto& line : report.stage_lines) out += "<li>" + e(line) + "</li>\n";
        out += "</ul>\n";
    }
    std::string coffee;
    if (report.has_coffee) {
        coffee = "<h2>" + e(report.coffee_heading) + "</h2>\n<p><strong>" + e(report.coffee_question) + "</strong></p>\n<p>" +
                 e(report.coffee_answers_line) + "</p>\n<ul>\n";
        for (const auto& answer : report.coffee_answers) coffee += "<li>" + e(answer) + "</li>\n";
        coffee += "</ul>\n";
    }
    if (report.rows.empty()) return out + coffee + "</body>\n</html>\n";
    out += "<h2>" + e(labels.sessions) + "</h2>\n<table>\n<tr><th>" + e(labels.col_date) + "</th><th>" + e(labels.col_format) +
           "</th><th>" + e(labels.col_minutes) +
           "</th><th>" + e(labels.col_participants) + "</th><th>" + e(labels.col_contributions) + "</th><th>" +
           e(labels.col_statement) + "</th><th>" + e(labels.col_decision) + "</th></tr>\n";
    for (const auto& row : report.rows)
        out += "<tr><td>" + e(row.date) + "</td><td>" + e(row.format) + "</td><td class=\"n\">" + std::to_string(row.minutes) + "</td><td class=\"n\">" +
               std::to_string(row.participants) + "</td><td class=\"n\">" + std::to_string(row.contributions) + "</td><td>" +
               e(row.statement) + "</td><td>" + e(row.decision_text) + "</td></tr>\n";
    return out + "</table>\n" + coffee + "</body>\n</html>\n";
}

}  // namespace kiosk::store
