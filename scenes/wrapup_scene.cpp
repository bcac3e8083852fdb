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
    // Each stage, and where the group voted, what it chose.
    std::vector<std::string> stages;
    for (std::size_t i = 1; i < content.steps.size(); ++i) {
        const auto ranking = frame.view.ranking(static_cast<int>(i));
        stages.push_back(ranking.empty() ? content.steps[i].title
                                         : content.steps[i].title + ": " + frame.view.note(ranking.front().note)->text);
    }
    draw_bullets(canvas, stages, {grid.main.x, y, grid.main.w, phone_band_top(canvas) - canvas.u(3) - y}, type::label);

    draw_band(canvas, grid, "", strings.text("wrapup_next"));

    // The outcome to take home, only for this session's token (see the phone API's /x/).
    draw_link_panel(canvas, grid.side, frame.room.phone_url + "/x/" + frame.view.join_token, strings.text("take_home"),
                    strings.text("take_home_hint"), type::label);
    draw_help_hint(canvas, frame);
}

}  // namespace kiosk::scenes
