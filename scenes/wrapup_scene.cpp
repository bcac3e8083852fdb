// After the last stage: the session is complete; what the group went through; how to close.
#include "scenes/wrapup_scene.hpp"

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

void WrapUpScene::draw(ui::Canvas& canvas, const Frame& frame) const {
    const auto& strings = frame.strings;
    const auto& content = *frame.view.content;
    const auto grid = make_grid(canvas, 50);
    canvas.clear(theme::background);

    canvas.text(frame.room.name, {type::label, Weight::Bold, theme::accent}, grid.main.x, grid.main.y);
    const int y = draw_title_block(canvas, grid.main, grid.main.y + canvas.u(6), strings.text("wrapup_title"),
                                   strings.text("wrapup_body"));
    std::vector<std::string> stages;
    for (std::size_t i = 1; i < content.steps.size(); ++i)
        stages.push_back(content.steps[i].title);
    draw_bullets(canvas, stages, {grid.main.x, y, grid.main.w, phone_band_top(canvas) - canvas.u(3) - y}, type::label);

    draw_band(canvas, grid, "", strings.text("wrapup_next"));

    draw_qr_panel(canvas, frame, grid.side, type::label);
    draw_help_hint(canvas, frame);
}

}  // namespace kiosk::scenes
