#include "scenes/note_wall.hpp"

#include <set>

#include <algorithm>
#include <cmath>

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

namespace {

// Type sizes the wall tries, largest first (screen-height units; 1.9 is ~21 px at 1080p).
constexpr double k_sizes[] = {3.4, 3.0, 2.7, 2.4, 2.15, 1.9};

std::size_t code_points(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

struct Shape {
    double size;
    int columns;
    int width;    // of one note, in pixels
    int padding;
    int gap;
};

Shape shape_for(const ui::Canvas& canvas, const SDL_Rect& area, double size) {
    const int gap = canvas.u(1.2);
    // About 26 characters a line: long enough for a sentence, narrow enough for many columns.
    const int wanted = canvas.u(size * 13.5);
    const int columns = std::clamp((area.w + gap) / (wanted + gap), 1, 8);
    return {size, columns, (area.w - gap * (columns - 1)) / columns, canvas.u(size * 0.45), gap};
}

// A cheap estimate of a note's height (no text rendering), to choose the size.
int estimated_height(const ui::Canvas& canvas, const Shape& shape, const Note& note) {
    const double pixels = canvas.u(shape.size);
    const double per_line = std::max(1.0, (shape.width - 2 * shape.padding) / (pixels * 0.5));
    const auto lines = std::ceil(static_cast<double>(code_points(note.text)) / per_line);
    return static_cast<int>(lines * pixels * 1.25) + 2 * shape.padding;
}

// Fills columns shortest-first; returns how tall the tallest column gets.
int masonry_height(const std::vector<int>& heights, const Shape& shape) {
    std::vector<int> columns(static_cast<std::size_t>(shape.columns), 0);
    for (const int h : heights) {
        auto shortest = std::min_element(columns.begin(), columns.end());
        *shortest += h + shape.gap;
    }
    return *std::max_element(columns.begin(), columns.end());
}

bool fits(const ui::Canvas& canvas, const Shape& shape, const std::vector<const Note*>& notes, int height) {
    std::vector<int> heights;
    for (const auto* note : notes) heights.push_back(estimated_height(canvas, shape, *note));
    return masonry_height(heights, shape) <= height;
}

Uint8 fade(const Frame& frame, const Note& note) {
    const auto age = frame.now - note.at;
    if (age >= k_note_fade || age < Millis{0}) return 255;
    return static_cast<Uint8>(40 + 215 * age.count() / k_note_fade.count());
}

// The largest size that shows every note; else the smallest, with as many of the newest
// notes as fit above the "+12 meer" badge (measured for real from the newest back). Returns
// the shape and the first note shown.
std::pair<Shape, std::size_t> wall_layout(ui::Canvas& canvas, const std::vector<const Note*>& notes, const SDL_Rect& area, int badge) {
    for (const double size : k_sizes) {
        const auto candidate = shape_for(canvas, area, size);
        if (fits(canvas, candidate, notes, area.h)) return {candidate, 0};
    }
    const Shape shape = shape_for(canvas, area, k_sizes[std::size(k_sizes) - 1]);
    const ui::TextStyle style{shape.size, Weight::Regular, theme::text};
    std::vector<int> heights;
    std::size_t first = notes.size();
    while (first > 0) {
        heights.insert(heights.begin(), canvas.measure(notes[first - 1]->text, style, shape.width - 2 * shape.padding).y + 2 * shape.padding);
        if (masonry_height(heights, shape) > area.h - badge) break;
        --first;
    }
    return {shape, first};
}

// One note as a card (fading in while new), with its author's name under it when the room shows names.
void draw_card(ui::Canvas& canvas, const Frame& frame, const Note& note, const std::string& name, const SDL_Rect& card,
               const Shape& shape, int text_height) {
    const Uint8 opacity = fade(frame, note);
    auto background = theme::panel_light;
    background.a = opacity;
    canvas.fill(card, background);
    auto strip = theme::accent;
    strip.a = opacity;
    canvas.fill({card.x, card.y, canvas.u(0.45), card.h}, strip);
    const ui::TextStyle style{shape.size, Weight::Regular, theme::text, opacity};
    canvas.text(note.text, style, card.x + shape.padding, card.y + shape.padding, shape.width - 2 * shape.padding);
    if (!name.empty())
        canvas.text(name, {type::small * 0.85, Weight::Bold, theme::accent, opacity}, card.x + shape.padding,
                    card.y + shape.padding + text_height + canvas.u(0.3));
}

}  // namespace

void draw_note_wall(ui::Canvas& canvas, const Frame& frame, const std::vector<const Note*>& notes,
                    const SDL_Rect& area) {
    if (notes.empty()) return;
    const int badge = canvas.u(4);  // room for "+12 meer"
    const auto [shape, first] = wall_layout(canvas, notes, area, badge);
    const ui::TextStyle style{shape.size, Weight::Regular, theme::text};
    const int text_width = shape.width - 2 * shape.padding;
    // Draw in the order written; a note that would still run past the bottom waits off the wall.
    std::vector<int> columns(static_cast<std::size_t>(shape.columns), 0);
    const int bottom = area.h - (first > 0 ? badge : 0);
    std::size_t hidden = first;
    for (std::size_t i = first; i < notes.size(); ++i) {
        const auto& note = *notes[i];
        const auto* author = frame.room.show_names ? frame.view.participant(note.author) : nullptr;
        const std::string name = author ? author->name : std::string{};
        const auto text_size = canvas.measure(note.text, style, text_width);
        const int name_height = name.empty() ? 0 : canvas.u(type::small * 1.3);
        const int height = text_size.y + 2 * shape.padding + name_height;
        const auto column = static_cast<std::size_t>(std::min_element(columns.begin(), columns.end()) - columns.begin());
        if (columns[column] + height > bottom) {
            ++hidden;
            continue;
        }
        const int x = area.x + static_cast<int>(column) * (shape.width + shape.gap);
        draw_card(canvas, frame, note, name, {x, area.y + columns[column], shape.width, height}, shape, text_size.y);
        columns[column] += height + shape.gap;
    }
    if (hidden > 0)
        canvas.text(frame.strings.format("more_notes", {{"n", std::to_string(hidden)}}),
                    {type::label, Weight::Bold, theme::text_soft}, area.x + area.w, area.y + area.h - canvas.u(3.2), 0,
                    Align::Right);
}

void draw_ranking(ui::Canvas& canvas, const Frame& frame, int step, const SDL_Rect& area) {
    const auto& view = frame.view;
    auto ranking = view.ranking(step);
    std::set<int> chosen;  // what the vote chose (a tie settled by run-off or the room included)
    for (const auto* note : view.chosen(step)) chosen.insert(note->id);
    // The chosen first: after a tie they share their place with notes that were not chosen.
    std::stable_partition(ranking.begin(), ranking.end(), [&](const Ranked& r) { return chosen.count(r.note) > 0; });
    const int top = ranking.empty() ? 1 : ranking.front().dots;
    const int place_width = canvas.u(5);
    const auto count_text = [&](const Ranked& ranked) {
        return ranked.dots == 1 ? frame.strings.text("dots_one") : frame.strings.format("dots_count", {{"n", std::to_string(ranked.dots)}});
    };
    // As wide as the widest count ("12 stippen" in bold body text is wider than 14 units on 4:3).
    int count_width = canvas.u(14);
    for (const auto& ranked : ranking)
        count_width = std::max(count_width, canvas.measure(count_text(ranked), {type::body, Weight::Bold, theme::accent}).x + canvas.u(2));
    const int row_gap = canvas.u(1.4);
    int y = area.y;
    std::size_t shown = 0;
    for (const auto& ranked : ranking) {
        const bool winner = chosen.count(ranked.note) > 0;
        const double size = winner ? type::body : type::label;
        const auto& text = view.note(ranked.note)->text;
        const int text_x = area.x + place_width;
        const int text_w = area.w - place_width - count_width;
        const ui::TextStyle style{size, winner ? Weight::Bold : Weight::Regular, winner ? theme::text : theme::text_soft};
        const auto box = canvas.measure(text, style, text_w);
        const int bar_h = canvas.u(0.8);
        // Room at the bottom for "+8 meer" while notes are left after this one.
        const int bottom = area.y + area.h - (shown + 1 < ranking.size() ? canvas.u(3.6) : 0);
        const int tag_h = winner ? canvas.u(0.4) + canvas.measure(frame.strings.text("chosen_mark"), {type::small, Weight::Bold, theme::accent}).y : 0;
        if (y + box.y + bar_h + canvas.u(1) + tag_h > bottom) break;
        canvas.text(std::to_string(ranked.place) + ".", {size, Weight::Bold, theme::accent}, area.x, y);
        canvas.text(text, style, text_x, y, text_w);
        canvas.text(count_text(ranked),
                    {size, Weight::Bold, winner ? theme::accent : theme::text_soft}, area.x + area.w, y, 0, Align::Right);
        const int bar_y = y + box.y + canvas.u(0.5);
        canvas.fill({text_x, bar_y, text_w, bar_h}, theme::panel_light);
        canvas.fill({text_x, bar_y, text_w * ranked.dots / std::max(1, top), bar_h}, winner ? theme::accent : theme::text_dim);
        y = bar_y + bar_h + row_gap;
        if (winner) {  // "Gekozen" under the bar: the choice, not only the count, is what the room reads
            const auto tag = canvas.text(frame.strings.text("chosen_mark"), {type::small, Weight::Bold, theme::accent}, text_x,
                                         bar_y + bar_h + canvas.u(0.4));
            y = tag.y + tag.h + row_gap;
        }
        ++shown;
    }
    if (shown < ranking.size())
        canvas.text(frame.strings.format("more_notes", {{"n", std::to_string(ranking.size() - shown)}}),
                    {type::small, Weight::Bold, theme::text_soft}, area.x + area.w, area.y + area.h - canvas.u(3), 0,
                    Align::Right);
}

void draw_numbered(ui::Canvas& canvas, const Frame& frame, const std::vector<int>& notes, const SDL_Rect& area) {
    const int number_width = canvas.u(5);
    int y = area.y;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const auto* note = frame.view.note(notes[i]);
        if (!note) continue;
        const ui::TextStyle style{type::body, Weight::Bold, theme::text};
        const auto box = canvas.measure(note->text, style, area.w - number_width);
        if (y + box.y > area.y + area.h) break;
        canvas.text(std::to_string(i + 1), {type::body, Weight::Bold, theme::accent}, area.x, y);
        canvas.text(note->text, style, area.x + number_width, y, area.w - number_width);
        y += box.y + canvas.u(1.6);
    }
}

bool wall_is_fading(const Frame& frame, int step) {
    for (const auto* note : frame.view.notes_of(step))
        if (fade(frame, *note) < 255) return true;
    return false;
}

}  // namespace kiosk::scenes
