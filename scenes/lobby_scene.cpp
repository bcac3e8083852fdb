// Before the session starts: welcome, a large QR to join, what the hour holds, how to start.
#include "scenes/lobby_scene.hpp"

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

void LobbyScene::draw(ui::Canvas& canvas, const Frame& frame) const {
    const auto& strings = frame.strings;
    const auto& content = *frame.view.content;
    const auto grid = make_grid(canvas, 62);
    canvas.clear(theme::background);

    canvas.text(content.title, {type::label, Weight::Bold, theme::accent}, grid.main.x, grid.main.y);
    int y = draw_title_block(canvas, grid.main, grid.main.y + canvas.u(6),
                             strings.format("lobby_title", {{"room", frame.room.name}}), strings.text("lobby_body"));

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

    if (!frame.view.last_outcome.empty())
        canvas.text_fit(strings.format("last_time", {{"outcome", frame.view.last_outcome}}),
                        {type::label, Weight::Regular, theme::text_soft},
                        {grid.main.x, y + canvas.u(1), grid.main.w, phone_band_top(canvas) - y - canvas.u(3)}, type::small);
    const auto joined = frame.view.participants.size();
    draw_band(canvas, grid, joined == 0 ? "" : strings.format("lobby_joined", {{"n", std::to_string(joined)}}),
              strings.text("lobby_start"));

    draw_qr_panel(canvas, frame, grid.side, type::heading);
    draw_help_hint(canvas, frame);
}

}  // namespace kiosk::scenes
