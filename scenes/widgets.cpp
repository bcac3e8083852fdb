#include "scenes/widgets.hpp"

#include <algorithm>
#include <cstdio>

#include "kiosk/ui/qr_code.hpp"

namespace kiosk::scenes {

Grid make_grid(const ui::Canvas& canvas, double side_units) {
    const int margin = canvas.u(5);
    const int side_width = canvas.u(side_units);
    const int side_x = canvas.width() - margin - side_width;
    const int main_width = side_x - margin - canvas.u(5);
    const int height = canvas.height() - 2 * margin;
    return Grid{margin, {margin, margin, main_width, height}, {side_x, margin, side_width, height}};
}

std::string format_countdown(Millis remaining) {
    const long long seconds = (std::max(Millis{0}, remaining).count() + 999) / 1000;
    const auto two = [](long long n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    return std::to_string(seconds / 60) + ":" + two(seconds % 60);
}

std::optional<Millis> until_next_second(const View& view, Millis now) {
    if (!view.in_step() || view.timer.paused) return std::nullopt;
    const Millis left = view.remaining(now);
    if (left <= Millis{0}) return std::nullopt;  // the engine moves on; a new View follows
    return Millis{(left.count() - 1) % 1000 + 1};
}

int draw_stage_header(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) {
    const auto& view = frame.view;
    const bool checkin = view.stage_number() == 0;
    const std::string label =
        checkin ? frame.strings.text("checkin_label")
                : frame.strings.format("stage_of", {{"n", std::to_string(view.stage_number())},
                                                    {"total", std::to_string(view.stage_count())}});
    const auto text = canvas.text(label, {type::label, Weight::Bold, theme::accent}, area.x, area.y);
    const int bar_y = text.y + text.h + canvas.u(1.2);
    const int count = view.stage_count();
    const int gap = canvas.u(1);
    const int segment = (area.w - gap * (count - 1)) / count;
    for (int i = 0; i < count; ++i) {
        const int number = i + 1;
        const auto color = number < view.stage_number()    ? theme::accent
                           : number == view.stage_number() ? theme::text
                                                           : theme::panel_light;
        canvas.fill({area.x + i * (segment + gap), bar_y, segment, canvas.u(0.8)}, color);
    }
    // The week beside the label; what the lobby chose under the bar, in sight all session.
    if (!frame.week_line.empty())
        canvas.text_fit(frame.week_line, {type::small, Weight::Regular, theme::text_soft},
                        {text.x + text.w + canvas.u(3), text.y, area.w - text.w - canvas.u(3), text.h}, 1.8, Align::Right);
    int bottom = bar_y + canvas.u(0.8);
    std::string chosen;
    if (!view.situation.empty()) chosen = frame.strings.format("situation_line", {{"situation", view.situation}});
    if (!view.framing.empty()) {
        std::string questions;
        for (const int index : view.framing)
            questions += (questions.empty() ? "" : "  ·  ") + view.content->framing_questions.at(static_cast<std::size_t>(index));
        chosen += (chosen.empty() ? "" : "   |   ") + frame.strings.format("framing_line", {{"questions", questions}});
    }
    if (!chosen.empty()) {
        const auto line = canvas.text_fit(chosen, {2.0, Weight::Regular, theme::text_soft},
                                          {area.x, bottom + canvas.u(0.8), area.w, canvas.u(2.6)}, 1.4);
        bottom = line.y + line.h;
    }
    return bottom;
}

int draw_title_block(ui::Canvas& canvas, const SDL_Rect& column, int y, const std::string& title,
                     const std::string& body) {
    const auto heading = canvas.text_fit(title, {type::title, Weight::Bold, theme::text},
                                         {column.x, y, column.w, canvas.u(17)}, type::heading);
    y = heading.y + heading.h + canvas.u(2.5);
    const auto sentence = canvas.text_fit(body, {type::body, Weight::Regular, theme::text_soft},
                                          {column.x, y, column.w, canvas.u(12)}, type::label);
    return sentence.y + sentence.h + canvas.u(4);
}

SDL_Rect timer_panel_area(const ui::Canvas& canvas, const Grid& grid) {
    return {grid.side.x, grid.side.y, grid.side.w, canvas.u(30)};
}

SDL_Rect draw_timer_panel(ui::Canvas& canvas, const Frame& frame, const Grid& grid) {
    const auto area = timer_panel_area(canvas, grid);
    const auto& view = frame.view;
    const Millis left = view.remaining(frame.now);
    const bool paused = view.timer.paused;
    const bool warning = view.in_warning(frame.now);
    const auto color = paused ? theme::paused : warning ? theme::warning : theme::text;
    canvas.fill(area, theme::panel);
    if (warning && !paused) canvas.frame(area, theme::warning, canvas.u(0.5));

    const int centre = area.x + area.w / 2;
    // One size for every value, chosen so the widest ("88:88") fits: the digits never jump.
    ui::TextStyle digits{type::hero, Weight::Bold, color};
    const int widest = canvas.measure("88:88", digits).x;
    const int room = area.w - canvas.u(4);
    if (widest > room) digits.size *= static_cast<double>(room) / widest;
    canvas.text_once(format_countdown(left), digits, centre, area.y + canvas.u(2.5), Align::Center);
    std::string status;
    if (paused) status = frame.strings.text("paused");
    else if (left <= Millis{0}) status = frame.strings.text("time_up");
    if (!status.empty())
        canvas.text(status, {type::body, Weight::Bold, color}, centre, area.y + canvas.u(21.5), 0, Align::Center);

    // How much of the step has passed: a calm bar instead of a second ticking number.
    const int bar_x = area.x + canvas.u(3);
    const int bar_w = area.w - canvas.u(6);
    const int bar_y = area.y + area.h - canvas.u(3);
    canvas.fill({bar_x, bar_y, bar_w, canvas.u(0.8)}, theme::panel_light);
    const auto total = std::max<long long>(1, view.timer.duration.count());
    const double passed = 1.0 - static_cast<double>(left.count()) / static_cast<double>(total);
    const int done = static_cast<int>(std::clamp(passed, 0.0, 1.0) * bar_w);
    canvas.fill({bar_x, bar_y, done, canvas.u(0.8)}, warning && !paused ? theme::warning : theme::accent);
    return area;
}

void draw_qr_panel(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area, double caption_size) {
    canvas.fill(area, theme::panel);
    const auto caption = TextStyle{caption_size, Weight::Bold, theme::text};
    const auto url_style = TextStyle{type::small, Weight::Regular, theme::text_soft};
    // For people who type: the address, and the session's code as large as the caption.
    const auto& code = frame.view.join_code;
    const auto address = display_url(frame.room.phone_url);
    // Too many wrong codes were tried: no code on the screen, only the QR lets people in.
    const bool closed = frame.view.codes_closed;
    const bool has_code = !code.empty();
    const int text_height = canvas.u(caption_size * 1.3 + type::small * 1.3 + 1.5 + (has_code ? caption_size * 1.3 : 0));
    const int pad = canvas.u(3);
    const int room = std::min(area.w - 2 * pad, area.h - 2 * pad - text_height);
    const auto url = join_url(frame);
    // The QR is drawn with whole-pixel modules, so it may come out a little smaller than room.
    const std::string key = "qr|" + std::to_string(room) + "|" + url;
    const auto make = [&] { return ui::render_qr(url, room); };
    const auto size = canvas.image_size(key, make);
    // Centre the code and its caption together in the panel.
    const int qr_x = area.x + (area.w - size.x) / 2;
    const int qr_y = area.y + std::max(pad, (area.h - size.y - text_height) / 2);
    const auto qr = canvas.image(key, make, qr_x, qr_y);
    const int centre = area.x + area.w / 2;
    const auto label = canvas.text(frame.strings.text("scan_to_join"), caption, centre,
                                   qr.y + qr.h + canvas.u(1.5), 0, Align::Center);
    // Closed: no "type the code" beside the address, but why the code is gone.
    const auto typed = closed     ? frame.strings.text("join_code_closed_why")
                       : has_code ? frame.strings.format("join_url", {{"url", address}})
                                  : address;
    const auto line = canvas.text_fit(typed, url_style, {area.x + pad / 2, label.y + label.h + canvas.u(0.3), area.w - pad,
                                                         canvas.u(type::small * 1.4)},
                                      type::small * 0.8, Align::Center);
    if (has_code && closed)
        canvas.text(frame.strings.text("join_code_closed"), {caption_size, Weight::Bold, theme::accent}, centre,
                    line.y + line.h + canvas.u(0.3), 0, Align::Center);
    else if (has_code)
        canvas.text(frame.strings.format("join_code", {{"code", code.substr(0, 3) + " " + code.substr(3)}}),
                    {caption_size, Weight::Bold, theme::accent}, centre, line.y + line.h + canvas.u(0.3), 0, Align::Center);
}

void draw_link_panel(ui::Canvas& canvas, const SDL_Rect& area, const std::string& url, const std::string& caption,
                     const std::string& hint, double caption_size) {
    canvas.fill(area, theme::panel);
    const int pad = canvas.u(3);
    const int text_height = canvas.u(caption_size * 1.3 + type::small * 2.8 + 1.5);
    const int room = std::min(area.w - 2 * pad, area.h - 2 * pad - text_height);
    const std::string key = "qr|" + std::to_string(room) + "|" + url;
    const auto make = [&] { return ui::render_qr(url, room); };
    const auto size = canvas.image_size(key, make);
    const int qr_y = area.y + std::max(pad, (area.h - size.y - text_height) / 2);
    const auto qr = canvas.image(key, make, area.x + (area.w - size.x) / 2, qr_y);
    const auto label = canvas.text(caption, {caption_size, Weight::Bold, theme::text}, area.x + area.w / 2,
                                   qr.y + qr.h + canvas.u(1.5), 0, Align::Center);
    canvas.text_fit(hint, {type::small, Weight::Regular, theme::text_soft},
                    {area.x + pad / 2, label.y + label.h + canvas.u(0.3), area.w - pad, canvas.u(type::small * 2.8)},
                    type::small * 0.8, Align::Center);
}

std::string join_url(const Frame& frame) {
    const auto& token = frame.view.join_token;
    if (!token.empty()) return frame.room.phone_url + "/j/" + token;
    // Between sessions phones come for the coffee corner's question.
    const auto& coffee = frame.view.coffee.token;
    return coffee.empty() ? frame.room.phone_url : frame.room.phone_url + "/k/" + coffee;
}

SDL_Rect draw_people_line(ui::Canvas& canvas, const Frame& frame, int x, int y, int width) {
    const auto& view = frame.view;
    const auto text = frame.strings.format("people_line", {{"joined", std::to_string(view.active_participants())},
                                                           {"ready", std::to_string(view.activity.ready.size())}});
    return canvas.text(text, {type::label, Weight::Bold, theme::text_soft}, x, y, width, Align::Center);
}

int phone_band_top(const ui::Canvas& canvas) { return canvas.height() - canvas.u(5) - canvas.u(13); }

void draw_band(ui::Canvas& canvas, const Grid& grid, const std::string& label, const std::string& text) {
    const SDL_Rect band{grid.main.x, phone_band_top(canvas), grid.main.w, canvas.u(13)};
    canvas.fill(band, theme::panel);
    canvas.fill({band.x, band.y, canvas.u(0.7), band.h}, theme::accent);
    const int x = band.x + canvas.u(3);
    const int w = band.w - canvas.u(5);
    const ui::TextStyle style{type::body, Weight::Bold, theme::text};
    int y = band.y + canvas.u(2);
    if (!label.empty()) {
        const auto drawn = canvas.text(label, {type::small, Weight::Bold, theme::accent}, x, band.y + canvas.u(1.8));
        y = drawn.y + drawn.h + canvas.u(0.6);
    } else {
        // Without a label the text stands alone: centre it in the band.
        y = band.y + std::max(canvas.u(1), (band.h - canvas.measure(text, style, w).y) / 2);
    }
    canvas.text_fit(text, style, {x, y, w, band.y + band.h - y - canvas.u(1)}, type::small);
}

void draw_help_hint(ui::Canvas& canvas, const Frame& frame) {
    canvas.text(frame.strings.text("footer_help"), {2.0, Weight::Regular, theme::text_dim}, canvas.u(5),
                canvas.height() - canvas.u(3.8));
}

int draw_bullets(ui::Canvas& canvas, const std::vector<std::string>& lines, const SDL_Rect& area, double size) {
    // Shrink all bullets together so they keep one size; stop at the smallest readable size.
    const int indent = canvas.u(size * 0.9);
    const int gap = canvas.u(1.4);
    for (;;) {
        int total = 0;
        for (const auto& line : lines)
            total += canvas.measure(line, {size, Weight::Regular, theme::text}, area.w - indent).y + gap;
        if (total <= area.h || size <= type::small) break;
        size = std::max(type::small, size * 0.92);
    }
    int y = area.y;
    for (const auto& line : lines) {
        canvas.text("•", {size, Weight::Bold, theme::accent}, area.x, y);
        const auto box = canvas.text(line, {size, Weight::Regular, theme::text}, area.x + indent, y, area.w - indent);
        y += box.h + gap;
    }
    return y;
}

const std::string& question_of_the_week(const Content& content, const LocalMoment& local) {
    const auto week = static_cast<std::size_t>(iso_week(local.date));
    return content.reflection_questions.at((week - 1) % content.reflection_questions.size());
}

std::string display_url(const std::string& url) {
    for (const std::string scheme : {"http://", "https://"})
        if (url.rfind(scheme, 0) == 0) return url.substr(scheme.size());
    return url;
}

}  // namespace kiosk::scenes
