// The reports as CSV for a spreadsheet: one row per contribution (a session) or per session (a
// week). Layout only; report.hpp decides what is in it.
//
// Spreadsheets open a CSV with their locale's list separator, so the separator follows the
// room's language: ';' for nl (Excel in nl-NL, where the comma is the decimal sign) and ',' for
// en. A UTF-8 BOM makes Excel read "Teamcoördinator" as written; rows end in CRLF and every
// field is quoted, which every spreadsheet reads the same way (RFC 4180).
#include <string_view>
#include <vector>

#include "kiosk/core/decision.hpp"
#include "kiosk/store/report.hpp"

namespace kiosk::store {

namespace {

bool is_one_of(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

// A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula.
// A field may be split again (pasted, "text to columns", another separator), so a ' goes before
// such a character at the start of the field and after every , ; | tab or line break in it,
// spaces between them included. The ' shows, and says plainly that the text was not a formula.
std::string inert(std::string_view text) {
    std::string out;
    bool piece_starts = true;
    for (const char c : text) {
        if (piece_starts && is_one_of(c, "=+-@\t\r")) out += '\'';
        out += c;
        if (is_one_of(c, ",;|\t\r\n")) piece_starts = true;
        else if (c != ' ') piece_starts = false;
    }
    return out;
}

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) out += c == '"' ? std::string{"\"\""} : std::string(1, c);
    return out + "\"";
}

// Anyone's text, and the labels too: made inert, then quoted.
std::string text_cell(std::string_view text) { return quoted(inert(text)); }
// A number the kiosk counted: quoted like every field, never altered (it holds nobody's text).
std::string number_cell(long long number) { return quoted(std::to_string(number)); }
std::string empty_cell() { return quoted(""); }

// The file as its rows are added: BOM first, the room's separator, CRLF. One export call's.
class Table {
public:
    explicit Table(const std::string& language) : m_separator{language == "nl" ? ';' : ','} {}

    void add(const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) m_text += m_separator;
            m_text += cells[i];
        }
        m_text += "\r\n";
    }
    std::string text() const { return m_text; }

private:
    char m_separator;
    std::string m_text = "\xEF\xBB\xBF";  // the UTF-8 byte order mark
};

}  // namespace

std::string csv_of(const SessionReport& report) {
    const auto& l = report.labels;
    Table table{report.language};
    table.add({text_cell(l.col_stage_id), text_cell(l.col_stage), text_cell(l.col_note), text_cell(l.col_name),
               text_cell(l.col_source), text_cell(l.col_text), text_cell(l.col_dots), text_cell(l.col_place),
               text_cell(l.col_chosen)});
    for (const auto& stage : report.stages) {
        // A surprise card: its source column says it was the format's card, not the group's text.
        for (const auto* shown : {&stage.cards, &stage.media})
            for (const auto& card : *shown)
            table.add({text_cell(stage.id), text_cell(stage.title), empty_cell(), empty_cell(), text_cell(card.label),
                       text_cell(card.by.empty() ? card.text : card.text + " — " + card.by), empty_cell(), empty_cell(), empty_cell()});
        for (const auto& note : stage.notes) {
            const auto& standing = note.standing;
            table.add({text_cell(stage.id), text_cell(stage.title), number_cell(note.id), text_cell(note.name),
                       text_cell(l.group), text_cell(note.text), standing ? number_cell(standing->dots) : empty_cell(),
                       standing ? number_cell(standing->place) : empty_cell(),
                       standing && standing->chosen ? text_cell(l.chosen) : empty_cell()});
        }
    }
    // The AI proposal, a row a paragraph; its source column says whose text it is.
    const bool has_stage = report.ai.stage >= 0 && static_cast<std::size_t>(report.ai.stage) < report.stages.size();
    const std::string stage_id = has_stage ? report.stages[static_cast<std::size_t>(report.ai.stage)].id : std::string{};
    const std::string stage_title = has_stage ? report.stages[static_cast<std::size_t>(report.ai.stage)].title : std::string{};
    for (const auto& version : report.ai.versions)
        for (const auto& paragraph : version.paragraphs)
            table.add({text_cell(stage_id), text_cell(stage_title), empty_cell(), empty_cell(), text_cell(version.label),
                       text_cell(paragraph.markdown), empty_cell(), empty_cell(), empty_cell()});
    return table.text();
}

std::string csv_of(const WeekReport& report) {
    const auto& l = report.labels;
    Table table{report.language};
    table.add({text_cell(l.col_session), text_cell(l.col_date), text_cell(l.col_format), text_cell(l.col_minutes), text_cell(l.col_participants),
               text_cell(l.col_statement), text_cell(l.col_contributions), text_cell(l.col_decision), text_cell(l.col_owner),
               text_cell(l.col_review), text_cell(l.col_stages)});
    for (const auto& row : report.rows) {
        const auto& d = row.decision;
        table.add({number_cell(row.session), text_cell(row.date), text_cell(row.format), number_cell(row.minutes), number_cell(row.participants),
                   text_cell(row.statement), number_cell(row.contributions), text_cell(row.decision_name),
                   text_cell(d ? d->owner : std::string{}), text_cell(d ? format_date(d->review_date) : std::string{}),
                   text_cell(row.stages_text)});
    }
    // The question of the week and its answers below the sessions, one per row, in the first column.
    if (report.has_coffee) {
        table.add({text_cell("")});
        table.add({text_cell(report.coffee_heading), text_cell(report.coffee_question)});
        for (const auto& answer : report.coffee_answers) table.add({text_cell(answer)});
    }
    return table.text();
}

}  // namespace kiosk::store
