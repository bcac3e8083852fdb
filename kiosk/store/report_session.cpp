// A session's report, built once from its View: what every export format holds.
#include <cmath>
#include <map>
#include <set>

#include "kiosk/core/proposal.hpp"
#include "kiosk/store/report.hpp"
#include "kiosk/store/report_words.hpp"

namespace kiosk::store {

bool result_shown(const View& view, int step) {
    return step >= 0 && static_cast<std::size_t>(step) < view.parts.size() &&
           view.parts[static_cast<std::size_t>(step)] == Part::Results;
}

namespace {

bool vote_running(const View& view, int step) {
    return step >= 0 && static_cast<std::size_t>(step) < view.parts.size() &&
           view.parts[static_cast<std::size_t>(step)] == Part::Vote;
}

// The first name is the only identity an export may carry, and only when the room shows names.
std::string name_of(const View& view, const ExportHeader& header, const Note& note) {
    if (!header.show_names) return {};
    const auto* person = view.participant(note.author);
    return person ? person->name : std::string{};
}

// How a tie at a deciding place was settled, in words; "" when the dots decided.
std::string tie_text(const ReportWords& words, ChosenBy by) {
    switch (by) {
    case ChosenBy::Votes: return {};
    case ChosenBy::RunOff: return words.text("report_tie_runoff");
    case ChosenBy::Room: return words.text("report_tie_room");
    case ChosenBy::FirstOnTie: return words.text("report_tie_first");
    }
    return {};
}

// The vote's result, when the room saw it, with each ranked note's standing by note id.
std::optional<ReportVote> vote_of(const View& view, const ReportWords& words, int index, std::map<int, Standing>& standings) {
    if (!result_shown(view, index)) return std::nullopt;
    std::set<int> chosen;  // what the vote chose (View::choices), not simply the first places
    for (const auto* note : view.chosen(index)) chosen.insert(note->id);
    ReportVote vote;
    for (const auto& ranked : view.ranking(index)) {
        const auto* note = view.note(ranked.note);
        if (!note) continue;
        const Standing standing{ranked.dots, ranked.place, chosen.count(ranked.note) > 0, words.count("report_dots", ranked.dots)};
        standings.emplace(ranked.note, standing);
        vote.ranking.push_back({note->text, standing});
    }
    if (const auto* choice = view.choice(index); choice && !chosen.empty()) {
        vote.chosen_by = std::string{to_string(choice->by)};
        vote.tie = tie_text(words, choice->by);
    }
    return vote;
}

ReportStage stage_of(const View& view, const ExportHeader& header, const ReportWords& words, int index) {
    const auto& spec = view.content->steps.at(static_cast<std::size_t>(index));
    ReportStage stage;
    stage.id = spec.id;
    stage.title = spec.title;
    stage.minutes = static_cast<int>(spec.duration.count() / 60'000);
    stage.has_vote = spec.has_vote();
    std::map<int, Standing> standings;
    if (spec.has_vote()) {
        stage.vote = vote_of(view, words, index, standings);
        stage.vote_unseen = vote_running(view, index);
    }
    for (const auto& card : view.cards_shown)
        if (card.step == index) {
            const auto& kind = name_of(card.kind, card_kind_names());
            stage.cards.push_back({kind, words.format("report_card", {{"kind", words.text("card_" + kind)}}), card.text, card.by});
        }
    for (const auto& shown : view.media_shown)
        if (shown.step == index) {
            const auto& kind = name_of(shown.kind, media_kind_names());
            stage.media.push_back({kind, words.text("report_media_" + kind) + " · " + shown.file, shown.alt,
                                   shown.problem.empty() ? "" : words.format("report_media_problem", {{"problem", shown.problem}})});
        }
    for (const auto* note : view.notes_of(index)) {
        ReportNote item{note->id, note->text, name_of(view, header, *note), std::nullopt};
        if (const auto found = standings.find(note->id); found != standings.end()) item.standing = found->second;
        stage.notes.push_back(std::move(item));
    }
    return stage;
}

// The reason a version stopped early, in the words the screen uses (ai_why_*).
std::string failure_words(const ReportWords& words, const std::string& failure) {
    if (failure.rfind("http_", 0) == 0) return words.format("ai_why_http", {{"code", failure.substr(5)}});
    const auto key = "ai_why_" + failure;
    const auto& text = words.text(key);
    return text == key ? failure : text;
}

// Whose text this is, so the model's words are never mistaken for the group's. Values that
// could hold braces go last into format(), so nothing in them is taken for a placeholder.
std::string ai_label(const ReportWords& words, const ProposalVersion& version, std::size_t number, std::size_t versions) {
    std::string label = versions > 1 ? words.format("report_ai_version", {{"n", std::to_string(number)}}) : words.text("report_ai");
    label = version.pasted ? words.format("report_ai_pasted", {{"label", label}})
                           : words.format("report_ai_model", {{"label", label}, {"model", version.model}});
    if (!version.complete)
        label = words.format("report_ai_incomplete", {{"why", failure_words(words, version.failure)}, {"label", label}});
    return label;
}

// Marks per paragraph, counted: agree, question, risk. Who marked what stays private.
std::array<int, 3> mark_counts(const ProposalVersion& version, int paragraph) {
    std::array<int, 3> counts{0, 0, 0};
    if (const auto found = version.marks.find(paragraph); found != version.marks.end())
        for (const auto& entry : found->second)
            if (entry.second != Mark::None) ++counts[static_cast<std::size_t>(entry.second) - 1];
    return counts;
}

ReportAi ai_of(const View& view, const ReportWords& words) {
    ReportAi ai;
    ai.stage = view.proposal_step();
    ai.prompt = view.proposal.prompt;
    ai.prompt_label = words.text("report_prompt");
    ai.personal_details_removed = view.proposal.removed;
    const auto& versions = view.proposal.versions;
    for (std::size_t v = 0; v < versions.size(); ++v) {
        const auto& version = versions[v];
        ReportAiVersion out{ai_label(words, version, v + 1, versions.size()), version.text, version.model, version.pasted,
                            version.complete, version.failure, {}};
        const auto paragraphs = split_paragraphs(version.text);
        for (std::size_t p = 0; p < paragraphs.size(); ++p) {
            const auto counts = mark_counts(version, static_cast<int>(p));
            const bool marked = counts[0] + counts[1] + counts[2] > 0;
            out.paragraphs.push_back({paragraphs[p].text, paragraphs[p].heading, counts,
                                      marked ? words.format("report_marks", {{"agree", std::to_string(counts[0])},
                                                                             {"question", std::to_string(counts[1])},
                                                                             {"risk", std::to_string(counts[2])}})
                                             : std::string{}});
        }
        ai.versions.push_back(std::move(out));
    }
    return ai;
}

// "4,5" in Dutch, "4.5" in English: one decimal, without the C locale's say.
std::string mean_text(double mean, const std::string& language) {
    const long tenths = std::lround(mean * 10);
    return std::to_string(tenths / 10) + (language == "nl" ? "," : ".") + std::to_string(tenths % 10);
}

// The validation in words: the scores the screen showed per criterion, objections, and, once the
// room saw it decided, the decision with its owner, first step and review date.
std::vector<std::string> decision_lines(const SessionReport& report, const ReportWords& words) {
    std::vector<std::string> lines;
    for (const auto& criterion : report.criteria) {
        if (criterion.scored == 0) continue;
        std::string counts;
        for (std::size_t score = 0; score < criterion.counts.size(); ++score)
            counts += (score ? " " : "") + std::to_string(score + 1) + ":" + std::to_string(criterion.counts[score]);
        lines.push_back(words.format(criterion.spread ? "report_criterion_spread" : "report_criterion",
                                     {{"counts", counts}, {"mean", mean_text(criterion.mean, report.language)}, {"criterion", criterion.name}}));
    }
    for (const auto& objection : report.objections) lines.push_back(words.format("report_objection", {{"text", objection}}));
    if (const auto& d = report.decision) {
        lines.push_back(words.format("report_decision", {{"decision", words.text("decision_" + std::string{to_string(d->kind)})}}));
        if (!d->owner.empty()) lines.push_back(words.format("report_owner", {{"owner", d->owner}}));
        if (!d->first_step.empty()) lines.push_back(words.format("report_first_step", {{"step", d->first_step}}));
        if (d->review_date) lines.push_back(words.format("report_review", {{"date", words.date(d->review_date)}}));
    }
    for (const auto& edit : report.edits) lines.push_back(words.format("report_edit", {{"text", edit}}));
    for (const auto& shared : report.reflections) lines.push_back(words.format("report_reflection", {{"text", shared}}));
    if (!report.coffee_question.empty())
        lines.push_back(words.format("report_coffee_question", {{"question", report.coffee_question}}));
    return lines;
}

SessionLabels labels_of(const ReportWords& words) {
    SessionLabels labels;
    labels.no_notes = words.text("report_no_notes");
    labels.vote_result = words.text("report_vote_result");
    labels.vote_unseen = words.text("report_vote_unseen");
    labels.decision = words.text("report_decision_heading");
    labels.chosen = words.text("report_chosen");
    labels.group = words.text("report_source_group");
    labels.col_stage_id = words.text("report_col_stage_id");
    labels.col_stage = words.text("report_col_stage");
    labels.col_note = words.text("report_col_note");
    labels.col_name = words.text("report_col_name");
    labels.col_source = words.text("report_col_source");
    labels.col_text = words.text("report_col_text");
    labels.col_dots = words.text("report_col_dots");
    labels.col_place = words.text("report_col_place");
    labels.col_chosen = words.text("report_col_chosen");
    return labels;
}

// The validation as values: scores were on the screen while people gave them; the decision
// only once the validation reached its owner part, where the room saw it decided.
void add_validation(SessionReport& report, const View& view) {
    const auto results = view.criterion_results();
    for (std::size_t c = 0; c < results.size() && c < view.content->criteria.size(); ++c)
        report.criteria.push_back({view.content->criteria[c].name, results[c].counts, results[c].scored, results[c].mean,
                                   results[c].weak, results[c].spread});
    for (const auto& objection : view.validation.objections) report.objections.push_back(objection.text);
    for (const auto& edit : view.validation.edits) report.edits.push_back(edit.text);
    if (result_shown(view, view.validation_step()))
        if (const auto outcome = view.outcome())
            report.decision = ReportDecision{outcome->kind, outcome->situation, outcome->owner, outcome->first_step, outcome->review_date};
}

}  // namespace

SessionReport session_report(const View& view, const ExportHeader& header) {
    const ReportWords words{header.language, header.dates};
    SessionReport report;
    report.language = header.language.code;
    report.labels = labels_of(words);
    report.title = view.content->title;
    report.videoframe = view.content->id;
    report.room = header.room;
    report.date = header.date;
    report.participants = static_cast<int>(view.participants.size());
    report.situation = view.situation;
    for (const int index : view.framing) report.framing.push_back(view.content->framing_questions.at(static_cast<std::size_t>(index)));
    for (std::size_t i = 0; i < view.content->steps.size(); ++i) report.stages.push_back(stage_of(view, header, words, static_cast<int>(i)));
    report.ai = ai_of(view, words);
    add_validation(report, view);
    for (const auto& shared : view.reflections) report.reflections.push_back(shared.text);
    report.coffee_question = view.chosen_question();

    report.heading = words.format("report_heading", {{"title", report.title}, {"room", report.room}});
    report.intro = words.format("report_intro", {{"participants", words.count("report_participants", report.participants)},
                                                 {"date", report.date}});
    if (!report.situation.empty()) report.context.push_back(words.format("report_situation", {{"situation", report.situation}}));
    for (const auto& question : report.framing) report.context.push_back(words.format("report_framing", {{"question", question}}));
    report.decision_lines = decision_lines(report, words);
    return report;
}

}  // namespace kiosk::store
