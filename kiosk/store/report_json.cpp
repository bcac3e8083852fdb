// The reports as JSON for tools: field names in English and stable, texts exactly as written,
// dates in ISO. Labels for people are left out. Layout only; report.hpp decides what is in it.
#include <nlohmann/json.hpp>

#include "kiosk/store/report.hpp"

namespace kiosk::store {

namespace {

using Json = nlohmann::json;

std::string dumped(const Json& document) { return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

Json note_json(const ReportNote& note) {
    Json item{{"id", note.id}, {"text", note.text}};
    if (!note.name.empty()) item["name"] = note.name;
    if (const auto& standing = note.standing) {
        item["dots"] = standing->dots;
        item["place"] = standing->place;
        item["chosen"] = standing->chosen;
    }
    return item;
}

Json stage_json(const ReportStage& stage) {
    Json notes = Json::array();
    for (const auto& note : stage.notes) notes.push_back(note_json(note));
    const bool chosen = stage.vote && !stage.vote->chosen_by.empty();
    Json cards = Json::array();
    for (const auto& card : stage.cards) cards.push_back({{"kind", card.kind}, {"text", card.text}, {"by", card.by}});
    Json media = Json::array();
    for (const auto& shown : stage.media) media.push_back({{"kind", shown.kind}, {"shown", shown.label}, {"alt", shown.text}, {"problem", shown.by}});
    return Json{{"id", stage.id},
                {"title", stage.title},
                {"minutes", stage.minutes},
                {"vote", stage.has_vote},
                {"result_shown", stage.vote.has_value()},  // false: the room never saw counts, so neither does this file
                {"chosen_by", chosen ? Json(stage.vote->chosen_by) : Json()},
                {"notes", std::move(notes)},
                {"surprise_cards", std::move(cards)},
                {"media", std::move(media)}};
}

// Only the counts of the marks are exported; who marked what stays private.
Json ai_json(const ReportAi& ai) {
    Json versions = Json::array();
    for (const auto& version : ai.versions) {
        Json paragraphs = Json::array();
        for (const auto& p : version.paragraphs)
            paragraphs.push_back(Json{{"text", p.markdown}, {"heading", p.heading}, {"agree", p.marks[0]},
                                      {"question", p.marks[1]}, {"risk", p.marks[2]}});
        versions.push_back(Json{{"text", version.text}, {"ai_generated", true}, {"model", version.model},
                                {"pasted", version.pasted}, {"complete", version.complete}, {"failure", version.failure},
                                {"paragraphs", std::move(paragraphs)}});
    }
    return Json{{"prompt", ai.prompt}, {"personal_details_removed", ai.personal_details_removed}, {"versions", std::move(versions)}};
}

Json decision_json(const ReportDecision& d) {
    return Json{{"kind", std::string{to_string(d.kind)}}, {"situation", d.situation}, {"owner", d.owner},
                {"first_step", d.first_step}, {"review_date", format_date(d.review_date)}};
}

Json validation_json(const SessionReport& report) {
    Json criteria = Json::array();
    for (const auto& c : report.criteria)
        criteria.push_back(Json{{"name", c.name}, {"counts", c.counts}, {"scored", c.scored}, {"mean", c.mean},
                                {"weak", c.weak}, {"spread", c.spread}});
    Json validation{{"criteria", std::move(criteria)}, {"objections", report.objections}, {"edits", report.edits}};
    if (report.decision) validation["decision"] = decision_json(*report.decision);
    return validation;
}

}  // namespace

std::string json_of(const SessionReport& report) {
    Json stages = Json::array();
    for (const auto& stage : report.stages) stages.push_back(stage_json(stage));
    // Version 2: notes no longer carry a participant number.
    return dumped(Json{{"format", "vitale-kiosk/session/2"},
                       {"title", report.title},
                       {"videoframe", report.videoframe},
                       {"language", report.language},
                       {"room", report.room},
                       {"date", report.date},
                       {"participants", report.participants},
                       {"situation", report.situation},
                       {"framing_questions", report.framing},
                       {"stages", std::move(stages)},
                       {"ai_proposal", ai_json(report.ai)},
                       {"validation", validation_json(report)},
                       {"shared_reflections", report.reflections},
                       {"coffee_question", report.coffee_question}});
}

std::string json_of(const WeekReport& report) {
    Json sessions = Json::array();
    for (const auto& row : report.rows) {
        Json stages = Json::object();
        for (const auto& stage : row.stage_minutes) stages[stage.first] = stage.second;
        Json item{{"session", row.session}, {"date", row.date}, {"videoframe", {{"id", row.format_id}, {"title", row.format}}},
                  {"minutes", row.minutes}, {"participants", row.participants},
                  {"problem_statement", row.statement}, {"contributions", row.contributions}, {"minutes_per_stage", std::move(stages)}};
        if (row.decision) item["decision"] = decision_json(*row.decision);
        sessions.push_back(std::move(item));
    }
    Json stages = Json::object();
    for (const auto& stage : report.stage_minutes) stages[stage.first] = stage.second;
    Json coffee = nullptr;
    if (report.has_coffee) coffee = Json{{"question", report.coffee_question}, {"answers", report.coffee_answers}};
    return dumped(Json{{"format", "vitale-kiosk/week/3"},
                       {"question_of_the_week", std::move(coffee)},
                       {"week", report.week},
                       {"language", report.language},
                       {"room", report.room},
                       {"sessions_held", report.sessions_held},
                       {"minutes", report.minutes},
                       {"minutes_per_stage", std::move(stages)},
                       {"contributions", report.contributions},
                       {"decisions_with_owner_and_date", report.decided},
                       {"sessions", std::move(sessions)}});
}

}  // namespace kiosk::store
