#pragma once
// A session's or a week's outcome as one document before any format; the writers below only lay
// it out as Markdown, JSON, CSV or HTML. What a file may hold is decided here, once:
// - notes carry no participant number or other person id; a first name only when the room
//   shows names;
// - dot counts, places and chosen marks only for votes whose result the room has seen, and the
//   decision only once the room saw it decided;
// - every human text is already in the room's language (strings.<lang>.json), so a writer
//   never chooses words.
// Text from people and from the model stays exactly as written; each writer escapes it.
// Plain values, built and used on one thread.
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/decision.hpp"
#include "kiosk/store/session_export.hpp"

namespace kiosk::store {

// ---- A session ----------------------------------------------------------------------------

// Where a note ended in a vote whose result was shown.
struct Standing {
    int dots = 0;
    int place = 0;  // 1-based; equal dots share a place
    bool chosen = false;
    std::string dots_text;  // "3 stippen"
};

struct ReportNote {
    int id = 0;        // the note's number within the session; says nothing about its author
    std::string text;  // as written
    std::string name;  // the author's first name when the room shows names, else ""
    std::optional<Standing> standing;
};

struct RankedNote {
    std::string text;
    Standing standing;
};

// A dot vote's result as the room saw it.
struct ReportVote {
    std::vector<RankedNote> ranking;  // most dots first; empty when nobody placed a dot
    std::string chosen_by;            // "votes", "runoff", "room", "first_on_tie"; "" when none was chosen
    std::string tie;                  // how a tie was settled, in words; "" when the dots decided
};

// A surprise card the stage showed.
struct ReportCard {
    std::string kind;   // "question", "constraint", "role", "exercise", "quote"
    std::string label;  // as people read it: "Verrassingskaart · Rol"
    std::string text, by;
};

struct ReportStage {
    std::string id;
    std::string title;
    int minutes = 0;  // as planned
    bool has_vote = false;
    std::vector<ReportNote> notes;
    std::optional<ReportVote> vote;  // only once its result was shown
    bool vote_unseen = false;        // the vote ran but its result was not shown: no counts at all
    std::vector<ReportCard> cards;   // the surprise cards shown, in the order drawn
    // The format's clips, pictures and sounds shown, in the order started: kind "video", "image"
    // or "audio"; label "Filmpje · intro.mp4"; text its alt; by what went wrong, if it could not play.
    std::vector<ReportCard> media;
};

struct ReportParagraph {
    std::string markdown;  // the model's Markdown, unchanged; writers make links plain text
    bool heading = false;
    std::array<int, 3> marks{0, 0, 0};  // agree, question, risk (counts only, never who)
    std::string marks_text;             // "0 klopt, 0 vraag, 1 risico"; "" without marks
};

struct ReportAiVersion {
    std::string label;  // "AI-voorstel (model: llama3)": whose text this is, wherever it goes
    std::string text;   // the whole answer, unchanged
    std::string model;
    bool pasted = false;
    bool complete = false;
    std::string failure;
    std::vector<ReportParagraph> paragraphs;
};

struct ReportAi {
    int stage = -1;  // index into SessionReport::stages; the writers put the versions there
    std::string prompt;
    std::string prompt_label;  // "De prompt zoals verstuurd"
    int personal_details_removed = 0;
    std::vector<ReportAiVersion> versions;
};

struct ReportCriterion {
    std::string name;
    Distribution counts{};
    int scored = 0;
    double mean = 0;
    bool weak = false;
    bool spread = false;
};

struct ReportDecision {
    DecisionKind kind = DecisionKind::Park;
    std::string situation;
    std::string owner;
    std::string first_step;
    int review_date = 0;  // yyyymmdd; 0 when none
};

// The words the writers put around the data.
struct SessionLabels {
    std::string no_notes;     // "Geen bijdragen."
    std::string vote_result;  // "Uitslag van de stemming"
    std::string vote_unseen;  // "Uitslag niet getoond."
    std::string decision;     // the decision section's heading
    std::string chosen;       // a chosen note's CSV cell
    std::string group;        // who wrote a note, in the CSV: the group (anonymous)
    // The CSV's column headers.
    std::string col_stage_id, col_stage, col_note, col_name, col_source, col_text, col_dots, col_place, col_chosen;
};

struct SessionReport {
    std::string language;  // "nl" or "en"
    SessionLabels labels;

