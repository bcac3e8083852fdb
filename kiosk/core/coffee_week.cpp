#include "kiosk/core/coffee_week.hpp"

#include <algorithm>

#include "kiosk/core/local_time.hpp"

namespace kiosk {

int week_now(const Clock& clock) {
    const auto local = to_local(clock.wall());
    return iso_yyyyww(local.date);
}

void submit_coffee_week(EngineLoop& loop, const Clock& clock) {
    const int week = week_now(clock);
    if (loop.view()->coffee.week != week)
        loop.submit({EventKind::CoffeeWeek, Sender::system(), CoffeeWeekPayload{week, {}, {}}}, nullptr);
}

void CoffeeQuestions::keep(const GroupQuestion& question, EngineLoop& loop) {
    m_kept.push_back(question);
    loop.submit({EventKind::CoffeeQuestion, Sender::system(), CoffeeQuestionPayload{question.week, question.text}}, nullptr);
}

void CoffeeQuestions::on_view(const View& view, EngineLoop* loop) {
    if (!loop || view.session_open()) return;
    for (const auto& question : view.coffee.group_questions) {
        const bool kept = std::any_of(m_kept.begin(), m_kept.end(), [&](const GroupQuestion& q) {
            return q.week == question.week && q.text == question.text;
        });
        if (!kept) keep(question, *loop);
    }
}

LocalMoment week_moment(int week, const Clock& clock) {
    return week > 0 ? LocalMoment{iso_week_monday(week), 0} : to_local(clock.wall());
}

std::string moderation_name(Moderation moderation) { return name_of(moderation, moderation_names()); }

}  // namespace kiosk
