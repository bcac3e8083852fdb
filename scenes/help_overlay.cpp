// The key map, drawn over whatever scene is showing. The rows come from the app's key
// bindings, so what the overlay says and what the keys do cannot drift apart.
#include "scenes/help_overlay.hpp"

#include "scenes/widgets.hpp"

#include <algorithm>

namespace kiosk::scenes {

void draw_help_overlay(ui::Canvas& canvas, const Frame& frame) {
    if (!frame.help_rows) return;
    canvas.fill({0, 0, canvas.width(), canvas.height()}, theme::overlay);
    const int width = std::min(canvas.width() - canvas.u(10), canvas.u(120));
    // Rows as tall as they may be and still fit the screen (a 16:10 projector's rows are tighter).
    const int rows = std::max(1, static_cast<int>(frame.help_rows->size()));
    const int row_height = std::min(canvas.u(type::body * 1.55), (canvas.height() - canvas.u(26)) / rows);
    const int height = canvas.u(22) + row_height * rows;
    const SDL_Rect panel{(canvas.width() - width) / 2, (canvas.height() - height) / 2, width, height};
    canvas.fill(panel, theme::panel);
    canvas.fill({panel.x, panel.y, panel.w, canvas.u(0.7)}, theme::accent);

    const int x = panel.x + canvas.u(5);
    const auto title = canvas.text(frame.strings.text("help_title"), {type::heading, Weight::Bold, theme::text}, x,
                                   panel.y + canvas.u(4));
    int y = title.y + title.h + canvas.u(3);
    const int action_x = x + canvas.u(42);
    for (const auto& row : *frame.help_rows) {
        canvas.text(row.keys, {type::body, Weight::Bold, theme::accent}, x, y);
        // A long action in a narrow room (720p, English) shrinks rather than run past the panel.
        canvas.text_fit(row.action, {type::body, Weight::Regular, theme::text},
                        {action_x, y, panel.x + panel.w - canvas.u(4) - action_x, row_height}, type::small);
        y += row_height;
    }
    canvas.text(frame.strings.text("help_close"), {type::small, Weight::Regular, theme::text_soft}, x,
                panel.y + panel.h - canvas.u(6));
}

}  // namespace kiosk::scenes