    // As people read it
    std::string heading;                      // "Videoframe — Leerruimte"
    std::string intro;                        // "Sessie van …, 3 deelnemers."
    std::vector<std::string> context;         // the work situation and the framing questions
    std::vector<std::string> decision_lines;  // scores, objections, the decision, owner, …

    // As plain values, for tools
    std::string title;  // the videoframe's
    std::string videoframe;  // the videoframe's id
    std::string room;
    std::string date;
    int participants = 0;
    std::string situation;
    std::vector<std::string> framing;
    std::vector<ReportStage> stages;
    ReportAi ai;
    std::vector<ReportCriterion> criteria;
    std::vector<std::string> objections;
    std::vector<std::string> edits;
    std::optional<ReportDecision> decision;
    std::vector<std::string> reflections;
    std::string coffee_question;  // the wrap-up's choice for next week's coffee corner; "" when none
};

SessionReport session_report(const View& view, const ExportHeader& header);

// A step's result counts as seen once the step reached its results part (Part::Results); before
// that the room saw at most how many had voted, and no file may tell more than the room saw.
bool result_shown(const View& view, int step);

// ---- A week -------------------------------------------------------------------------------

struct WeekRow {
    long long session = 0;
    std::string date;
    int minutes = 0;
    int participants = 0;
    int contributions = 0;
    std::string statement;  // the chosen problem statement; "" when none
    std::string format_id, format;  // the session's format (videoframe): id and title
    std::vector<std::pair<std::string, int>> stage_minutes;
    std::optional<ReportDecision> decision;

    // As people read it
    std::string line;           // "2026-11-23 09:00, 60 min, 3 deelnemers, 5 bijdragen: …"
    std::string decision_name;  // "Doen"; "" when none
    std::string decision_text;  // "Doen, Teamcoördinator, ma 7 december"; "" when none
    std::string stages_text;    // "Check-in: 3 min; Analyse: 12 min"
};

struct WeekLabels {
    std::string stages;    // "Minuten per fase"
    std::string sessions;  // "Sessies"
    // The sessions table's (CSV, HTML) column headers.
    std::string col_session, col_date, col_format, col_minutes, col_participants, col_statement, col_contributions, col_decision,
        col_owner, col_review, col_stages;
};

struct WeekReport {
    std::string language;
    WeekLabels labels;
    std::string heading;                   // "Leerruimte — 2026-W48"
    std::string summary;                   // "2 sessies, 120 minuten, …"
    std::vector<std::string> stage_lines;  // "Validatie: 6 min"

    std::string week;
    std::string room;
    int sessions_held = 0;
    int minutes = 0;
    int contributions = 0;
    int decided = 0;  // decisions with an owner and a review date
    std::vector<std::pair<std::string, int>> stage_minutes;
    std::vector<WeekRow> rows;

    // The coffee corner's question of the week with its answers (anonymous, newest first).
    bool has_coffee = false;
    std::string coffee_heading;       // "De vraag van de week"
    std::string coffee_question;
    std::string coffee_answers_line;  // "3 antwoorden"
    std::vector<std::string> coffee_answers;
};

WeekReport week_report(const std::string& week, const std::vector<WeekSession>& sessions, const std::string& room,
                       const ExportLanguage& language, const WeekCoffee& coffee = {});

// ---- The writers: layout only -------------------------------------------------------------

std::string markdown_of(const SessionReport& report);
std::string markdown_of(const WeekReport& report);
std::string json_of(const SessionReport& report);
std::string json_of(const WeekReport& report);
std::string csv_of(const SessionReport& report);
std::string csv_of(const WeekReport& report);
std::string html_of(const SessionReport& report);
std::string html_of(const WeekReport& report);

}  // namespace kiosk::store
