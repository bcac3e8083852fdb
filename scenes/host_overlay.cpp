// The host code: a phone that scans it may pause, extend, skip and hide notes. Shown big and
// alone, so it is obvious that this is a different code from the one to join.
#include "scenes/host_overlay.hpp"

#include "kiosk/ui/qr_code.hpp"
#include "scenes/widgets.hpp"

namespace kiosk::scenes {

void draw_host_overlay(ui::Canvas& canvas, const Frame& frame) {
    const auto& offer = frame.view.host_offer;
    if (!offer) return;
    canvas.fill({0, 0, canvas.width(), canvas.height()}, theme::overlay);
    const int width = std::min(canvas.width() - canvas.u(10), canvas.u(130));
    const int height = canvas.u(70);
    const SDL_Rect panel{(canvas.width() - width) / 2, (canvas.height() - height) / 2, width, height};
    canvas.fill(panel, theme::panel);
    canvas.fill({panel.x, panel.y, panel.w, canvas.u(0.7)}, theme::warning);

    const int qr_room = panel.h - canvas.u(10);
    const std::string url = join_url(frame) + "?host=" + offer->code;
    const std::string key = "qr|" + std::to_string(qr_room) + "|" + url;
    const auto make = [&] { return ui::render_qr(url, qr_room); };
    const auto size = canvas.image_size(key, make);
    canvas.image(key, make, panel.x + panel.w - size.x - canvas.u(5), panel.y + (panel.h - size.y) / 2);

    const int x = panel.x + canvas.u(5);
    const int text_w = panel.w - size.x - canvas.u(15);
    const auto title = canvas.text(frame.strings.text(frame.view.session_open() ? "host_title" : "host_title_coffee"), {type::heading, Weight::Bold, theme::warning}, x,
                                   panel.y + canvas.u(6));
    // Outside a session the code makes a coffee-corner moderator, not a session host.
    const bool coffee = !frame.view.session_open();
    canvas.text_fit(frame.strings.text(coffee ? "host_body_coffee" : "host_body"), {type::body, Weight::Regular, theme::text},
                    {x, title.y + title.h + canvas.u(3), text_w, panel.h - canvas.u(20)}, type::small);
}

void draw_warning(ui::Canvas& canvas, const std::string& text) {
    const SDL_Rect band{0, 0, canvas.width(), canvas.u(9)};
    canvas.fill(band, {150, 40, 30});
    canvas.text_fit(text, {type::label, Weight::Bold, theme::text}, {canvas.u(5), canvas.u(1.5), canvas.width() - canvas.u(10), canvas.u(6.5)},
                    type::small * 0.8);
}

}  // namespace kiosk::scenes
