#include "scenes/coffee_texts.hpp"

#include <algorithm>
#include <cctype>

#include "kiosk/core/spoken_date.hpp"
#include "scenes/coffee_panels.hpp"
#include "scenes/widgets.hpp"

namespace kiosk::scenes {

namespace {

bool placeholder_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// "today", "tomorrow" or the weekday's name, as the idle screen always said it.
std::string day_word(const Strings& strings, const UpcomingSlot& next) {
    if (next.days_ahead == 0) return strings.text("today");
    if (next.days_ahead == 1) return strings.text("tomorrow");
    return strings.text("weekday_" + std::to_string(next.slot.weekday));
}

// A line that starts with "vandaag" or "donderdag" opens a sentence on its own.
std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// "over 25 min", "over 2 uur", "over 2 uur 5 min".
std::string countdown(const Strings& strings, int minutes) {
    if (minutes < 60) return fill_text(strings, "coffee_in_minutes", {{"minutes", std::to_string(minutes)}});
    if (minutes % 60 == 0) return fill_text(strings, "coffee_in_hours", {{"hours", std::to_string(minutes / 60)}});
    return fill_text(strings, "coffee_in_hours_minutes",
                     {{"hours", std::to_string(minutes / 60)}, {"minutes", std::to_string(minutes % 60)}});
}

}  // namespace

std::string fill_text(const Strings& strings, const std::string& key,
                      const std::vector<std::pair<std::string, std::string>>& values) {
    // One pass over the template, so a value that itself holds "{x}" (a question someone typed)
    // is never read as a placeholder.
    const std::string& pattern = strings.text(key);
    std::string out;
    bool dropped = false;
    for (std::size_t at = 0; at < pattern.size();) {
        const auto close = pattern[at] == '{' ? pattern.find('}', at) : std::string::npos;
        const auto name = close == std::string::npos ? std::string{} : pattern.substr(at + 1, close - at - 1);
        if (name.empty() || !std::all_of(name.begin(), name.end(), placeholder_char)) {
            // No placeholder here; a space after a dropped one would double the one before it.
            if (!(dropped && pattern[at] == ' ' && (out.empty() || out.back() == ' '))) out += pattern[at];
            ++at;
            continue;
        }
        const auto value = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
        if (value != values.end()) out += value->second;
        dropped = dropped || value == values.end();
        at = close + 1;
    }
    if (dropped)
        while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string spaced_code(const std::string& code) {
    const bool digits = std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    return code.size() == 6 && digits ? code.substr(0, 3) + " " + code.substr(3) : code;
}

std::string coffee_code_hint(const Frame& frame) {
    const auto& code = frame.view.coffee.code;
    if (code.empty()) return display_url(coffee_url(frame));
    return fill_text(frame.strings, "coffee_code_hint",
                     {{"code", spaced_code(code)}, {"url", display_url(frame.room.phone_url) + "/c"}});
}

std::vector<DecisionCard> decision_cards(const Frame& frame) {
    const auto& strings = frame.strings;
    const auto dates = date_words(strings);  // once, not per card
    const int today = yyyymmdd(frame.local.date);
    std::vector<DecisionCard> cards;
    for (auto it = frame.view.reviews.rbegin(); it != frame.view.reviews.rend(); ++it) {
        const auto& decision = *it;
        if (!is_open_decision(decision)) continue;
        DecisionCard card;
        card.what = decision.statement.empty() ? decision.situation : decision.statement;
        if (card.what.empty()) card.what = strings.text("decision_" + std::string{to_string(decision.kind)});
        card.people = fill_text(strings, "coffee_owner",
                                {{"owner", decision.owner.empty() ? strings.text("owner_unknown") : decision.owner}});
        if (!decision.first_step.empty())
            card.people += " · " + fill_text(strings, "coffee_first_step", {{"step", decision.first_step}});
        card.running = decision.review == "running";
        card.status = strings.text(card.running ? "coffee_status_running" : "coffee_status_open");
        card.overdue = decision.review_date > 0 && decision.review_date < today;
        if (decision.review_date > 0)
            card.review = fill_text(strings, "coffee_review", {{"date", spoken_date(decision.review_date, dates)}}) +
                          (card.overdue ? " · " + strings.text("coffee_overdue") : std::string{});
        cards.push_back(std::move(card));
    }
    return cards;
}

std::string next_session_line(const Frame& frame) {
    const auto& strings = frame.strings;
    const auto next = next_slot(frame.room.slots, frame.local);
    if (!next) return {};
    const auto start = format_hhmm(next->slot.start_minute);
    if (next->running)
        return fill_text(strings, "coffee_slot_running", {{"start", start}, {"end", format_hhmm(next->slot.end_minute)}});
    const auto day = day_word(strings, *next);
    // A countdown only for today: "over 26 uur" reads worse than "morgen 09:00".
    if (next->days_ahead == 0)
        return capitalised(fill_text(strings, "coffee_next_soon",
                                     {{"day", day}, {"start", start},
                                      {"countdown", countdown(strings, next->slot.start_minute - frame.local.minute_of_day)}}));
    return capitalised(fill_text(strings, "coffee_next_when", {{"day", day}, {"start", start}}));
}

std::string slot_summary(const Frame& frame) {
    const auto& strings = frame.strings;
    const auto next = next_slot(frame.room.slots, frame.local);
    if (!next) return strings.text("idle_no_slot");
    const auto start = format_hhmm(next->slot.start_minute);
    const auto end = format_hhmm(next->slot.end_minute);
    if (next->running) return fill_text(strings, "idle_slot_now", {{"start", start}, {"end", end}});
    return fill_text(strings, "idle_next_slot", {{"day", day_word(strings, *next)}, {"start", start}, {"end", end}});
}

int slots_to_come(const std::vector<Slot>& slots, const LocalMoment& now) {
    const int today = iso_weekday(now.date);
    return static_cast<int>(std::count_if(slots.begin(), slots.end(), [&](const Slot& slot) {
        return slot.weekday > today || (slot.weekday == today && slot.start_minute > now.minute_of_day);
    }));
}

std::string week_sessions_line(const Frame& frame) {
    return fill_text(frame.strings, "coffee_week_sessions",
                     {{"held", std::to_string(frame.held_this_week)},
                      {"coming", std::to_string(slots_to_come(frame.room.slots, frame.local))}});
}

std::string coffee_week_line(const Frame& frame) {
    if (!frame.week_line.empty()) return frame.week_line;
    return fill_text(frame.strings, "week_label", {{"week", std::to_string(iso_week(frame.local.date))}});
}

}  // namespace kiosk::scenes
