#include "scenes/coffee_panels.hpp"

#include <algorithm>

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

std::string coffee_question(const Frame& frame) {
    const auto& date = frame.local.date;
    if (frame.room.group_question_first) {
        const auto* group = frame.view.coffee.group_question(iso_yyyyww(date));
        if (group && !group->text.empty()) return group->text;
    }
    const auto content = frame.view.coffee_format();
    if (!content || content->reflection_questions.empty()) return {};
    return question_of_the_week(*content, frame.local);
}

std::string coffee_url(const Frame& frame) {
    const auto& token = frame.view.coffee.token;
    return token.empty() ? std::string{} : frame.room.phone_url + "/k/" + token;
}

bool is_open_decision(const Decision& decision) { return decision.review.empty() || decision.review == "running"; }

std::vector<CoffeePanel> coffee_panels(const Frame& frame) {
    const auto& view = frame.view;
    std::vector<CoffeePanel> panels{CoffeePanel::Question};
    if (!view.coffee.shown().empty()) panels.push_back(CoffeePanel::Answers);
    if (std::any_of(view.reviews.begin(), view.reviews.end(), is_open_decision)) panels.push_back(CoffeePanel::Decisions);
    if (!frame.room.slots.empty()) panels.push_back(CoffeePanel::Next);
    return panels;
}

CoffeeRotation coffee_rotation(const Frame& frame) {
    if (frame.coffee_panel) return {*frame.coffee_panel, std::nullopt};
    const auto panels = coffee_panels(frame);
    if (panels.size() == 1) return {panels.front(), std::nullopt};
    // A config that slipped a 0 through must not divide by zero: a second is the shortest turn.
    const long long period = std::max(1, frame.room.rotate_seconds) * 1000LL;
    const long long ms = std::chrono::duration_cast<Millis>(frame.wall.time_since_epoch()).count();
    // Floor division, so a clock before 1970 (a dead RTC battery) still counts forward.
    const long long slot = ms / period - (ms % period < 0 ? 1 : 0);
    const long long count = static_cast<long long>(panels.size());
    const auto index = static_cast<std::size_t>((slot % count + count) % count);
    return {panels[index], Millis{(slot + 1) * period - ms}};
}

std::string coffee_panel_name(CoffeePanel panel) {
    switch (panel) {
    case CoffeePanel::Question: return "coffee-question";
    case CoffeePanel::Answers: return "coffee-answers";
    case CoffeePanel::Decisions: return "coffee-decisions";
    case CoffeePanel::Next: return "coffee-next";
    }
    return "coffee-question";
}

}  // namespace kiosk::scenes
