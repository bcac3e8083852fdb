#include "kiosk/core/spoken_date.hpp"
#include "scenes/validation_scene.hpp"

#include <algorithm>
#include <cstdio>

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

namespace {

std::string decision_text(const Frame& frame, DecisionKind kind) {
    return frame.strings.text("decision_" + std::string{to_string(kind)});
}

}  // namespace

// The scores and the decision need the room; the stage's name leads the first line instead.
bool ValidationScene::shows_title(const Frame&) const { return false; }

std::string ValidationScene::band_text(const Frame& frame) const {
    switch (frame.view.part()) {
    case Part::Write: return StageScene::band_text(frame);
    case Part::Vote: return frame.strings.text("validation_band_decide");
    case Part::Results:
        return frame.view.validation.decided == DecisionKind::Park ? frame.strings.text("validation_parked")
                                                                    : frame.strings.text("validation_band_owner");
    }
    return StageScene::band_text(frame);
}

void ValidationScene::draw_middle(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto& view = frame.view;
    const auto& s = frame.strings;
    const auto total = std::to_string(view.active_participants());
    switch (view.part()) {
    case Part::Write: {
        const auto line = canvas.text(view.step_spec().title + "  ·  " +
                                          s.format("validation_scored", {{"n", std::to_string(view.validation.scores.size())}, {"total", total}}),
                                      {type::label, Weight::Bold, theme::warning}, area.x, area.y, area.w);
        draw_scores(canvas, frame, {area.x, line.y + line.h + canvas.u(1.5), area.w, area.y + area.h - line.y - line.h - canvas.u(1.5)});
        return;
    }
    case Part::Vote: {
        const auto proposed = canvas.text_fit(s.format("validation_proposed", {{"decision", decision_text(frame, view.proposed_decision())}}),
                                              {type::heading, Weight::Bold, theme::text}, {area.x, area.y, area.w, canvas.u(7)}, type::body);
        const auto voted = canvas.text(s.format("validation_voted", {{"n", std::to_string(view.validation.votes.size())}, {"total", total}}),
                                       {type::label, Weight::Bold, theme::warning}, area.x, proposed.y + proposed.h + canvas.u(1));
        const int y = voted.y + voted.h + canvas.u(2);
        draw_scores(canvas, frame, {area.x, y, area.w, area.y + area.h - y});
        return;
    }
    case Part::Results: draw_decided(canvas, frame, area); return;
    }
}

