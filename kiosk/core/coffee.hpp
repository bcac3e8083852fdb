#pragma once
// The coffee corner's record, as plain data in the View: this ISO week's answer link (its own
// token and code, separate from any session's), the answers phones gave to the week's question
// with their moderation state, the phones that may moderate this week, and the questions groups
// chose at their wrap-up for a coming week. It outlives sessions; a new week starts it afresh
// (the journal keeps the old week's answers for the week export until retention forgets them).
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/enum_names.hpp"
#include "kiosk/core/word_list.hpp"

namespace kiosk {

// How answers reach the screen (kiosk.json coffee.moderation).
enum class Moderation { Open, WordList, Approve };

inline const EnumNames<Moderation>& moderation_names() {
    static const EnumNames<Moderation> names{
        {"open", Moderation::Open}, {"word_list", Moderation::WordList}, {"approve", Moderation::Approve}};
    return names;
}

// What the engine needs to judge an answer, from kiosk.json "coffee" and
// config/blocked-words.<lang>.txt.
struct CoffeeRules {
    Moderation moderation = Moderation::Open;
    WordList blocked_words;        // a match makes an answer wait under WordList
    int max_answers = 300;         // answers one week holds (each phone one)
    int events_per_phone = 30;     // answers, edits and withdrawals one phone may make in a week
    int events_per_week = 3000;    // all phones' coffee events in one week: what the disk may hold
};

struct CoffeeAnswer {
    int id = 0;            // 1, 2, 3 ... within the week; an edit keeps it
    std::string key;       // the phone's secret; never shown
    std::string text;
    long long order = 0;   // grows with every answer and edit: newest first on the screen
    bool waiting = false;  // held for approval (coffee.moderation)
    bool hidden = false;   // hidden by a moderator
    bool shown() const { return !waiting && !hidden; }
};

// A question a group chose at its wrap-up, for the coffee corner of the week after.
struct GroupQuestion {
    int week = 0;  // yyyyww (ISO year * 100 + ISO week) it is for
    std::string text;
};

struct CoffeeView {
    int week = 0;        // yyyyww of the week the answers are for; 0 before the kiosk set one
    std::string token;   // the week's answer link: <phone url>/k/<token>
    std::string code;    // six digits for people who type (at <phone url>/c)
    std::vector<CoffeeAnswer> answers;  // in order of first answer; withdrawn ones are gone
    std::vector<std::string> hosts;     // phones (keys) that claimed the moderator code this week
    std::set<std::string> hidden_keys;  // phones whose answer a moderator hid: what they send next waits
    std::vector<GroupQuestion> group_questions;  // the latest choice per week, for this week and later
    int next_id = 1;
    long long next_order = 1;

    const CoffeeAnswer* answer_of(const std::string& key) const;
    const CoffeeAnswer* answer(int id) const;
    // Shown answers, newest first.
    std::vector<const CoffeeAnswer*> shown() const;
    // Answers waiting for a moderator, oldest first.
    std::vector<const CoffeeAnswer*> waiting() const;
    // Every answer of the week, shown, waiting or hidden, newest first: the moderators' list.
    std::vector<const CoffeeAnswer*> newest_first() const;
    bool is_host(const std::string& key) const;
    // The group's question for `week` (yyyyww), or nullptr.
    const GroupQuestion* group_question(int week) const;
};

// The coffee corner's question: the group's for this week when `group_first` and there is one,
// else `rotation` (the configured question of the week).
std::string coffee_question(const CoffeeView& coffee, bool group_first, const std::string& rotation);

// The Monday of ISO week `week` (yyyyww).
std::chrono::year_month_day iso_week_monday(int week);

// yyyyww of the ISO week after `week` (2026-W53 -> 2027-W01 where 2026 has 53 weeks).
int next_iso_week(int week);

}  // namespace kiosk
