// After the last stage: the session is complete; what the group went through; how to close.
#include "kiosk/core/spoken_date.hpp"
#include "scenes/wrapup_scene.hpp"

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

// The room, the format the session ran and the week: one line, shrunk to fit.
void WrapUpScene::draw_where(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto where = frame.room.name + "  ·  " + frame.view.content->title;
    canvas.text_fit(frame.week_line.empty() ? where : where + "  ·  " + frame.week_line, {type::label, Weight::Bold, theme::accent},
                    {area.x, area.y, area.w, canvas.u(type::label * 1.5)}, type::label * 0.7);
}

void WrapUpScene::draw(ui::Canvas& canvas, const Frame& frame) const {
    const auto& strings = frame.strings;
    const auto& content = *frame.view.content;
    const auto grid = make_grid(canvas, 50);
    canvas.clear(theme::background);

    draw_where(canvas, frame, grid.main);
    const int y = draw_title_block(canvas, grid.main, grid.main.y + canvas.u(6), strings.text("wrapup_title"),
                                   strings.text("wrapup_body"));
    // The summary to take away: situation, problem statement, decision, owner and review date.
    const auto& view = frame.view;
    std::vector<std::string> lines;
    if (!view.situation.empty()) lines.push_back(strings.format("wrapup_situation", {{"situation", view.situation}}));
    if (const auto statement = view.chosen_statement(); !statement.empty()) {
        lines.push_back(strings.format("wrapup_statement", {{"statement", statement}}));
        // A tie nobody settled took the earlier note: the room sees that it was not chosen.
        for (std::size_t i = 0; i < content.steps.size(); ++i)
            if (const auto* choice = view.choice(static_cast<int>(i));
                choice && choice->by == ChosenBy::FirstOnTie && content.steps[i].contribution == Contribution::Statements)
                lines.back() += " (" + strings.text("first_on_tie") + ")";
    }
    if (const auto outcome = view.outcome()) {
        lines.push_back(strings.format("wrapup_decision", {{"decision", strings.text("decision_" + std::string{to_string(outcome->kind)})}}));
        if (outcome->kind != DecisionKind::Park)
            lines.push_back(strings.format("wrapup_owner", {{"owner", outcome->owner.empty() ? strings.text("owner_unknown") : outcome->owner},
                                                            {"date", outcome->review_date ? spoken_date(outcome->review_date, date_words(strings)) : "–"}}));
    }
    // The coffee corner's question for next week, once a suggestion has a dot (phones suggest
    // and place one dot each at the wrap-up).
    if (const auto question = view.chosen_question(); !question.empty())
        lines.push_back(strings.format("wrapup_coffee_question", {{"question", question}}));
    else if (!view.question_ideas.empty())
        lines.push_back(strings.format("wrapup_coffee_ideas", {{"n", std::to_string(view.question_ideas.size())}}));
    if (lines.empty()) {
        // Nothing decided (a session cut short): each stage, and where the group voted, what it chose.
        for (std::size_t i = 1; i < content.steps.size(); ++i) {
            const auto chosen = view.chosen(static_cast<int>(i));
            lines.push_back(chosen.empty() ? content.steps[i].title : content.steps[i].title + ": " + chosen.front()->text);
        }
    }
    const int bottom = phone_band_top(canvas) - canvas.u(3);
    const int reflections_h = view.reflections.empty() ? 0 : (bottom - y) / 3;
    const int below = draw_bullets(canvas, lines, {grid.main.x, y, grid.main.w, bottom - y - reflections_h}, type::label);
    if (!view.reflections.empty()) {
        const auto label = canvas.text(strings.text("wrapup_reflections"), {type::small, Weight::Bold, theme::accent}, grid.main.x,
                                       std::max(below, bottom - reflections_h) + canvas.u(1));
        std::string shared;
        for (const auto& r : view.reflections) shared += (shared.empty() ? "“" : "   “") + r.text + "”";
        const int top = label.y + label.h + canvas.u(0.5);
        canvas.text_fit(shared, {type::small, Weight::Regular, theme::text_soft}, {grid.main.x, top, grid.main.w, bottom - top}, 1.6);
    }

    draw_band(canvas, grid, "", strings.text("wrapup_next"));

    // The outcome to take home, only for this session's token (see the phone API's /x/).
    draw_link_panel(canvas, grid.side, frame.room.phone_url + "/x/" + frame.view.join_token, strings.text("take_home"),
                    strings.text("take_home_hint"), type::label);
    draw_help_hint(canvas, frame);
}

}  // namespace kiosk::scenes
