// Before the session starts: welcome, a large QR to join, what the hour holds, how to start.
#include "kiosk/core/spoken_date.hpp"
#include "scenes/lobby_scene.hpp"

#include "scenes/widgets.hpp"

#include <algorithm>
#include <map>

namespace kiosk::scenes {

void LobbyScene::draw(ui::Canvas& canvas, const Frame& frame) const {
    const auto& strings = frame.strings;
    // The hour at a glance follows the format the choice stands at now.
    const auto leading = frame.view.library ? frame.view.library->find(frame.view.leading_videoframe()) : nullptr;
    const auto& content = leading ? *leading : *frame.view.content;
    const auto grid = make_grid(canvas, 62);
    canvas.clear(theme::background);

    // One line in the left column: on a 4:3 screen it would run under the QR panel otherwise.
    canvas.text_fit(frame.week_line.empty() ? content.title : content.title + "  ·  " + frame.week_line,
                    {type::label, Weight::Bold, theme::accent}, {grid.main.x, grid.main.y, grid.main.w, canvas.u(type::label * 1.5)},
                    type::label * 0.7);
    int y = draw_title_block(canvas, grid.main, grid.main.y + canvas.u(6),
                             strings.format("lobby_title", {{"room", frame.room.name}}), strings.text("lobby_body"));

    const auto& view = frame.view;
    const bool choosing = !view.situation.empty() || !view.framing_votes.empty() || !view.reviews.empty() ||
                          !view.participants.empty();
    const int formats_top = y;
    // Once phones are in, the formats take a few small lines: the group's choices need the room.
    y = choosing ? draw_videoframe_line(canvas, frame, {grid.main.x, y, grid.main.w, phone_band_top(canvas) - canvas.u(2) - y})
                 : draw_videoframes(canvas, frame, {grid.main.x, y, grid.main.w, phone_band_top(canvas) - canvas.u(2) - y});
    const bool compact = y != formats_top;  // the formats took the room of the hour's list
    if (choosing) {
        draw_choices(canvas, frame, {grid.main.x, y, grid.main.w, phone_band_top(canvas) - canvas.u(2) - y});
    } else if (compact) {
        // The hour at a glance in one paragraph: "Check-in 3 min · Analyse van de werksituatie 12 min · …"
        std::string hour;
        for (const auto& step : content.steps)
            hour += (hour.empty() ? "" : "  ·  ") + step.title + " " +
                    std::to_string(std::chrono::duration_cast<std::chrono::minutes>(step.duration).count()) + " min";
        canvas.text_fit(hour, {type::small, Weight::Regular, theme::text}, {grid.main.x, y, grid.main.w, phone_band_top(canvas) - y - canvas.u(2)}, 1.8);
    } else {
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
        if (!view.last_outcome.empty())
            canvas.text_fit(strings.format("last_time", {{"outcome", view.last_outcome}}),
                            {type::label, Weight::Regular, theme::text_soft},
                            {grid.main.x, y + canvas.u(1), grid.main.w, phone_band_top(canvas) - y - canvas.u(3)}, type::small);
    }
    const auto joined = static_cast<std::size_t>(frame.view.active_participants());
    draw_band(canvas, grid, joined == 0 ? "" : strings.format("lobby_joined", {{"n", std::to_string(joined)}}),
              strings.text("lobby_start"));

    draw_qr_panel(canvas, frame, grid.side, type::heading);
    draw_help_hint(canvas, frame);
}

namespace {

// "1, 3": the numbers beside the tied formats, the keys that pick one of them.
std::string tie_keys(const VideoframeChoice& choice) {
    std::string keys;
    for (std::size_t i = 0; i < choice.offered.size(); ++i)
        if (std::find(choice.tied.begin(), choice.tied.end(), choice.offered[i]) != choice.tied.end())
            keys += (keys.empty() ? "" : ", ") + std::to_string(i + 1);
    return keys;
}

// "Werksituatie 3× · Innovatie 1×": the formats this trajectory had, most used first.
std::string history_line(const View& view, const Strings& strings) {
    std::vector<std::pair<std::string, int>> counted;
    for (const auto& id : view.format_history) {
        const auto found = std::find_if(counted.begin(), counted.end(), [&](const auto& c) { return c.first == id; });
        if (found == counted.end()) counted.emplace_back(id, 1);
        else ++found->second;
    }
    std::stable_sort(counted.begin(), counted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string line;
    for (const auto& [id, count] : counted) {
        const auto format = view.library ? view.library->find(id) : nullptr;
        line += (line.empty() ? "" : "  ·  ") + (format ? format->title : id) + " " +
                strings.format("lobby_votes", {{"n", std::to_string(count)}});
    }
    return line;
}

}  // namespace

int LobbyScene::draw_videoframes(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto& view = frame.view;
    const auto& strings = frame.strings;
    const auto& choice = view.videoframes;
    if (!view.library || (choice.offered.empty() && choice.fixed.empty() && choice.room_pick.empty())) return area.y;
    int y = area.y;
    const auto heading = choice.offered.empty() ? strings.text("lobby_videoframe_fixed")
                                                : strings.format("lobby_videoframe_label", {{"last", std::to_string(choice.offered.size())}});
    const auto label = canvas.text_fit(heading, {type::small, Weight::Bold, theme::accent}, {area.x, y, area.w, canvas.u(3.2)}, 1.8);
    y = label.y + label.h + canvas.u(0.4);
    const auto leading = view.leading_videoframe();
    auto dots = view.videoframe_dots();
    // The offered formats, numbered for the room's keys; the room's pick from the library besides.
    auto shown = choice.offered.empty() ? std::vector<std::string>{leading} : choice.offered;
    if (std::find(shown.begin(), shown.end(), leading) == shown.end()) shown.push_back(leading);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const auto format = view.library->find(shown[i]);
        if (!format) continue;
        const bool offered = i < choice.offered.size();
        const bool lead = shown[i] == leading;
        const auto colour = lead ? theme::text : theme::text_soft;
        const auto mark = canvas.text(offered ? std::to_string(i + 1) : lead && !choice.room_pick.empty() ? "F" : "•",
                                      {type::label, Weight::Bold, theme::accent}, area.x, y);
        if (offered && dots[shown[i]] > 0)
            canvas.text(strings.format("lobby_votes", {{"n", std::to_string(dots[shown[i]])}}), {type::label, Weight::Bold, theme::accent},
                        area.x + area.w, y, 0, Align::Right);
        const auto title = canvas.text_fit(format->title, {type::label, lead ? Weight::Bold : Weight::Regular, colour},
                                           {area.x + canvas.u(4), y, area.w - canvas.u(11), mark.h}, type::small);
        y = std::max(mark.y + mark.h, title.y + title.h) + canvas.u(0.3);
        if (lead && !format->summary.empty()) {
            const auto summary = canvas.text_fit(format->summary, {type::small, Weight::Regular, theme::text_soft},
                                                 {area.x + canvas.u(4), y, area.w - canvas.u(4), canvas.u(6)}, 1.8);
            y = summary.y + summary.h + canvas.u(0.5);
        }
    }
    if (!choice.tied.empty()) {
        const auto tie = canvas.text_fit(strings.format("lobby_videoframe_tie", {{"keys", tie_keys(choice)}}),
                                         {type::label, Weight::Bold, theme::warning}, {area.x, y, area.w, canvas.u(4)}, type::small);
        y = tie.y + tie.h + canvas.u(0.5);
    }
    if (!view.format_history.empty()) {
        const auto history = canvas.text_fit(strings.format("lobby_videoframe_history", {{"formats", history_line(view, strings)}}),
                                             {type::small, Weight::Regular, theme::text_soft}, {area.x, y, area.w, canvas.u(3.2)}, 1.8);
        y = history.y + history.h;
    }
    return y + canvas.u(1.6);
}

int LobbyScene::draw_videoframe_line(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto& view = frame.view;
    const auto& strings = frame.strings;
    const auto& choice = view.videoframes;
    if (!view.library || (choice.offered.empty() && choice.fixed.empty() && choice.room_pick.empty())) return area.y;
    auto dots = view.videoframe_dots();
    // "1 Een innovatie uitproberen 2×  ·  2 Terugkijken … 4×  ·  3 …"; the leading one is in the top line.
    std::string line;
    for (std::size_t i = 0; i < choice.offered.size(); ++i) {
        const auto format = view.library->find(choice.offered[i]);
        if (!format) continue;
        const int n = dots[choice.offered[i]];
        line += (line.empty() ? "" : "   ·   ") + std::to_string(i + 1) + "  " + format->title +
                (n > 0 ? " " + strings.format("lobby_votes", {{"n", std::to_string(n)}}) : std::string{});
    }
    const auto leading = view.library->find(view.leading_videoframe());
    if (!choice.room_pick.empty() && leading) line += (line.empty() ? "" : "   ·   ") + std::string{"F  "} + leading->title;
    if (choice.offered.empty() && leading) line = leading->title;
    const auto heading = choice.offered.empty() ? strings.text("lobby_videoframe_fixed")
                                                : strings.format("lobby_videoframe_label", {{"last", std::to_string(choice.offered.size())}});
    const auto label = canvas.text_fit(heading, {type::small, Weight::Bold, theme::accent}, {area.x, area.y, area.w, canvas.u(3.2)}, 1.8);
    const auto formats = canvas.text_fit(line, {type::small, Weight::Regular, theme::text},
                                         {area.x, label.y + label.h + canvas.u(0.3), area.w, canvas.u(6)}, 1.8);
    int y = formats.y + formats.h;
    if (!choice.tied.empty()) {
        const auto tie = canvas.text_fit(strings.format("lobby_videoframe_tie", {{"keys", tie_keys(choice)}}),
                                         {type::label, Weight::Bold, theme::warning}, {area.x, y + canvas.u(0.5), area.w, canvas.u(4)}, type::small);
        y = tie.y + tie.h;
    }
    return y + canvas.u(1.6);
}

void LobbyScene::draw_choices(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto& view = frame.view;
    const auto& strings = frame.strings;
    int y = area.y;
    // The work situation, as a phone named it.
    auto label = canvas.text(strings.text("lobby_situation_label"), {type::small, Weight::Bold, theme::accent}, area.x, y);
    y = label.y + label.h + canvas.u(0.5);
    const auto situation = view.situation.empty()
        ? canvas.text_fit(strings.text("lobby_situation_empty"), {type::label, Weight::Regular, theme::text_soft}, {area.x, y, area.w, canvas.u(4)}, type::small)
        : canvas.text_fit(view.situation, {type::body, Weight::Bold, theme::text}, {area.x, y, area.w, canvas.u(9)}, type::label);
    y = situation.y + situation.h + canvas.u(2);
    // The framing questions with the most votes so far.
    label = canvas.text(strings.text("lobby_framing_label"), {type::small, Weight::Bold, theme::accent}, area.x, y);
    y = label.y + label.h + canvas.u(0.5);
    std::map<int, int> counts;
    for (const auto& [who, picked] : view.framing_votes)
        for (const int index : picked) ++counts[index];
    for (const int index : view.framing_choice()) {
        const auto votes = canvas.text(strings.format("lobby_votes", {{"n", std::to_string(counts[index])}}),
                                       {type::small, Weight::Bold, theme::accent}, area.x, y);
        const auto line = canvas.text_fit(view.content->framing_questions.at(static_cast<std::size_t>(index)),
                                          {type::small, Weight::Regular, theme::text}, {area.x + canvas.u(5), y, area.w - canvas.u(5), votes.h}, 1.8);
        y = std::max(votes.y + votes.h, line.y + line.h) + canvas.u(0.6);
    }
    y += canvas.u(1.4);
    // Earlier decisions to look back on: "Doen: … — eigenaar: … — hoe ging het?"
    std::vector<const Decision*> due;
    for (const auto& decision : view.reviews)
        if (decision.review != "done" && decision.review != "dropped") due.push_back(&decision);
    if (!view.last_outcome.empty() && y < area.y + area.h - canvas.u(4)) {
        const auto last = canvas.text_fit(strings.format("last_time", {{"outcome", view.last_outcome}}),
                                          {type::small, Weight::Regular, theme::text_soft}, {area.x, y, area.w, canvas.u(3.2)}, 1.8);
        y = last.y + last.h + canvas.u(1.2);
    }
    if (due.empty() || y > area.y + area.h - canvas.u(6)) return;
    label = canvas.text(strings.text("lobby_reviews_label"), {type::small, Weight::Bold, theme::warning}, area.x, y);
    y = label.y + label.h + canvas.u(0.5);
    const auto dates = date_words(strings);  // once, not per line
    for (auto it = due.rbegin(); it != due.rend() && y < area.y + area.h - canvas.u(3); ++it) {
        const auto& d = **it;
        const auto status = strings.text(d.review.empty() ? "review_status_open" : "review_status_" + d.review);
        const auto line = strings.format("review_line", {{"decision", strings.text("decision_" + std::string{to_string(d.kind)})},
                                                         {"what", d.first_step.empty() ? d.statement : d.first_step},
                                                         {"owner", d.owner.empty() ? strings.text("owner_unknown") : d.owner},
                                                         {"date", spoken_date(d.review_date, dates)}}) + " — " + status;
        const auto drawn = canvas.text_fit(line, {type::small, Weight::Regular, theme::text}, {area.x, y, area.w, canvas.u(6)}, 1.8);
        y = drawn.y + drawn.h + canvas.u(0.8);
    }
}

}  // namespace kiosk::scenes
