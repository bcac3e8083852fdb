// The reports as Markdown: a summary that reads well as plain text and renders as the same
// words in any viewer. Layout only; report.hpp decides what is in it.
#include <algorithm>

#include "kiosk/store/report.hpp"
#include "kiosk/store/report_text.hpp"

namespace kiosk::store {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// An address as a code span, fenced by one backtick more than it holds in a row. Escaping is
// not enough for an address: GitHub links bare addresses again after resolving backslashes,
// but never inside code, and "`http://x`" still reads as the address it is.
std::string code_span(std::string_view text) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
    return fence + (pad ? " " : "") + std::string{text} + (pad ? " " : "") + fence;
}

// Plain text escaped only where Markdown would read it differently (CommonMark lets a backslash
// go before any ASCII punctuation): everywhere the characters of emphasis, code, links, images,
// HTML, strike-through and entities; at the start of a line also a heading's '#', a list's
// "-", "+", "1." or "1)", a setext '=' and indentation (which would make code). A hyphen in
// "2026-W48" or "Check-in" stays as it is. Line breaks become spaces: one text, one line.
void escape_into(std::string& out, std::string_view text, bool line_start) {
    std::size_t i = 0;
    if (line_start) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        std::size_t digits = i;
        while (digits < text.size() && digits - i < 10 && is_digit(text[digits])) ++digits;
        if (digits > i && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) {
            out.append(text.substr(i, digits - i));
            out += '\\';
            i = digits;
        } else if (i < text.size() && std::string_view{"#-+="}.find(text[i]) != std::string_view::npos) {
            out += '\\';
        }
    }
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        const bool entity = c == '&' && (next == '#' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'));
        if (entity || std::string_view{"\\`*_[]<>~"}.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
}

// Text from anyone, ready to stand at the start of a line or anywhere after.
std::string md(std::string_view text) {
    std::string out;
    bool first = true;
    for (const auto& run : address_runs(text)) {
        if (run.address) out += code_span(run.text);
        else escape_into(out, run.text, first);
        first = false;
    }
    return out;
}

std::string emphasised(std::string_view text) { return "_" + md(text) + "_"; }

// The model's text as a quotation: it is the model's, not the group's.
std::string quoted(const std::string& markdown) {
    std::string out;
    for (std::size_t start = 0; start < markdown.size();) {
        const std::size_t end = std::min(markdown.find('\n', start), markdown.size());
        const std::string line = markdown.substr(start, end - start);
        out += line.empty() ? std::string{">\n"} : "> " + line + "\n";
        start = end + 1;
    }
    return out;
}

std::string ai_markdown(const ReportAi& ai) {
    std::string out;
    for (const auto& version : ai.versions) {
        out += "\n### " + md(version.label) + "\n\n";
        for (const auto& paragraph : version.paragraphs) {
            out += quoted(ai_markdown_as_markdown(paragraph.markdown));
            if (!paragraph.marks_text.empty()) out += ">\n> _(" + md(paragraph.marks_text) + ")_\n";
            out += ">\n";
        }
    }
    return out;
}

std::string stage_markdown(const SessionReport& report, const ReportStage& stage) {
    std::string out = "\n## " + md(stage.title) + "\n\n";
    if (stage.notes.empty()) out += emphasised(report.labels.no_notes) + "\n";
    for (const auto& note : stage.notes)
        out += "- " + md(note.text) + (note.name.empty() ? std::string{} : " (" + md(note.name) + ")") + "\n";
    for (const auto* shown : {&stage.cards, &stage.media})
        for (const auto& card : *shown)
        out += "\n> **" + md(card.label) + "**: " + md(card.text) + (card.by.empty() ? std::string{} : " — " + md(card.by)) + "\n";
    if (stage.vote && !stage.vote->ranking.empty()) {
        out += "\n**" + md(report.labels.vote_result) + "**\n\n";
        for (const auto& ranked : stage.vote->ranking) {
            const auto text = ranked.standing.chosen ? "**" + md(ranked.text) + "**" : md(ranked.text);
            // The place escaped, so shared places ("1. 1. 3.") stay as counted, not renumbered.
            out += "- " + std::to_string(ranked.standing.place) + "\\. " + text + " — " + md(ranked.standing.dots_text) + "\n";
        }
        if (!stage.vote->tie.empty()) out += "\n" + emphasised(stage.vote->tie) + "\n";
    } else if (stage.vote_unseen) {
        out += "\n" + emphasised(report.labels.vote_unseen) + "\n";
    }
    return out;
}

}  // namespace

std::string markdown_of(const SessionReport& report) {
    std::string out = "# " + md(report.heading) + "\n\n" + md(report.intro) + "\n";
    for (const auto& line : report.context) out += "\n" + md(line) + "\n";
    for (std::size_t i = 0; i < report.stages.size(); ++i) {
        out += stage_markdown(report, report.stages[i]);
        if (static_cast<int>(i) == report.ai.stage) out += ai_markdown(report.ai);
    }
    if (!report.decision_lines.empty()) {
        out += "\n## " + md(report.labels.decision) + "\n\n";
        for (const auto& line : report.decision_lines) out += "- " + md(line) + "\n";
    }
    return out;
}

std::string markdown_of(const WeekReport& report) {
    std::string out = "# " + md(report.heading) + "\n\n" + md(report.summary) + "\n";
    if (!report.stage_lines.empty()) {
        out += "\n## " + md(report.labels.stages) + "\n\n";
        for (const auto& line : report.stage_lines) out += "- " + md(line) + "\n";
    }
    if (!report.rows.empty()) {
        out += "\n## " + md(report.labels.sessions) + "\n\n";
        for (const auto& row : report.rows) out += "- " + md(row.line) + "\n";
    }
    if (report.has_coffee) {
        out += "\n## " + md(report.coffee_heading) + "\n\n**" + md(report.coffee_question) + "**\n\n" +
               md(report.coffee_answers_line) + "\n\n";
        for (const auto& answer : report.coffee_answers) out += "- " + md(answer) + "\n";
    }
    return out;
}

}  // namespace kiosk::store
