#include "kiosk/core/coffee.hpp"

#include <algorithm>
#include <chrono>

#include "kiosk/core/schedule.hpp"

namespace kiosk {

const CoffeeAnswer* CoffeeView::answer_of(const std::string& key) const {
    const auto found = std::find_if(answers.begin(), answers.end(), [&](const CoffeeAnswer& a) { return a.key == key; });
    return found == answers.end() ? nullptr : &*found;
}

const CoffeeAnswer* CoffeeView::answer(int id) const {
    const auto found = std::find_if(answers.begin(), answers.end(), [&](const CoffeeAnswer& a) { return a.id == id; });
    return found == answers.end() ? nullptr : &*found;
}

std::vector<const CoffeeAnswer*> CoffeeView::shown() const {
    std::vector<const CoffeeAnswer*> out;
    for (const auto& answer : answers)
        if (answer.shown()) out.push_back(&answer);
    std::sort(out.begin(), out.end(), [](const CoffeeAnswer* a, const CoffeeAnswer* b) { return a->order > b->order; });
    return out;
}

std::vector<const CoffeeAnswer*> CoffeeView::waiting() const {
    std::vector<const CoffeeAnswer*> out;
    for (const auto& answer : answers)
        if (answer.waiting && !answer.hidden) out.push_back(&answer);
    std::sort(out.begin(), out.end(), [](const CoffeeAnswer* a, const CoffeeAnswer* b) { return a->order < b->order; });
    return out;
}

std::vector<const CoffeeAnswer*> CoffeeView::newest_first() const {
    std::vector<const CoffeeAnswer*> out;
    for (const auto& answer : answers) out.push_back(&answer);
    std::sort(out.begin(), out.end(), [](const CoffeeAnswer* a, const CoffeeAnswer* b) { return a->order > b->order; });
    return out;
}

bool CoffeeView::is_host(const std::string& key) const {
    return !key.empty() && std::find(hosts.begin(), hosts.end(), key) != hosts.end();
}

const GroupQuestion* CoffeeView::group_question(int for_week) const {
    const auto found = std::find_if(group_questions.begin(), group_questions.end(),
                                    [&](const GroupQuestion& q) { return q.week == for_week; });
    return found == group_questions.end() ? nullptr : &*found;
}

std::string coffee_question(const CoffeeView& coffee, bool group_first, const std::string& rotation) {
    if (const auto* group = group_first ? coffee.group_question(coffee.week) : nullptr) return group->text;
    return rotation;
}

std::chrono::year_month_day iso_week_monday(int week) {
    using namespace std::chrono;
    const sys_days jan4{year{week / 100} / January / 4};  // always in ISO week 1
    const sys_days monday1 = jan4 - days{(weekday{jan4}.c_encoding() + 6) % 7};
    return year_month_day{monday1 + days{7 * (week % 100 - 1)}};
}

int next_iso_week(int week) {
    // A week after this week's Thursday is the next week's Thursday, in the next week's ISO year.
    const std::chrono::year_month_day next_thursday{std::chrono::sys_days{iso_week_monday(week)} + std::chrono::days{10}};
    return iso_yyyyww(next_thursday);
}

}  // namespace kiosk