// One row per criterion: its name, five bars (how many gave 1 … 5) and the mean; rows with a
// wide spread get an amber mark, objections follow. Returns the y below.
int ValidationScene::draw_scores(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto& view = frame.view;
    const auto results = view.criterion_results();
    const auto& criteria = view.content->criteria;
    const int objection_room = view.validation.objections.empty() ? 0 : canvas.u(4) + canvas.u(3.2) * static_cast<int>(std::min<std::size_t>(view.validation.objections.size(), 3));
    const int rows = std::max<int>(1, static_cast<int>(criteria.size()));
    const int row_h = std::min(canvas.u(7), (area.h - objection_room) / rows);
    const double size = std::min(type::label, row_h / static_cast<double>(canvas.u(1)) * 0.55);
    const int name_w = area.w * 42 / 100;
    const int bars_x = area.x + name_w + canvas.u(2);
    const int bar_w = (area.w - name_w - canvas.u(12)) / 5;
    int most = 1;
    for (const auto& r : results) most = std::max(most, *std::max_element(r.counts.begin(), r.counts.end()));
    int y = area.y;
    for (std::size_t c = 0; c < criteria.size() && c < results.size(); ++c) {
        const auto& r = results[c];
        if (r.spread) canvas.fill({area.x - canvas.u(1), y, canvas.u(0.5), row_h - canvas.u(0.6)}, theme::warning);
        canvas.text_fit(criteria[c].name, {size, Weight::Bold, r.weak ? theme::warning : theme::text},
                        {area.x, y, name_w, row_h - canvas.u(0.6)}, 1.6);
        for (int score = 0; score < 5; ++score) {
            const int count = r.counts[static_cast<std::size_t>(score)];
            const int x = bars_x + score * bar_w;
            const int full = row_h - canvas.u(2.2);
            const int h = count == 0 ? canvas.u(0.3) : std::max(canvas.u(0.6), full * count / most);
            canvas.fill({x, y + full - h, bar_w - canvas.u(0.8), h}, count == 0 ? theme::panel_light : score < 2 ? theme::warning : theme::accent);
            canvas.text(std::to_string(score + 1) + (count ? " · " + std::to_string(count) : ""), {1.6, Weight::Regular, theme::text_dim},
                        x, y + full + canvas.u(0.2));
        }
        char mean[16];
        std::snprintf(mean, sizeof mean, "%.1f", r.mean);
        canvas.text(r.scored ? std::string{mean} : "–", {size, Weight::Bold, theme::text_soft}, area.x + area.w, y, 0, Align::Right);
        if (r.spread)  // beside the name: this one needs talking about
            canvas.text(frame.strings.text("validation_discuss"), {1.8, Weight::Bold, theme::warning}, area.x,
                        y + canvas.u(size * 1.25), 0);
        y += row_h;
    }
    if (!view.validation.objections.empty()) {
        y += canvas.u(1);
        const auto label = canvas.text(frame.strings.text("validation_objections"), {type::small, Weight::Bold, theme::warning}, area.x, y);
        y = label.y + label.h + canvas.u(0.4);
        for (const auto& objection : view.validation.objections) {
            if (y > area.y + area.h - canvas.u(3)) break;
            const auto line = canvas.text_fit("“" + objection.text + "”", {type::small, Weight::Regular, theme::text},
                                              {area.x, y, area.w, canvas.u(3)}, 1.6);
            y = line.y + line.h + canvas.u(0.3);
        }
    }
    return y;
}

void ValidationScene::draw_decided(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto& v = frame.view.validation;
    const auto& s = frame.strings;
    const auto kind = v.decided.value_or(frame.view.proposed_decision());
    const auto decided = canvas.text_fit(s.format("validation_decided", {{"decision", decision_text(frame, kind)}}),
                                         {type::title * 0.8, Weight::Bold, kind == DecisionKind::Park ? theme::text_soft : theme::accent},
                                         {area.x, area.y, area.w, canvas.u(9)}, type::heading);
    int y = decided.y + decided.h + canvas.u(2);
    std::vector<std::string> lines;
    if (kind == DecisionKind::Park) {
        lines.push_back(s.text("validation_parked"));
    } else if (v.owner == 0) {
        lines.push_back(s.text("validation_no_owner"));
    } else {
        lines.push_back(s.format("validation_owner", {{"owner", v.owner_name.empty() ? s.text("owner_unknown") : v.owner_name}}));
        if (!v.first_step.empty()) lines.push_back(s.format("validation_first_step", {{"step", v.first_step}}));
        if (v.review_date) lines.push_back(s.format("validation_review", {{"date", spoken_date(v.review_date, date_words(s))}}));
    }
    for (const auto& line : lines) {
        const auto drawn = canvas.text_fit(line, {type::body, Weight::Regular, theme::text}, {area.x, y, area.w, canvas.u(9)}, type::label);
        y = drawn.y + drawn.h + canvas.u(1.2);
    }
    if (kind == DecisionKind::Adjust && !v.edits.empty()) {
        y += canvas.u(1);
        const auto label = canvas.text(s.text("validation_edits"), {type::small, Weight::Bold, theme::accent}, area.x, y);
        std::vector<std::string> edits;
        for (const auto& edit : v.edits) edits.push_back(edit.text);
        const int top = label.y + label.h + canvas.u(0.8);
        draw_bullets(canvas, edits, {area.x, top, area.w, area.y + area.h - top}, type::label);
    }
}

}  // namespace kiosk::scenes
