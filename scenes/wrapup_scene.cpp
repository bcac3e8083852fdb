// After the last stage: the session is complete; what the group went through; how to close.
#include "scenes/wrapup_scene.hpp"

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

using ui::Weight;
namespace theme = ui::theme;
namespace type = ui::type;

void WrapUpScene::draw(ui::Canvas& canvas, const Frame& frame) const {
    const auto& strings = frame.strings;
    const auto& content = *frame.view.content;
    const auto grid = make_grid(canvas, 50);
    canvas.clear(theme::background);

    canvas.text(frame.room.name, {type::label, Weight::Bold, theme::accent}, grid.main.x, grid.main.y);
    int y = grid.main.y + canvas.u(6);
    const auto title = canvas.text_fit(strings.text("wrapup_title"), {type::title, Weight::Bold, theme::text},
                                       {grid.main.x, y, grid.main.w, canvas.u(16)}, type::heading);
    y = title.y + title.h + canvas.u(2.5);
    const auto body = canvas.text_fit(strings.text("wrapup_body"), {type::body, Weight::Regular, theme::text_soft},
                                      {grid.main.x, y, grid.main.w, canvas.u(14)}, type::label);
    y = body.y + body.h + canvas.u(4);
    std::vector<std::string> stages;
    for (std::size_t i = 1; i < content.steps.size(); ++i)
        stages.push_back(std::to_string(i) + ". " + content.steps[i].title);
    draw_bullets(canvas, stages, {grid.main.x, y, grid.main.w, phone_band_top(canvas) - canvas.u(3) - y}, type::label);

    draw_band(canvas, grid, "", strings.text("wrapup_next"));

    draw_qr_panel(canvas, frame, grid.side, type::label);
    draw_help_hint(canvas, frame);
}

}  // namespace kiosk::scenes
