// One of the session's stages: title, goal, guiding questions, the countdown, the QR code and
// what to do on the phone now.
#include "scenes/stage_scene.hpp"

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

void StageScene::draw(ui::Canvas& canvas, const Frame& frame) const {
    const auto& step = frame.view.step_spec();
    const auto grid = make_grid(canvas, 50);
    canvas.clear(theme::background);

    const int top = draw_stage_header(canvas, frame, grid.main) + canvas.u(3);
    const int y = draw_title_block(canvas, grid.main, top, step.title, step.goal);
    draw_middle(canvas, frame, {grid.main.x, y, grid.main.w, phone_band_top(canvas) - canvas.u(3) - y});

    draw_band(canvas, grid, frame.strings.text("phone_task_label"), step.phone_task);
    draw_timer_panel(canvas, frame, grid);
    const auto timer = timer_panel_area(canvas, grid);
    const int qr_top = timer.y + timer.h + canvas.u(3);
    draw_qr_panel(canvas, frame, {grid.side.x, qr_top, grid.side.w, grid.side.y + grid.side.h - qr_top}, type::label);
    draw_help_hint(canvas, frame);
}

void StageScene::draw_middle(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto label = canvas.text(frame.strings.text("questions_label"),
                                   {type::label, Weight::Bold, theme::accent}, area.x, area.y);
    const int y = label.y + label.h + canvas.u(1.5);
    draw_bullets(canvas, frame.view.step_spec().questions, {area.x, y, area.w, area.y + area.h - y}, 3.4);
}

SDL_Rect StageScene::draw_ticking(ui::Canvas& canvas, const Frame& frame) const {
    return draw_timer_panel(canvas, frame, make_grid(canvas, 50));
}

std::optional<Millis> StageScene::until_change(const Frame& frame) const {
    return until_next_second(frame.view, frame.now);
}

void CheckinScene::draw_middle(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    // The check-in asks one thing: this week's reflection question, shown large.
    const auto label = canvas.text(frame.strings.text("idle_question_label"),
                                   {type::label, Weight::Bold, theme::accent}, area.x, area.y);
    const int y = label.y + label.h + canvas.u(1.5);
    canvas.text_fit(question_of_the_week(*frame.view.content, frame.local),
                    {type::title * 0.8, Weight::Bold, theme::text}, {area.x, y, area.w, area.y + area.h - y},
                    type::body);
}

}  // namespace kiosk::scenes
