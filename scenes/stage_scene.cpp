// One of the session's stages: title, goal, guiding questions, the countdown, the QR code and
// what to do on the phone now.
#include "scenes/stage_scene.hpp"

#include "scenes/media_box.hpp"
#include "scenes/note_wall.hpp"
#include "scenes/surprise_card.hpp"
#include "scenes/widgets.hpp"

namespace kiosk::scenes {

void StageScene::draw(ui::Canvas& canvas, const Frame& frame) const {
    const auto& step = frame.view.step_spec();
    const auto grid = make_grid(canvas, 50);
    canvas.clear(theme::background);

    int top = draw_stage_header(canvas, frame, grid.main) + canvas.u(3);
    // A clip or picture shown "full" takes the main column under the stage bar; the timer stays.
    if (const auto* full = media_at(frame, MediaShow::Full)) {
        draw_media_box(canvas, frame, *full, {grid.main.x, top, grid.main.w, grid.main.y + grid.main.h - top});
    } else {
        // A screen that needs the room for what the group made (a proposal, scores) leaves out the title.
        if (shows_title(frame)) top = draw_title_block(canvas, grid.main, top, step.title, step.goal);
        else top -= canvas.u(1);
        draw_middle(canvas, frame, {grid.main.x, top, grid.main.w, phone_band_top(canvas) - canvas.u(3) - top});
        draw_band(canvas, grid, frame.strings.text("phone_task_label"), band_text(frame));
    }
    draw_timer_panel(canvas, frame, grid);
    const auto timer = timer_panel_area(canvas, grid);
    const auto people = draw_people_line(canvas, frame, grid.side.x, timer.y + timer.h + canvas.u(1.5), grid.side.w);
    const int qr_top = people.y + people.h + canvas.u(1.5);
    const SDL_Rect panel{grid.side.x, qr_top, grid.side.w, grid.side.y + grid.side.h - qr_top};
    // A clip or picture of the stage, then a surprise card, take the QR's place while they show;
    // the QR is back when they go.
    if (const auto* shown = media_at(frame, MediaShow::Panel)) draw_media_box(canvas, frame, *shown, panel);
    else if (const auto* card = frame.view.surprise_card()) draw_surprise_card(canvas, frame, *card, panel);
    else draw_qr_panel(canvas, frame, panel, type::label);
    draw_help_hint(canvas, frame);
}

bool StageScene::shows_title(const Frame&) const { return true; }

std::string StageScene::band_text(const Frame& frame) const {
    // A tie: what to do now is no longer the stage's own task.
    if (const auto* tie = frame.view.open_choice()) return frame.strings.text(tie->in_runoff() ? "runoff_band" : "room_pick_band");
    return frame.view.step_spec().phone_task;
}

void StageScene::draw_middle(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto& view = frame.view;
    const auto& spec = view.step_spec();
    if (spec.takes_notes()) {
        SDL_Rect wall = area;
        if (const auto* tie = view.open_choice()) return draw_tie(canvas, frame, *tie, area);
        if (view.part() == Part::Results) {
            // How a tie was settled, said beside the result ("bij gelijke stand: de eerste").
            auto title = frame.strings.text("results_label");
            if (const auto* choice = view.choice(view.step); choice && !choice->chosen.empty() && choice->by != ChosenBy::Votes)
                title += "  ·  " + frame.strings.text("chosen_by_" + std::string{to_string(choice->by)});
            const auto label = canvas.text(title, {type::label, Weight::Bold, theme::accent}, area.x, area.y, area.w);
            const int y = label.y + label.h + canvas.u(1.5);
            return draw_ranking(canvas, frame, view.step, {area.x, y, area.w, area.y + area.h - y});
        }
        if (view.part() == Part::Vote) {
            // Votes stay hidden until the reveal: the screen shows only how many have voted.
            const auto voters = frame.strings.format(
                "voters", {{"n", std::to_string(view.voters(view.step))}, {"total", std::to_string(view.active_participants())}});
            const auto label = canvas.text(frame.strings.format("vote_open", {{"dots", std::to_string(spec.dots)}}) + "  ·  " + voters,
                                           {type::label, Weight::Bold, theme::warning}, area.x, area.y, area.w);
            wall = {area.x, label.y + label.h + canvas.u(1.5), area.w, area.y + area.h - label.y - label.h - canvas.u(1.5)};
        }
        const auto notes = view.notes_of(view.step);
        if (!notes.empty()) return draw_note_wall(canvas, frame, notes, wall);
        return draw_questions(canvas, frame, wall);
    }
    draw_questions(canvas, frame, area);
}

// A tie at a deciding place: the run-off (only the tied notes, how many have chosen), or the
// room's pick with the number keys when it tied again.
void StageScene::draw_tie(ui::Canvas& canvas, const Frame& frame, const StageChoice& tie, const SDL_Rect& area) const {
    const auto& view = frame.view;
    std::string title;
    if (tie.in_runoff()) {
        const auto voters = frame.strings.format("voters", {{"n", std::to_string(tie.runoff.size())},
                                                            {"total", std::to_string(view.active_participants())}});
        title = frame.strings.text("runoff_title") + "  ·  " + voters;
    } else {
        title = frame.strings.format("room_pick_title", {{"n", std::to_string(std::min<std::size_t>(tie.tied.size(), 9))}});
    }
    const auto label = canvas.text(title, {type::label, Weight::Bold, theme::warning}, area.x, area.y, area.w);
    int y = label.y + label.h + canvas.u(1.5);
    if (!tie.in_runoff()) {
        const auto hint = canvas.text(frame.strings.text("room_pick_hint"), {type::small, Weight::Regular, theme::text_soft},
                                      area.x, y, area.w);
        y = hint.y + hint.h + canvas.u(1.5);
        return draw_numbered(canvas, frame, tie.tied, {area.x, y, area.w, area.y + area.h - y});
    }
    std::vector<const Note*> tied;
    for (const int id : tie.tied)
        if (const auto* note = view.note(id)) tied.push_back(note);
    draw_note_wall(canvas, frame, tied, {area.x, y, area.w, area.y + area.h - y});
}

void StageScene::draw_questions(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto label = canvas.text(frame.strings.text("questions_label"),
                                   {type::label, Weight::Bold, theme::accent}, area.x, area.y);
    const int y = label.y + label.h + canvas.u(1.5);
    draw_bullets(canvas, frame.view.step_spec().questions, {area.x, y, area.w, area.y + area.h - y}, 3.4);
}

SDL_Rect StageScene::draw_ticking(ui::Canvas& canvas, const Frame& frame) const {
    return draw_timer_panel(canvas, frame, make_grid(canvas, 50));
}

std::optional<Millis> StageScene::until_change(const Frame& frame) const {
    // While a note fades in, about 30 frames a second; otherwise only the countdown's second.
    if (wall_is_fading(frame, frame.view.step)) return Millis{33};
    return until_next_second(frame.view, frame.now);
}

void CheckinScene::draw_middle(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    // The check-in asks one thing: this week's reflection question, shown large.
    const auto label = canvas.text(frame.strings.text("idle_question_label"),
                                   {type::label, Weight::Bold, theme::accent}, area.x, area.y);
    const int y = label.y + label.h + canvas.u(1.5);
    const auto answers = frame.view.notes_of(frame.view.step);
    // With answers coming in, the question takes the top and the answers the rest.
    const int question_height = answers.empty() ? area.y + area.h - y : canvas.u(12);
    const auto question = canvas.text_fit(question_of_the_week(*frame.view.content, frame.local),
                                          {answers.empty() ? type::title * 0.8 : type::heading, Weight::Bold, theme::text},
                                          {area.x, y, area.w, question_height}, type::body);
    const int wall_top = question.y + question.h + canvas.u(2.5);
    draw_note_wall(canvas, frame, answers, {area.x, wall_top, area.w, area.y + area.h - wall_top});
}

}  // namespace kiosk::scenes
