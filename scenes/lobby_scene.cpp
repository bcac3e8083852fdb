// Before the session starts: welcome, a large QR to join, what the hour holds, how to start.
#include "kiosk/core/spoken_date.hpp"
#include "scenes/lobby_scene.hpp"

#include "scenes/widgets.hpp"

#include <map>

namespace kiosk::scenes {

void LobbyScene::draw(ui::Canvas& canvas, const Frame& frame) const {
    const auto& strings = frame.strings;
    const auto& content = *frame.view.content;
    const auto grid = make_grid(canvas, 62);
    canvas.clear(theme::background);

    // One line in the left column: on a 4:3 screen it would run under the QR panel otherwise.
    canvas.text_fit(frame.week_line.empty() ? content.title : content.title + "  ·  " + frame.week_line,
                    {type::label, Weight::Bold, theme::accent}, {grid.main.x, grid.main.y, grid.main.w, canvas.u(type::label * 1.5)},
                    type::label * 0.7);
    int y = draw_title_block(canvas, grid.main, grid.main.y + canvas.u(6),
                             strings.format("lobby_title", {{"room", frame.room.name}}), strings.text("lobby_body"));

    const auto& view = frame.view;
    const bool choosing = !view.situation.empty() || !view.framing_votes.empty() || !view.reviews.empty() ||
                          !view.participants.empty();
    if (choosing) {
        draw_choices(canvas, frame, {grid.main.x, y, grid.main.w, phone_band_top(canvas) - canvas.u(2) - y});
    } else {
        // The hour at a glance: every timed step with its minutes.
        for (std::size_t i = 0; i < content.steps.size(); ++i) {
            const auto& step = content.steps[i];
            const std::string number = i == 0 ? "•" : std::to_string(i);
            const std::string minutes = std::to_string(std::chrono::duration_cast<std::chrono::minutes>(step.duration).count()) + " min";
            canvas.text(number, {type::label, Weight::Bold, theme::accent}, grid.main.x, y);
            canvas.text(step.title, {type::label, Weight::Regular, theme::text}, grid.main.x + canvas.u(4), y);
            const auto line = canvas.text(minutes, {type::label, Weight::Regular, theme::text_soft},
                                          grid.main.x + grid.main.w, y, 0, Align::Right);
            y = line.y + line.h + canvas.u(1.1);
        }
        if (!view.last_outcome.empty())
            canvas.text_fit(strings.format("last_time", {{"outcome", view.last_outcome}}),
                            {type::label, Weight::Regular, theme::text_soft},
                            {grid.main.x, y + canvas.u(1), grid.main.w, phone_band_top(canvas) - y - canvas.u(3)}, type::small);
    }
    const auto joined = static_cast<std::size_t>(frame.view.active_participants());
    draw_band(canvas, grid, joined == 0 ? "" : strings.format("lobby_joined", {{"n", std::to_string(joined)}}),
              strings.text("lobby_start"));

    draw_qr_panel(canvas, frame, grid.side, type::heading);
    draw_help_hint(canvas, frame);
}

void LobbyScene::draw_choices(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto& view = frame.view;
    const auto& strings = frame.strings;
    int y = area.y;
    // The work situation, as a phone named it.
    auto label = canvas.text(strings.text("lobby_situation_label"), {type::small, Weight::Bold, theme::accent}, area.x, y);
    y = label.y + label.h + canvas.u(0.5);
    const auto situation = view.situation.empty()
        ? canvas.text_fit(strings.text("lobby_situation_empty"), {type::label, Weight::Regular, theme::text_soft}, {area.x, y, area.w, canvas.u(4)}, type::small)
        : canvas.text_fit(view.situation, {type::body, Weight::Bold, theme::text}, {area.x, y, area.w, canvas.u(9)}, type::label);
    y = situation.y + situation.h + canvas.u(2);
    // The framing questions with the most votes so far.
    label = canvas.text(strings.text("lobby_framing_label"), {type::small, Weight::Bold, theme::accent}, area.x, y);
    y = label.y + label.h + canvas.u(0.5);
    std::map<int, int> counts;
    for (const auto& [who, picked] : view.framing_votes)
        for (const int index : picked) ++counts[index];
    for (const int index : view.framing_choice()) {
        const auto votes = canvas.text(strings.format("lobby_votes", {{"n", std::to_string(counts[index])}}),
                                       {type::small, Weight::Bold, theme::accent}, area.x, y);
        const auto line = canvas.text_fit(view.content->framing_questions.at(static_cast<std::size_t>(index)),
                                          {type::small, Weight::Regular, theme::text}, {area.x + canvas.u(5), y, area.w - canvas.u(5), votes.h}, 1.8);
        y = std::max(votes.y + votes.h, line.y + line.h) + canvas.u(0.6);
    }
    y += canvas.u(1.4);
    // Earlier decisions to look back on: "Doen: … — eigenaar: … — hoe ging het?"
    std::vector<const Decision*> due;
    for (const auto& decision : view.reviews)
        if (decision.review != "done" && decision.review != "dropped") due.push_back(&decision);
    if (!view.last_outcome.empty() && y < area.y + area.h - canvas.u(4)) {
        const auto last = canvas.text_fit(strings.format("last_time", {{"outcome", view.last_outcome}}),
                                          {type::small, Weight::Regular, theme::text_soft}, {area.x, y, area.w, canvas.u(3.2)}, 1.8);
        y = last.y + last.h + canvas.u(1.2);
    }
    if (due.empty() || y > area.y + area.h - canvas.u(6)) return;
    label = canvas.text(strings.text("lobby_reviews_label"), {type::small, Weight::Bold, theme::warning}, area.x, y);
    y = label.y + label.h + canvas.u(0.5);
    const auto dates = date_words(strings);  // once, not per line
    for (auto it = due.rbegin(); it != due.rend() && y < area.y + area.h - canvas.u(3); ++it) {
        const auto& d = **it;
        const auto status = strings.text(d.review.empty() ? "review_status_open" : "review_status_" + d.review);
        const auto line = strings.format("review_line", {{"decision", strings.text("decision_" + std::string{to_string(d.kind)})},
                                                         {"what", d.first_step.empty() ? d.statement : d.first_step},
                                                         {"owner", d.owner.empty() ? strings.text("owner_unknown") : d.owner},
                                                         {"date", spoken_date(d.review_date, dates)}}) + " — " + status;
        const auto drawn = canvas.text_fit(line, {type::small, Weight::Regular, theme::text}, {area.x, y, area.w, canvas.u(6)}, 1.8);
        y = drawn.y + drawn.h + canvas.u(0.8);
    }
}

}  // namespace kiosk::scenes
