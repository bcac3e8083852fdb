// A week's report from its sessions' figures: what every week export format holds.
#include <algorithm>

#include "kiosk/store/report.hpp"
#include "kiosk/store/report_words.hpp"

namespace kiosk::store {

WeekSession week_session(const View& view, long long id, std::string date, int minutes) {
    WeekSession session{id, std::move(date), minutes, static_cast<int>(view.participants.size()), view.chosen_statement(), {}, 0,
                        std::nullopt, view.content->id, view.content->title};
    // A decision the room never saw (the validation ran out before its owner part) is not one.
    if (result_shown(view, view.validation_step())) session.decision = view.outcome();
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
    for (const auto& session : sessions)
        for (const auto& stage : session.stage_minutes) {  // no structured binding: clang 14 cannot capture one
            auto found = std::find_if(totals.begin(), totals.end(), [&stage](const auto& total) { return total.first == stage.first; });
            if (found == totals.end()) totals.push_back(stage);
            else found->second += stage.second;
        }
    return totals;
}

std::string joined(const std::vector<std::string>& parts, const std::string& between) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        out += (out.empty() ? "" : between) + part;
    }
    return out;
}

std::string stage_line(const ReportWords& words, const std::string& stage, int minutes) {
    return words.format("report_week_stage", {{"minutes", std::to_string(minutes)}, {"stage", stage}});
}

WeekRow row_of(const WeekSession& session, const ReportWords& words) {
    WeekRow row;
    row.session = session.id;
    row.date = session.date;
    row.minutes = session.minutes;
    row.participants = session.participants;
    row.contributions = session.contributions;
    row.statement = session.headline;
    row.format_id = session.format_id;
    row.format = session.format;
    row.stage_minutes = session.stage_minutes;
    if (const auto& d = session.decision) {
        row.decision = ReportDecision{d->kind, d->situation, d->owner, d->first_step, d->review_date};
        row.decision_name = words.text("decision_" + std::string{to_string(d->kind)});
        row.decision_text = joined({row.decision_name, d->owner, words.date(d->review_date)}, ", ");
    }
    std::vector<std::string> stages;
    for (const auto& [title, minutes] : session.stage_minutes) stages.push_back(stage_line(words, title, minutes));
    row.stages_text = joined(stages, "; ");
    // The statement is people's text: it goes into format() last, so no "{…}" in it is replaced.
    row.line = words.format("report_week_session",
                            {{"date", session.date},
                             {"format", session.format},
                             {"minutes", std::to_string(session.minutes)},
                             {"participants", words.count("report_participants", session.participants)},
                             {"contributions", words.count("report_contributions", session.contributions)},
                             {"statement", session.headline.empty() ? words.text("report_no_statement") : session.headline}});
    if (!row.decision_text.empty()) row.line += " → " + row.decision_text;
    return row;
}

WeekLabels labels_of(const ReportWords& words) {
    WeekLabels labels;
    labels.stages = words.text("report_week_stages");
    labels.sessions = words.text("report_week_sessions");
    labels.col_session = words.text("report_col_session");
    labels.col_date = words.text("report_col_date");
    labels.col_minutes = words.text("report_col_minutes");
    labels.col_participants = words.text("report_col_participants");
    labels.col_statement = words.text("report_col_statement");
    labels.col_format = words.text("report_col_format");
    labels.col_contributions = words.text("report_col_contributions");
    labels.col_decision = words.text("report_col_decision");
    labels.col_owner = words.text("report_col_owner");
    labels.col_review = words.text("report_col_review");
    labels.col_stages = words.text("report_col_stages");
    return labels;
}

}  // namespace

WeekReport week_report(const std::string& week, const std::vector<WeekSession>& sessions, const std::string& room,
                       const ExportLanguage& language, const WeekCoffee& coffee) {
    const ReportWords words{language};
    WeekReport report;
    report.language = language.code;
    report.labels = labels_of(words);
    report.week = week;
    report.room = room;
    report.sessions_held = static_cast<int>(sessions.size());
    for (const auto& session : sessions) {
        report.minutes += session.minutes;
        report.contributions += session.contributions;
        const auto& d = session.decision;
        report.decided += d && d->kind != DecisionKind::Park && !d->owner.empty() && d->review_date ? 1 : 0;
        report.rows.push_back(row_of(session, words));
    }
    report.stage_minutes = week_stage_minutes(sessions);
    for (const auto& [title, minutes] : report.stage_minutes) report.stage_lines.push_back(stage_line(words, title, minutes));
    report.heading = words.format("report_week_heading", {{"week", week}, {"room", room}});
    report.summary = words.format("report_week_summary",
                                  {{"sessions", words.count("report_sessions", report.sessions_held)},
                                   {"minutes", words.count("report_minutes", report.minutes)},
                                   {"contributions", words.count("report_contributions", report.contributions)},
                                   {"decisions", words.count("report_decisions", report.decided)}});
    report.has_coffee = coffee.held;
    if (coffee.held) {
        report.coffee_heading = words.text("report_coffee_heading");
        report.coffee_question = coffee.question;
        report.coffee_answers = coffee.answers;
        report.coffee_answers_line = words.count("report_coffee_answers", static_cast<long long>(coffee.answers.size()));
    }
    return report;
}

}  // namespace kiosk::store
