#include "scenes/surprise_card.hpp"

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

void draw_surprise_card(ui::Canvas& canvas, const Frame& frame, const SurpriseCard& card, const SDL_Rect& area) {
    const auto& strings = frame.strings;
    canvas.fill(area, theme::panel);
    canvas.fill({area.x, area.y, canvas.u(0.7), area.h}, theme::warning);  // not the group's text: the format's
    const int pad = canvas.u(3);
    const int x = area.x + pad;
    const int w = area.w - pad - canvas.u(2);
    const auto& kind = name_of(card.kind, card_kind_names());
    const auto label = canvas.text_fit(strings.format("surprise_label", {{"kind", strings.text("card_" + kind)}}),
                                       {type::label, Weight::Bold, theme::warning}, {x, area.y + pad, w, canvas.u(4)}, type::small);
    // What the room may do with it: skip it, and once per stage draw another.
    const auto& surprise = frame.view.surprises.at(static_cast<std::size_t>(frame.view.step));
    const auto keys = strings.text(surprise.draws == 1 ? "surprise_keys" : "surprise_keys_skip");
    const auto keys_size = canvas.measure(keys, {type::small, Weight::Regular, theme::text_soft}, w);
    const int bottom = area.y + area.h - pad;
    canvas.text(keys, {type::small, Weight::Regular, theme::text_soft}, x, bottom - keys_size.y, w);
    int y = label.y + label.h + canvas.u(2);
    const int by_height = card.by.empty() ? 0 : canvas.u(type::label * 1.6);
    const auto text = canvas.text_fit(card.text, {type::heading, Weight::Bold, theme::text},
                                      {x, y, w, bottom - keys_size.y - canvas.u(2) - by_height - y}, type::label);
    if (!card.by.empty())
        canvas.text_fit("— " + card.by, {type::label, Weight::Regular, theme::text_soft}, {x, text.y + text.h + canvas.u(1), w, by_height}, type::small);
}

}  // namespace kiosk::scenes
