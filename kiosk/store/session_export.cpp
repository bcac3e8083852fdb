#include "kiosk/store/session_export.hpp"

#include <cmark.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <memory>

#include "kiosk/core/text_rules.hpp"

namespace kiosk::store {

namespace {

using Json = nlohmann::json;

// One step's outcome, the same for every format.
struct StepOutcome {
    const StepSpec* spec;
    int index;
    std::vector<const Note*> notes;
    std::map<int, Ranked> ranked;  // note id -> dots and place, when the step had a vote
    std::set<int> chosen;          // the notes the vote chose (View::choices), not "the first places"
    const StageChoice* choice;
};

// How a tie at a deciding place was settled, in words; "" when the dots decided.
std::string tie_text(const StepOutcome& step, bool dutch) {
    if (!step.choice || step.chosen.empty()) return {};
    switch (step.choice->by) {
    case ChosenBy::Votes: return {};
    case ChosenBy::RunOff: return dutch ? "Gelijke stand: beslist in een tweede ronde." : "A tie: decided in a run-off.";
    case ChosenBy::Room: return dutch ? "Gelijke stand, ook na een tweede ronde: de groep koos." : "Still tied after a run-off: the group picked.";
    case ChosenBy::FirstOnTie: return dutch ? "Bij gelijke stand: de eerste." : "On a tie: the earlier one.";
    }
    return {};
}

std::vector<StepOutcome> outcomes(const View& view) {
    std::vector<StepOutcome> result;
    for (std::size_t i = 0; i < view.content->steps.size(); ++i) {
        const int index = static_cast<int>(i);
        StepOutcome step{&view.content->steps[i], index, view.notes_of(index), {}, {}, view.choice(index)};
        for (const auto& ranked : view.ranking(index)) step.ranked[ranked.note] = ranked;
        for (const auto* note : view.chosen(index)) step.chosen.insert(note->id);
        result.push_back(std::move(step));
    }
    return result;
}

std::string author(const View& view, const ExportHeader& header, const Note& note) {
    if (!header.show_names) return {};
    const auto* person = view.participant(note.author);
    return person ? person->name : std::string{};
}

// Markdown: every ASCII punctuation character may be backslash-escaped (CommonMark), so
// nothing typed can become a link, a table, a heading or HTML.
std::string markdown_text(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n' || c == '\r') { out += ' '; continue; }
        if (std::string_view{"\\`*_{}[]<>()#+-.!|~&\"'"}.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// RFC 4180, and a leading = + - @ made inert so a spreadsheet never runs it as a formula.
std::string csv_field(std::string text) {
    if (!text.empty() && std::string_view{"=+-@\t\r"}.find(text.front()) != std::string_view::npos) text = "'" + text;
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) out += c == '"' ? std::string{"\"\""} : std::string(1, c);
    return out + "\"";
}

// The AI proposal, labelled as AI text wherever it goes. Returns "" outside the AI stage.
std::string ai_label(const View& view, const ProposalVersion& version, std::size_t number) {
    const bool dutch = view.content->language == "nl";
    std::string label = dutch ? "AI-voorstel" : "AI proposal";
    if (view.proposal.versions.size() > 1) label += (dutch ? ", versie " : ", version ") + std::to_string(number);
    label += version.pasted ? (dutch ? " (geplakt uit de eigen AI-assistent van de groep)" : " (pasted from the group's own AI assistant)")
                            : " (model: " + version.model + ")";
    if (!version.complete)
        label += dutch ? " — onvolledig (" + version.failure + ")" : " — incomplete (" + version.failure + ")";
    return label;
}

// Mark counts per paragraph: agree, question, risk.
std::array<int, 3> mark_counts(const ProposalVersion& version, int paragraph) {
    std::array<int, 3> counts{0, 0, 0};
    if (const auto found = version.marks.find(paragraph); found != version.marks.end())
        for (const auto& [who, mark] : found->second)
            if (mark != Mark::None) ++counts[static_cast<std::size_t>(mark) - 1];
    return counts;
}

std::string marks_text(const View& view, const std::array<int, 3>& counts) {
    const bool dutch = view.content->language == "nl";
    if (counts[0] + counts[1] + counts[2] == 0) return {};
    return std::to_string(counts[0]) + (dutch ? " klopt, " : " agree, ") + std::to_string(counts[1]) +
           (dutch ? " vraag, " : " question, ") + std::to_string(counts[2]) + (dutch ? " risico" : " risk");
}

// Markdown from a model rendered to HTML by cmark; raw HTML in it is dropped (cmark's safe
// default), so an answer cannot put script or markup into the page.
std::string markdown_to_html(const std::string& markdown) {
    std::unique_ptr<char, decltype(&std::free)> html{cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT),
                                                     std::free};
    return html ? std::string{html.get()} : std::string{};
}

// The lobby's choices: the work situation and the framing questions.
std::vector<std::string> context_lines(const View& view) {
    const bool dutch = view.content->language == "nl";
    std::vector<std::string> lines;
    if (!view.situation.empty()) lines.push_back((dutch ? "Werksituatie: " : "Work situation: ") + view.situation);
    for (const int index : view.framing)
        lines.push_back((dutch ? "Kader: " : "Frame: ") + view.content->framing_questions.at(static_cast<std::size_t>(index)));
    return lines;
}

// The validation's outcome: scores per criterion, objections, the decision, owner, step, date, edits.
std::vector<std::string> decision_lines(const View& view, const DateWords& dates) {
    const bool dutch = view.content->language == "nl";
    std::vector<std::string> lines;
    const auto results = view.criterion_results();
    for (std::size_t c = 0; c < results.size(); ++c) {
        const auto& r = results[c];
        if (r.scored == 0) continue;
        std::string counts;
        for (int score = 0; score < 5; ++score)
            counts += (score ? " " : "") + std::to_string(score + 1) + ":" + std::to_string(r.counts[static_cast<std::size_t>(score)]);
        char mean[16];
        std::snprintf(mean, sizeof mean, "%.1f", r.mean);
        lines.push_back(view.content->criteria[c].name + " — " + counts + " (" + (dutch ? "gemiddeld " : "mean ") + mean + ")" +
                        (r.spread ? (dutch ? ", grote spreiding" : ", wide spread") : ""));
    }
    for (const auto& objection : view.validation.objections)
        lines.push_back((dutch ? "Bezwaar: " : "Objection: ") + objection.text);
    if (const auto outcome = view.outcome()) {
        lines.push_back((dutch ? "Besluit: " : "Decision: ") + std::string{to_string(outcome->kind)});
        if (!outcome->owner.empty()) lines.push_back((dutch ? "Eigenaar: " : "Owner: ") + outcome->owner);
        if (!outcome->first_step.empty()) lines.push_back((dutch ? "Eerste stap: " : "First step: ") + outcome->first_step);
        if (outcome->review_date) lines.push_back((dutch ? "Terugkijken: " : "Look back: ") + spoken_date(outcome->review_date, dates));
    }
    for (const auto& edit : view.validation.edits)
        lines.push_back((dutch ? "Aanpassing van de groep: " : "The group's change: ") + edit.text);
    for (const auto& shared : view.reflections)
        lines.push_back((dutch ? "Gedeelde reflectie: " : "Shared reflection: ") + shared.text);
    return lines;
}

std::string dots_text(const View& view, int dots) {
    const bool dutch = view.content->language == "nl";
    return std::to_string(dots) + (dutch ? (dots == 1 ? " stip" : " stippen") : (dots == 1 ? " dot" : " dots"));
}

std::string to_markdown(const View& view, const ExportHeader& header) {
    const bool dutch = view.content->language == "nl";
    std::string out = "# " + markdown_text(view.content->title) + " — " + markdown_text(header.room) + "\n\n";
    out += (dutch ? "Sessie van " : "Session of ") + markdown_text(header.date) + ", " +
           std::to_string(view.participants.size()) + (dutch ? " deelnemers" : " participants") + ".\n";
    for (const auto& line : context_lines(view)) out += "\n" + markdown_text(line) + "\n";
    for (const auto& step : outcomes(view)) {
        out += "\n## " + markdown_text(step.spec->title) + "\n\n";
        if (step.notes.empty()) {
            out += dutch ? "_Geen bijdragen._\n" : "_No contributions._\n";
            continue;
        }
        for (const auto* note : step.notes) {
            out += "- " + markdown_text(note->text);
            if (const auto name = author(view, header, *note); !name.empty()) out += " (" + markdown_text(name) + ")";
            out += "\n";
        }
        if (step.ranked.empty()) continue;
        out += dutch ? "\n**Uitslag van de stemming**\n\n" : "\n**Result of the vote**\n\n";
        for (const auto& ranked : view.ranking(step.index)) {
            const bool chosen = step.chosen.count(ranked.note) > 0;
            out += std::to_string(ranked.place) + "\\. " + (chosen ? "**" : "") + markdown_text(view.note(ranked.note)->text) +
                   (chosen ? "**" : "") + " — " + dots_text(view, ranked.dots) + "\n";
        }
        if (const auto tie = tie_text(step, dutch); !tie.empty()) out += "\n_" + markdown_text(tie) + "_\n";
    }
    if (const auto lines = decision_lines(view, header.dates); !lines.empty()) {
        out += dutch ? "\n## Besluit\n\n" : "\n## Decision\n\n";
        for (const auto& line : lines) out += "- " + markdown_text(line) + "\n";
    }
    // The AI's text as a quotation under its label: it is the model's, not the group's. '<'
    // and '&' become entities so no viewer renders HTML from it.
    const auto& versions = view.proposal.versions;
    for (std::size_t v = 0; v < versions.size(); ++v) {
        out += "\n### " + markdown_text(ai_label(view, versions[v], v + 1)) + "\n\n";
        const auto paragraphs = split_paragraphs(versions[v].text);
        for (std::size_t p = 0; p < paragraphs.size(); ++p) {
            std::string quoted = "> ";
            for (const char c : paragraphs[p].text)
                quoted += c == '\n' ? std::string{"\n> "} : c == '<' ? std::string{"&lt;"} : c == '&' ? std::string{"&amp;"} : std::string(1, c);
            out += quoted + "\n";
            if (const auto marks = marks_text(view, mark_counts(versions[v], static_cast<int>(p))); !marks.empty())
                out += ">\n> _(" + marks + ")_\n";
            out += ">\n";
        }
    }
    return out;
}

std::string to_json(const View& view, const ExportHeader& header) {
    Json stages = Json::array();
    for (const auto& step : outcomes(view)) {
        Json notes = Json::array();
        for (const auto* note : step.notes) {
            Json item{{"id", note->id}, {"text", note->text}, {"participant", note->author}};
            if (const auto name = author(view, header, *note); !name.empty()) item["name"] = name;
            if (const auto found = step.ranked.find(note->id); found != step.ranked.end()) {
                item["dots"] = found->second.dots;
                item["place"] = found->second.place;
                item["chosen"] = step.chosen.count(note->id) > 0;
            }
            notes.push_back(std::move(item));
        }
        stages.push_back({{"id", step.spec->id},
                          {"title", step.spec->title},
                          {"minutes", step.spec->duration.count() / 60000},
                          {"vote", step.spec->has_vote()},
                          {"chosen_by", step.choice && !step.chosen.empty() ? Json(to_string(step.choice->by)) : Json()},
                          {"notes", std::move(notes)}});
    }
    Json versions = Json::array();
    for (const auto& version : view.proposal.versions) {
        Json paragraphs = Json::array();
        const auto split = split_paragraphs(version.text);
        for (std::size_t p = 0; p < split.size(); ++p) {
            const auto counts = mark_counts(version, static_cast<int>(p));
            paragraphs.push_back({{"text", split[p].text}, {"heading", split[p].heading},
                                  {"agree", counts[0]}, {"question", counts[1]}, {"risk", counts[2]}});
        }
        versions.push_back({{"text", version.text}, {"ai_generated", true}, {"model", version.model}, {"pasted", version.pasted},
                            {"complete", version.complete}, {"failure", version.failure}, {"paragraphs", std::move(paragraphs)}});
    }
    // Individual votes and marks stay private: only the counts are exported.
    Json proposal{{"prompt", view.proposal.prompt}, {"personal_details_removed", view.proposal.removed},
                  {"versions", std::move(versions)}};
    Json criteria = Json::array();
    const auto results = view.criterion_results();
    for (std::size_t c = 0; c < results.size(); ++c)
        criteria.push_back({{"name", view.content->criteria[c].name}, {"counts", results[c].counts}, {"scored", results[c].scored},
                            {"mean", results[c].mean}, {"weak", results[c].weak}, {"spread", results[c].spread}});
    Json validation{{"criteria", std::move(criteria)}, {"objections", Json::array()}, {"edits", Json::array()}};
    for (const auto& o : view.validation.objections) validation["objections"].push_back(o.text);
    for (const auto& e : view.validation.edits) validation["edits"].push_back(e.text);
    if (const auto outcome = view.outcome())
        validation["decision"] = {{"kind", std::string{to_string(outcome->kind)}}, {"owner", outcome->owner},
                                  {"first_step", outcome->first_step}, {"review_date", format_date(outcome->review_date)}};
    Json framing = Json::array();
    for (const int index : view.framing) framing.push_back(view.content->framing_questions.at(static_cast<std::size_t>(index)));
    Json reflections = Json::array();
    for (const auto& r : view.reflections) reflections.push_back(r.text);
    const Json document{{"format", "vitale-kiosk/session/1"},
                        {"title", view.content->title},
                        {"language", view.content->language},
                        {"room", header.room},
                        {"date", header.date},
                        {"participants", view.participants.size()},
                        {"situation", view.situation},
                        {"framing_questions", std::move(framing)},
                        {"stages", std::move(stages)},
                        {"ai_proposal", std::move(proposal)},
                        {"validation", std::move(validation)},
                        {"shared_reflections", std::move(reflections)}};
    return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string to_csv(const View& view, const ExportHeader& header) {
    std::string out = "stage_id,stage,note_id,participant,name,text,dots,place\r\n";
    for (const auto& step : outcomes(view)) {
        for (const auto* note : step.notes) {
            const auto found = step.ranked.find(note->id);
            const bool voted = found != step.ranked.end();
            out += csv_field(step.spec->id) + "," + csv_field(step.spec->title) + "," + std::to_string(note->id) + "," +
                   std::to_string(note->author) + "," + csv_field(author(view, header, *note)) + "," +
                   csv_field(note->text) + "," + (voted ? std::to_string(found->second.dots) : "") + "," +
                   (voted ? std::to_string(found->second.place) : "") + "\r\n";
        }
    }
    // The AI proposal, a row a paragraph, its author column saying whose text it is.
    const int ai_step = view.proposal_step();
    for (std::size_t v = 0; v < view.proposal.versions.size(); ++v) {
        const auto& version = view.proposal.versions[v];
        for (const auto& paragraph : split_paragraphs(version.text))
            out += csv_field(view.content->steps.at(static_cast<std::size_t>(ai_step)).id) + "," +
                   csv_field(view.content->steps.at(static_cast<std::size_t>(ai_step)).title) + ",,AI," +
                   csv_field(ai_label(view, version, v + 1)) + "," + csv_field(paragraph.text) + ",,\r\n";
    }
    return out;
}

std::string to_html(const View& view, const ExportHeader& header) {
    const bool dutch = view.content->language == "nl";
    std::string out = "<!doctype html>\n<html lang=\"" + escape_html(view.content->language) +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape_html(view.content->title) + " — " +
                      escape_html(header.room) + "</title>\n<style>\n"
                      "body { font: 12pt/1.5 system-ui, sans-serif; max-width: 46em; margin: 2em auto; color: #111; }\n"
                      "h1 { font-size: 20pt; } h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.5em; }\n"
                      "li.chosen { font-weight: bold; } .dots { color: #555; }\n"
                      ".ai { border-left: 4px solid #c80; padding-left: 1em; } .ai-label { font-weight: bold; color: #a60; }\n"
                      ".marks { color: #555; font-size: 10pt; } pre { white-space: pre-wrap; font-size: 9pt; }\n"
                      "@media print { body { margin: 0; } h2 { break-after: avoid; } }\n</style>\n</head>\n<body>\n";
    out += "<h1>" + escape_html(view.content->title) + " — " + escape_html(header.room) + "</h1>\n<p>" +
           (dutch ? "Sessie van " : "Session of ") + escape_html(header.date) + ", " + std::to_string(view.participants.size()) +
           (dutch ? " deelnemers" : " participants") + ".</p>\n";
    for (const auto& line : context_lines(view)) out += "<p>" + escape_html(line) + "</p>\n";
    for (const auto& step : outcomes(view)) {
        out += "<h2>" + escape_html(step.spec->title) + "</h2>\n";
        if (step.notes.empty()) {
            out += std::string{"<p><em>"} + (dutch ? "Geen bijdragen." : "No contributions.") + "</em></p>\n";
            continue;
        }
        out += "<ul>\n";
        for (const auto* note : step.notes) {
            out += "<li>" + escape_html(note->text);
            if (const auto name = author(view, header, *note); !name.empty()) out += " (" + escape_html(name) + ")";
            out += "</li>\n";
        }
        out += "</ul>\n";
        if (step.ranked.empty()) continue;
        out += std::string{"<p><strong>"} + (dutch ? "Uitslag van de stemming" : "Result of the vote") + "</strong></p>\n<ol>\n";
        for (const auto& ranked : view.ranking(step.index))
            out += std::string{"<li"} + (step.chosen.count(ranked.note) ? " class=\"chosen\"" : "") + ">" +
                   escape_html(view.note(ranked.note)->text) + " <span class=\"dots\">— " + dots_text(view, ranked.dots) +
                   "</span></li>\n";
        out += "</ol>\n";
        if (const auto tie = tie_text(step, dutch); !tie.empty()) out += "<p><em>" + escape_html(tie) + "</em></p>\n";
    }
    if (const auto lines = decision_lines(view, header.dates); !lines.empty()) {
        out += std::string{"<h2>"} + (dutch ? "Besluit" : "Decision") + "</h2>\n<ul>\n";
        for (const auto& line : lines) out += "<li>" + escape_html(line) + "</li>\n";
        out += "</ul>\n";
    }
    const auto& versions = view.proposal.versions;
    for (std::size_t v = 0; v < versions.size(); ++v) {
        out += "<section class=\"ai\">\n<p class=\"ai-label\">" + escape_html(ai_label(view, versions[v], v + 1)) + "</p>\n";
        const auto paragraphs = split_paragraphs(versions[v].text);
        for (std::size_t p = 0; p < paragraphs.size(); ++p) {
            out += markdown_to_html(paragraphs[p].text);
            if (const auto marks = marks_text(view, mark_counts(versions[v], static_cast<int>(p))); !marks.empty())
                out += "<p class=\"marks\">(" + escape_html(marks) + ")</p>\n";
        }
        out += "</section>\n";
    }
    if (!view.proposal.prompt.empty())
        out += std::string{"<details><summary>"} + (dutch ? "De prompt zoals verstuurd" : "The prompt as sent") +
               "</summary><pre>" + escape_html(view.proposal.prompt) + "</pre></details>\n";
    return out + "</body>\n</html>\n";
}

}  // namespace

WeekSession week_session(const View& view, long long id, std::string date, int minutes) {
    WeekSession session{id, std::move(date), minutes, static_cast<int>(view.participants.size()), view.chosen_statement(), {}, 0, view.outcome()};
    for (std::size_t i = 0; i < view.content->steps.size() && i < view.spent.size(); ++i)
        session.stage_minutes.emplace_back(view.content->steps[i].title,
                                           static_cast<int>((view.spent[i].count() + 30'000) / 60'000));
    for (const auto& note : view.notes) session.contributions += note.withdrawn ? 0 : 1;
    return session;
}

namespace {

// Minutes per stage over the week, in the videoframe's order.
std::vector<std::pair<std::string, int>> week_stage_minutes(const std::vector<WeekSession>& sessions) {
    std::vector<std::pair<std::string, int>> totals;
    for (const auto& s : sessions)
        for (const auto& [title, minutes] : s.stage_minutes) {
            auto found = std::find_if(totals.begin(), totals.end(), [&](const auto& t) { return t.first == title; });
            if (found == totals.end()) totals.emplace_back(title, minutes);
            else found->second += minutes;
        }
    return totals;
}

std::string decision_summary(const std::optional<Decision>& d, const DateWords& dates) {
    if (!d) return "";
    std::string text{to_string(d->kind)};
    if (!d->owner.empty()) text += ", " + d->owner;
    if (d->review_date) text += ", " + spoken_date(d->review_date, dates);
    return text;
}

}  // namespace

std::string export_week(const std::string& week, const std::vector<WeekSession>& sessions, const std::string& room,
                        ExportFormat format, const DateWords& dates) {
    int minutes = 0, contributions = 0, decided = 0;
    for (const auto& s : sessions) {
        minutes += s.minutes;
        contributions += s.contributions;
        decided += s.decision && s.decision->kind != DecisionKind::Park && !s.decision->owner.empty() && s.decision->review_date ? 1 : 0;
    }
    const auto per_stage = week_stage_minutes(sessions);
    switch (format) {
    case ExportFormat::Json: {
        Json list = Json::array();
        for (const auto& s : sessions) {
            Json stages = Json::object();
            for (const auto& [title, m] : s.stage_minutes) stages[title] = m;
            Json item{{"session", s.id}, {"date", s.date}, {"minutes", s.minutes}, {"participants", s.participants},
                      {"problem_statement", s.headline}, {"contributions", s.contributions}, {"minutes_per_stage", stages}};
            if (s.decision)
                item["decision"] = {{"kind", std::string{to_string(s.decision->kind)}}, {"situation", s.decision->situation},
                                    {"owner", s.decision->owner}, {"first_step", s.decision->first_step},
                                    {"review_date", format_date(s.decision->review_date)}};
            list.push_back(std::move(item));
        }
        Json stages = Json::object();
        for (const auto& [title, m] : per_stage) stages[title] = m;
        return Json{{"format", "vitale-kiosk/week/2"}, {"week", week}, {"room", room}, {"sessions_held", sessions.size()},
                    {"minutes", minutes}, {"minutes_per_stage", stages}, {"contributions", contributions},
                    {"decisions_with_owner_and_date", decided}, {"sessions", std::move(list)}}
                   .dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    }
    case ExportFormat::Csv: {
        std::string out = "session,date,minutes,participants,problem_statement,contributions,decision,owner,review_date,minutes_per_stage\r\n";
        for (const auto& s : sessions) {
            std::string stages;
            for (const auto& [title, m] : s.stage_minutes) stages += (stages.empty() ? "" : "; ") + title + " " + std::to_string(m);
            out += std::to_string(s.id) + "," + csv_field(s.date) + "," + std::to_string(s.minutes) + "," +
                   std::to_string(s.participants) + "," + csv_field(s.headline) + "," + std::to_string(s.contributions) + "," +
                   (s.decision ? std::string{to_string(s.decision->kind)} : "") + "," + csv_field(s.decision ? s.decision->owner : "") + "," +
                   (s.decision ? format_date(s.decision->review_date) : "") + "," + csv_field(stages) + "\r\n";
        }
        return out;
    }
    case ExportFormat::Markdown: {
        std::string out = "# " + markdown_text(room) + " — " + markdown_text(week) + "\n\n" + std::to_string(sessions.size()) +
                          " sessions, " + std::to_string(minutes) + " minutes, " + std::to_string(contributions) +
                          " contributions, " + std::to_string(decided) + " decisions with an owner and a review date.\n\n";
        if (!per_stage.empty()) {
            out += "Minutes per stage: ";
            for (std::size_t i = 0; i < per_stage.size(); ++i)
                out += (i ? ", " : "") + markdown_text(per_stage[i].first) + " " + std::to_string(per_stage[i].second);
            out += ".\n\n";
        }
        for (const auto& s : sessions)
            out += "- " + markdown_text(s.date) + ", " + std::to_string(s.minutes) + " min, " + std::to_string(s.participants) +
                   " people, " + std::to_string(s.contributions) + " contributions: " +
                   (s.headline.empty() ? std::string{"—"} : markdown_text(s.headline)) +
                   (s.decision ? " → " + markdown_text(decision_summary(s.decision, dates)) : "") + "\n";
        return out;
    }
    case ExportFormat::Html: {
        std::string out = "<!doctype html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape_html(room) + " — " +
                          escape_html(week) + "</title>\n</head>\n<body>\n<h1>" + escape_html(room) + " — " + escape_html(week) +
                          "</h1>\n<p>" + std::to_string(sessions.size()) + " sessions, " + std::to_string(minutes) + " minutes, " +
                          std::to_string(contributions) + " contributions, " + std::to_string(decided) +
                          " decisions with an owner and a review date.</p>\n<ul>\n";
        for (const auto& [title, m] : per_stage) out += "<li>" + escape_html(title) + ": " + std::to_string(m) + " min</li>\n";
        out += "</ul>\n<table>\n<tr><th>date</th><th>minutes</th><th>people</th><th>contributions</th><th>problem statement</th>"
               "<th>decision</th></tr>\n";
        for (const auto& s : sessions)
            out += "<tr><td>" + escape_html(s.date) + "</td><td>" + std::to_string(s.minutes) + "</td><td>" +
                   std::to_string(s.participants) + "</td><td>" + std::to_string(s.contributions) + "</td><td>" +
                   escape_html(s.headline) + "</td><td>" + escape_html(decision_summary(s.decision, dates)) + "</td></tr>\n";
        return out + "</table>\n</body>\n</html>\n";
    }
    }
    return {};
}

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

std::string export_session(const View& view, const ExportHeader& header, ExportFormat format) {
    switch (format) {
    case ExportFormat::Markdown: return to_markdown(view, header);
    case ExportFormat::Json: return to_json(view, header);
    case ExportFormat::Csv: return to_csv(view, header);
    case ExportFormat::Html: return to_html(view, header);
    }
    return {};
}

}  // namespace kiosk::store
