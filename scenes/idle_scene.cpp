// Between sessions: the room's name, the time, the next session slot and this week's
// reflection question. The full coffee-corner display builds on this.
#include "scenes/idle_scene.hpp"

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

namespace {

std::string slot_line(const Frame& frame) {
    const auto& strings = frame.strings;
    const auto next = next_slot(frame.room.slots, frame.local);
    if (!next) return strings.text("idle_no_slot");
    const auto start = format_hhmm(next->slot.start_minute);
    const auto end = format_hhmm(next->slot.end_minute);
    if (next->running) return strings.format("idle_slot_now", {{"start", start}, {"end", end}});
    const std::string day = next->days_ahead == 0   ? strings.text("today")
                            : next->days_ahead == 1 ? strings.text("tomorrow")
                                                    : strings.text("weekday_" + std::to_string(next->slot.weekday));
    return strings.format("idle_next_slot", {{"day", day}, {"start", start}, {"end", end}});
}

}  // namespace

void IdleScene::draw(ui::Canvas& canvas, const Frame& frame) const {
    const auto& strings = frame.strings;
    const int margin = canvas.u(5);
    const int width = canvas.width() - 2 * margin;
    canvas.clear(theme::background);

    canvas.text(frame.room.name, {type::label, Weight::Bold, theme::accent}, margin, margin);
    const std::string week = strings.format("week_label", {{"week", std::to_string(iso_week(frame.local.date))}});
    const std::string day = strings.text("weekday_" + std::to_string(iso_weekday(frame.local.date)));
    canvas.text(day + " · " + (frame.week_line.empty() ? week : frame.week_line), {type::label, Weight::Regular, theme::text_soft},
                canvas.width() - margin, margin, 0, Align::Right);

    const auto clock = canvas.text(format_hhmm(frame.local.minute_of_day), {22.0, Weight::Bold, theme::text},
                                   margin, canvas.u(12));
    canvas.text(slot_line(frame), {type::heading, Weight::Regular, theme::text_soft}, margin,
                clock.y + clock.h + canvas.u(1));

    const SDL_Rect panel{margin, canvas.u(52), width, canvas.u(34)};
    canvas.fill(panel, theme::panel);
    canvas.fill({panel.x, panel.y, canvas.u(0.7), panel.h}, theme::accent);
    // The QR sits at the panel's right: between sessions people answer the question by phone.
    const int qr_width = canvas.u(34);
    draw_qr_panel(canvas, frame, {panel.x + panel.w - qr_width, panel.y, qr_width, panel.h}, type::small);
    const int x = panel.x + canvas.u(4);
    const auto label = canvas.text(strings.text("idle_question_label"), {type::label, Weight::Bold, theme::accent},
                                   x, panel.y + canvas.u(3.5));
    const int y = label.y + label.h + canvas.u(1.5);
    canvas.text_fit(question_of_the_week(*frame.view.content, frame.local), {type::title, Weight::Bold, theme::text},
                    {x, y, panel.w - qr_width - canvas.u(8), panel.y + panel.h - y - canvas.u(3)}, type::body);

    if (!frame.view.last_outcome.empty())
        canvas.text_fit(strings.format("last_time", {{"outcome", frame.view.last_outcome}}),
                        {type::label, Weight::Regular, theme::text_soft}, {margin, canvas.u(46.5), width, canvas.u(4.5)},
                        type::small);
    canvas.text(strings.text("idle_start_hint"), {type::small, Weight::Regular, theme::text_dim}, margin,
                canvas.height() - canvas.u(8));
    draw_help_hint(canvas, frame);
}

std::optional<Millis> IdleScene::until_change(const Frame& frame) const {
    // The clock shows minutes: wake at the next whole minute.
    const auto ms = std::chrono::duration_cast<Millis>(frame.wall.time_since_epoch()).count();
    return Millis{60'000 - ms % 60'000};
}

}  // namespace kiosk::scenes
