// The coffee corner: the frame around the panels (room, day and week, the clock, the footer)
// and the four panels. What to show and when is decided in coffee_panels.cpp, the words in
// coffee_texts.cpp; this file only lays them out, in screen-height units.
#include "scenes/coffee_scene.hpp"

#include <algorithm>
#include <cmath>

#include "scenes/coffee_panels.hpp"
#include "scenes/coffee_texts.hpp"
#include "scenes/widgets.hpp"

namespace kiosk::scenes {

namespace {

constexpr ui::Color k_night{0, 0, 0};
// The one thing each panel says (the question, the next session): as large as fits.
constexpr double k_big = 9.0;
// Sizes the answer cards try, largest first: the note wall's steps, never below type::small.
constexpr double k_answer_sizes[] = {3.4, 3.0, 2.7, type::small};

// The panel's place: under the clock, above the footer.
SDL_Rect panel_area(const ui::Canvas& canvas) {
    const int margin = canvas.u(5);
    const int top = canvas.u(30);
    return {margin, top, canvas.width() - 2 * margin, canvas.height() - canvas.u(9) - top};
}

// One line at most: shrinks to type::small, then cuts with "…" at a character boundary.
SDL_Rect one_line(ui::Canvas& canvas, const std::string& text, TextStyle style, int x, int y, int width) {
    while (style.size > type::small && canvas.measure(text, style).x > width)
        style.size = std::max(type::small, style.size * 0.9);
    if (canvas.measure(text, style).x <= width) return canvas.text(text, style, x, y);
    std::vector<std::size_t> starts;  // where each code point begins
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
    if (starts.empty()) return {x, y, 0, 0};
    // The longest prefix (in code points) that fits with the ellipsis; the whole text does not.
    std::size_t low = 0, high = starts.size() - 1;
    while (low < high) {
        const std::size_t mid = (low + high + 1) / 2;
        if (canvas.measure(text.substr(0, starts[mid]) + "…", style).x <= width) low = mid;
        else high = mid - 1;
    }
    return canvas.text(text.substr(0, starts[low]) + "…", style, x, y);
}

// A panel with one main statement: filled, with the accent strip the idle screen had.
void draw_statement_panel(ui::Canvas& canvas, const SDL_Rect& area) {
    canvas.fill(area, theme::panel);
    canvas.fill({area.x, area.y, canvas.u(0.7), area.h}, theme::accent);
}

// ---- the frame ------------------------------------------------------------------------------

void draw_top(ui::Canvas& canvas, const Frame& frame, bool with_slot) {
    const auto& strings = frame.strings;
    const int margin = canvas.u(5);
    canvas.text(frame.room.name, {type::label, Weight::Bold, theme::accent}, margin, margin);
    const std::string day = strings.text("weekday_" + std::to_string(iso_weekday(frame.local.date)));
    canvas.text(day + " · " + coffee_week_line(frame), {type::label, Weight::Regular, theme::text_soft},
                canvas.width() - margin, margin, 0, Align::Right);
    const auto clock = canvas.text(format_hhmm(frame.local.minute_of_day), {15.0, Weight::Bold, theme::text}, margin,
                                   canvas.u(9));
    // Beside the clock: when the next session is (unless its panel says so now), and what the
    // last session chose.
    const int x = clock.x + clock.w + canvas.u(6);
    const int width = canvas.width() - margin - x;
    int y = clock.y + canvas.u(4);
    if (with_slot) {
        const auto slot = one_line(canvas, slot_summary(frame), {type::heading, Weight::Regular, theme::text_soft}, x, y, width);
        y = slot.y + slot.h + canvas.u(1);
    }
    if (!frame.view.last_outcome.empty())
        canvas.text_fit(fill_text(strings, "last_time", {{"outcome", frame.view.last_outcome}}),
                        {type::label, Weight::Regular, theme::text_soft},
                        {x, y, width, std::max(canvas.u(3.5), clock.y + clock.h - y)}, type::small);
}

// The help hint and how to open a session, and a dot per panel with the one shown lit.
void draw_footer(ui::Canvas& canvas, const Frame& frame, const std::vector<CoffeePanel>& panels, CoffeePanel shown) {
    if (frame.keys_here) {
        draw_help_hint(canvas, frame);
        canvas.text(frame.strings.text("idle_start_hint"), {type::small, Weight::Regular, theme::text_dim},
                    canvas.width() - canvas.u(5), canvas.height() - canvas.u(4.2), 0, Align::Right);
    }
    // A forced panel with nothing to show is not among them: then there is no place to mark.
    if (panels.size() < 2 || std::find(panels.begin(), panels.end(), shown) == panels.end()) return;
    const int dot = canvas.u(1.2);
    const int gap = canvas.u(1.6);
    const int count = static_cast<int>(panels.size());
    int x = (canvas.width() - count * dot - (count - 1) * gap) / 2;
    for (const auto panel : panels) {
        canvas.fill({x, canvas.height() - canvas.u(3.4), dot, dot}, panel == shown ? theme::accent : theme::panel_light);
        x += dot + gap;
    }
}

// ---- De vraag van de week -------------------------------------------------------------------

void draw_question(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) {
    draw_statement_panel(canvas, area);
    int right = area.x + area.w - canvas.u(4);
    // The QR at the right: people answer by phone. Without the week's token there is nothing
    // to link to, and the question alone still starts a conversation.
    if (const auto url = coffee_url(frame); !url.empty()) {
        const int qr_width = std::min(canvas.u(42), area.w / 3);
        draw_link_panel(canvas, {area.x + area.w - qr_width, area.y, qr_width, area.h}, url,
                        frame.strings.text("coffee_scan"), coffee_code_hint(frame), type::body);
        right = area.x + area.w - qr_width - canvas.u(4);
    }
    const int x = area.x + canvas.u(4);
    const auto label = canvas.text(frame.strings.text("coffee_question_label"), {type::label, Weight::Bold, theme::accent}, x,
                                   area.y + canvas.u(3.5));
    const int y = label.y + label.h + canvas.u(2);
    canvas.text_fit(coffee_question(frame), {k_big, Weight::Bold, theme::text},
                    {x, y, right - x, area.y + area.h - y - canvas.u(3)}, type::body);
}

// ---- Antwoorden ------------------------------------------------------------------------------

struct CardShape {
    double size;
    int columns;
    int width;  // of one card, in pixels
    int padding;
    int gap;
};

CardShape card_shape(const ui::Canvas& canvas, const SDL_Rect& area, double size) {
    const int gap = canvas.u(1.2);
    // About 26 characters a line, as on the note wall: a sentence per card, several columns.
    const int wanted = canvas.u(size * 13.5);
    const int columns = std::clamp((area.w + gap) / (wanted + gap), 1, 8);
    return {size, columns, (area.w - gap * (columns - 1)) / columns, canvas.u(size * 0.45), gap};
}

// The note wall's cheap estimate of a card's height (no rendering), to choose the size.
int estimated_height(const ui::Canvas& canvas, const CardShape& shape, const std::string& text) {
    const double pixels = canvas.u(shape.size);
    const double per_line = std::max(1.0, (shape.width - 2 * shape.padding) / (pixels * 0.5));
    const auto points = std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    const double lines = std::max(1.0, std::ceil(static_cast<double>(points) / per_line));
    return static_cast<int>(lines * pixels * 1.25) + 2 * shape.padding;
}

// True when every answer fits `height` at this shape, filling the shortest column first.
bool all_fit(const ui::Canvas& canvas, const CardShape& shape, const std::vector<const CoffeeAnswer*>& answers, int height) {
    std::vector<int> columns(static_cast<std::size_t>(shape.columns), 0);
    for (const auto* answer : answers) {
        auto shortest = std::min_element(columns.begin(), columns.end());
        *shortest += estimated_height(canvas, shape, answer->text) + shape.gap;
        if (*shortest > height + shape.gap) return false;
    }
    return true;
}

void draw_answer_cards(ui::Canvas& canvas, const Frame& frame, const std::vector<const CoffeeAnswer*>& answers,
                       const SDL_Rect& area) {
    const int bottom = area.h - canvas.u(3.6);  // room for "+12 meer" under the cards
    CardShape shape = card_shape(canvas, area, type::small);
    for (const double size : k_answer_sizes) {
        const auto candidate = card_shape(canvas, area, size);
        if (all_fit(canvas, candidate, answers, bottom)) {
            shape = candidate;
            break;
        }
    }
    const TextStyle style{shape.size, Weight::Regular, theme::text};
    const int text_width = shape.width - 2 * shape.padding;
    std::vector<int> columns(static_cast<std::size_t>(shape.columns), 0);
    std::size_t shown = 0;
    // Newest first, each into the shortest column; the first that no longer fits ends the wall,
    // so what stays off is always the oldest. Cards carry the text only: answers are anonymous.
    for (const auto* answer : answers) {
        const int height = canvas.measure(answer->text, style, text_width).y + 2 * shape.padding;
        const auto column = static_cast<std::size_t>(std::min_element(columns.begin(), columns.end()) - columns.begin());
        if (columns[column] + height > bottom) break;
        const int x = area.x + static_cast<int>(column) * (shape.width + shape.gap);
        const int y = area.y + columns[column];
        canvas.fill({x, y, shape.width, height}, theme::panel_light);
        canvas.fill({x, y, canvas.u(0.45), height}, theme::accent);
        canvas.text(answer->text, style, x + shape.padding, y + shape.padding, text_width);
        columns[column] += height + shape.gap;
        ++shown;
    }
    if (shown < answers.size())
        canvas.text(fill_text(frame.strings, "more_notes", {{"n", std::to_string(answers.size() - shown)}}),
                    {type::small, Weight::Bold, theme::text_soft}, area.x + area.w, area.y + area.h - canvas.u(3.2), 0,
                    Align::Right);
}

void draw_answers(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) {
    const auto label = one_line(canvas, fill_text(frame.strings, "coffee_answers_label", {{"question", coffee_question(frame)}}),
                                {type::label, Weight::Bold, theme::accent}, area.x, area.y, area.w);
    const int top = label.y + label.h + canvas.u(2);
    const SDL_Rect wall{area.x, top, area.w, area.y + area.h - top};
    const auto answers = frame.view.coffee.shown();
    if (answers.empty()) {  // only when forced (a screenshot): the rotation skips an empty wall
        canvas.text_fit(frame.strings.text("coffee_answers_empty"), {type::heading, Weight::Regular, theme::text_soft}, wall,
                        type::body);
        return;
    }
    draw_answer_cards(canvas, frame, answers, wall);
}

// ---- Wat we besloten -------------------------------------------------------------------------

// Measures one decision's card in `box` (its height is ignored) and returns the height it
// needs; with `draw`, also draws it `box.h` tall, so a row's cards end level.
int decision_card(ui::Canvas& canvas, const DecisionCard& card, const SDL_Rect& box, bool draw) {
    const auto put = [&](const std::string& text, const TextStyle& style, int x, int y, int wrap) {
        if (draw) return canvas.text(text, style, x, y, wrap);
        const auto size = canvas.measure(text, style, wrap);
        return SDL_Rect{x, y, size.x, size.y};
    };
    const int pad = canvas.u(2.2);
    const int inner = box.w - 2 * pad;
    // The status chip at the top right: "loopt" lit, "nog open" quiet.
    const TextStyle chip_style{type::small, Weight::Bold, card.running ? theme::background : theme::text};
    const auto chip_text = canvas.measure(card.status, chip_style);
    const SDL_Rect chip{box.x + box.w - pad - chip_text.x - canvas.u(2), box.y + pad, chip_text.x + canvas.u(2),
                        chip_text.y + canvas.u(0.6)};
    if (draw) {
        canvas.fill(box, theme::panel);
        canvas.fill({box.x, box.y, canvas.u(0.6), box.h}, card.overdue ? theme::warning : theme::accent);
        canvas.fill(chip, card.running ? theme::accent : theme::panel_light);
        canvas.text(card.status, chip_style, chip.x + canvas.u(1), chip.y + canvas.u(0.3));
    }
    const int what_width = chip.x - canvas.u(2) - (box.x + pad);
    TextStyle what_style{type::body, Weight::Bold, theme::text};
    if (canvas.measure(card.what, what_style, what_width).y > canvas.u(type::body * 2.6)) what_style.size = type::label;
    const auto what = put(card.what, what_style, box.x + pad, box.y + pad, what_width);
    int y = std::max(what.y + what.h, chip.y + chip.h) + canvas.u(1);
    const auto people = put(card.people, {type::label, Weight::Regular, theme::text_soft}, box.x + pad, y, inner);
    y = people.y + people.h;
    if (!card.review.empty()) {
        // Overdue: the date in the warning colour, so a late look-back is seen across the room.
        const TextStyle style{type::label, card.overdue ? Weight::Bold : Weight::Regular,
                              card.overdue ? theme::warning : theme::text_soft};
        const auto review = put(card.review, style, box.x + pad, y + canvas.u(0.6), inner);
        y = review.y + review.h;
    }
    return y + pad - box.y;
}

void draw_decisions(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) {
    const auto label = canvas.text(frame.strings.text("coffee_decisions_label"), {type::label, Weight::Bold, theme::accent},
                                   area.x, area.y);
    const int top = label.y + label.h + canvas.u(2);
    const auto cards = decision_cards(frame);
    if (cards.empty()) {  // only when forced (a screenshot): the rotation skips it
        canvas.text_fit(frame.strings.text("coffee_decisions_empty"), {type::heading, Weight::Regular, theme::text_soft},
                        {area.x, top, area.w, area.y + area.h - top}, type::body);
        return;
    }
    // Two columns when there is more than one; a lone card stays a readable line length.
    const std::size_t columns = cards.size() > 1 ? std::size_t{2} : std::size_t{1};
    const int gap = canvas.u(2);
    const int width = columns == 1 ? std::min(area.w, canvas.u(110)) : (area.w - gap) / 2;
    const int bottom = area.y + area.h - canvas.u(3.6);  // room for "+2 meer"
    std::size_t drawn = 0;
    for (int y = top; drawn < cards.size();) {
        const std::size_t in_row = std::min(columns, cards.size() - drawn);
        int height = 0;
        for (std::size_t i = 0; i < in_row; ++i)
            height = std::max(height, decision_card(canvas, cards[drawn + i], {area.x, y, width, 0}, false));
        if (y + height > bottom) break;
        for (std::size_t i = 0; i < in_row; ++i)
            decision_card(canvas, cards[drawn + i], {area.x + static_cast<int>(i) * (width + gap), y, width, height}, true);
        drawn += in_row;
        y += height + gap;
    }
    if (drawn < cards.size())
        canvas.text(fill_text(frame.strings, "more_notes", {{"n", std::to_string(cards.size() - drawn)}}),
                    {type::small, Weight::Bold, theme::text_soft}, area.x + area.w, area.y + area.h - canvas.u(3.2), 0,
                    Align::Right);
}

// ---- Volgende sessie -------------------------------------------------------------------------

void draw_next(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) {
    draw_statement_panel(canvas, area);
    const int x = area.x + canvas.u(4);
    const int width = area.w - canvas.u(8);
    const auto label = canvas.text(frame.strings.text("coffee_next_label"), {type::label, Weight::Bold, theme::accent}, x,
                                   area.y + canvas.u(3.5));
    int y = label.y + label.h + canvas.u(2);
    const auto line = next_session_line(frame);
    const auto next = canvas.text_fit(line.empty() ? frame.strings.text("idle_no_slot") : line,
                                      {k_big, Weight::Bold, theme::text}, {x, y, width, canvas.u(22)}, type::heading);
    if (line.empty()) return;  // no slots: nothing to count
    y = next.y + next.h + canvas.u(3);
    const auto week = canvas.text_fit(coffee_week_line(frame), {type::heading, Weight::Regular, theme::text_soft},
                                      {x, y, width, canvas.u(6)}, type::body);
    y = week.y + week.h + canvas.u(1.5);
    canvas.text_fit(week_sessions_line(frame), {type::heading, Weight::Regular, theme::text_soft}, {x, y, width, canvas.u(6)},
                    type::body);
}

}  // namespace

void CoffeeScene::draw(ui::Canvas& canvas, const Frame& frame) const {
    if (frame.night) {  // coffee.hours closed: a black screen, at most one dim line
        canvas.clear(k_night);
        if (!frame.night_notice.empty()) {
            const int margin = canvas.u(4);
            canvas.text_fit(frame.night_notice, {type::small, Weight::Regular, theme::text_dim},
                            {margin, canvas.height() - margin - canvas.u(4), canvas.width() - 2 * margin, canvas.u(4)}, type::small);
        }
        return;
    }
    canvas.clear(theme::background);
    const auto rotation = coffee_rotation(frame);
    draw_top(canvas, frame, rotation.panel != CoffeePanel::Next);
    const auto area = panel_area(canvas);
    switch (rotation.panel) {
    case CoffeePanel::Question: draw_question(canvas, frame, area); break;
    case CoffeePanel::Answers: draw_answers(canvas, frame, area); break;
    case CoffeePanel::Decisions: draw_decisions(canvas, frame, area); break;
    case CoffeePanel::Next: draw_next(canvas, frame, area); break;
    }
    draw_footer(canvas, frame, coffee_panels(frame), rotation.panel);
}

std::optional<Millis> CoffeeScene::until_change(const Frame& frame) const {
    // The clock shows minutes. At night too: the app decides when the night ends, and the
    // minute wake-up is when it looks (and when a slot's start opens the lobby).
    const auto ms = std::chrono::duration_cast<Millis>(frame.wall.time_since_epoch()).count();
    const Millis minute{60'000 - ms % 60'000};
    if (frame.night) return minute;
    const auto turn = coffee_rotation(frame).until_next;
    return turn ? std::min(minute, *turn) : minute;
}

}  // namespace kiosk::scenes
