// The coffee corner's handlers, admission and bounds (coffee_corner.hpp).
#include "kiosk/core/coffee_corner.hpp"

#include <algorithm>

namespace kiosk {

void CoffeeCorner::prepare(Event& event, const KeySource& keys) const {
    if (auto* week = std::get_if<CoffeeWeekPayload>(&event.payload);
        week && event.from.kind == SenderKind::System && week->token.empty()) {
        week->token = keys();
        week->code = code_from(week->token);
    }
    if (auto* sent = std::get_if<CoffeeAnswerPayload>(&event.payload); sent && event.from.is_visitor()) {
        const auto& rules = m_rules->coffee;
        sent->waits = rules.moderation == Moderation::Approve ||
                      (rules.moderation == Moderation::WordList && rules.blocked_words.found_in(sent->text));
    }
}

Status CoffeeCorner::check_sender(const ActionSpec& spec, const Event& event, const View& view) const {
    if (!(spec.senders & (k_visitor | k_moderator))) return Status::NotAllowed;
    if (view.coffee.week == 0) return Status::NoWeek;
    if (!is_key_shaped(event.from.key)) return Status::UnknownPerson;
    if (!(spec.senders & k_visitor) && !view.coffee.is_host(event.from.key)) return Status::NotHost;
    return Status::Ok;
}

bool CoffeeCorner::bounded(const Event& event) {
    return event.from.is_visitor() && event.kind != EventKind::CoffeeModerate && event.kind != EventKind::CoffeeHost;
}

Status CoffeeCorner::check_claim(const Event& event, const View& view) {
    const auto& offer = view.host_offer;
    if (view.session_open()) return Status::CoffeeHostInSession;
    if (!offer || offer->code != event.as<CoffeeHostPayload>().code) return Status::BadCode;
    return Status::Ok;
}

Status CoffeeCorner::admit(const ActionSpec& spec, const Event& event, const View& view, Reserved& reserved) const {
    if (const auto status = check_sender(spec, event, view); status != Status::Ok) return status;
    Payload fields = event.payload;
    FieldProblem problem;
    if (const auto status = check_payload(fields, field_bounds(view), problem); status != Status::Ok) return status;
    const auto& coffee = view.coffee;
    if (event.kind == EventKind::CoffeeWithdraw && !coffee.answer_of(event.from.key)) return Status::Ignored;
    // A wrong or spent code, or one during a session, is refused before it is written.
    if (event.kind == EventKind::CoffeeHost)
        if (const auto status = check_claim(event, view); status != Status::Ok) return status;
    if (!bounded(event)) return Status::Ok;
    const auto& rules = m_rules->coffee;
    const auto counted = m_events_by.find(event.from.key);
    const int mine = (counted == m_events_by.end() ? 0 : counted->second) + reserved.by[event.from.key];
    if (m_events + reserved.events >= rules.events_per_week) return Status::CoffeeBudget;
    if (mine >= rules.events_per_phone) return Status::CoffeePhoneBudget;
    if (event.kind == EventKind::CoffeeAnswer && !coffee.answer_of(event.from.key) &&
        static_cast<int>(coffee.answers.size()) + reserved.events >= rules.max_answers)
        return Status::CoffeeFull;
    ++reserved.events;
    ++reserved.by[event.from.key];
    return Status::Ok;
}

void CoffeeCorner::count(const Event& event) {
    if (!bounded(event)) return;
    ++m_events;
    ++m_events_by[event.from.key];
}

Status CoffeeCorner::week(View& draft, Event& event, Outcome& outcome) {
    const auto& week = event.as<CoffeeWeekPayload>();
    auto& coffee = draft.coffee;
    if (week.token.empty()) {
        outcome.problem.field = CoffeeWeekPayload::fields[1].name;
        return Status::MissingField;
    }
    if (week.week == coffee.week) return Status::Ignored;
    coffee.week = week.week;
    coffee.token = week.token;
    coffee.code = week.code.empty() ? code_from(week.token) : week.code;
    // A new week starts empty: last week's answers stay in the journal (the week export) only.
    coffee.answers.clear();
    coffee.hosts.clear();
    coffee.hidden_keys.clear();
    coffee.next_id = 1;
    std::erase_if(coffee.group_questions, [&](const GroupQuestion& q) { return q.week < week.week; });
    m_events = 0;
    m_events_by.clear();
    return Status::Ok;
}

Status CoffeeCorner::answer(View& draft, Event& event, Outcome& outcome) {
    const auto& sent = event.as<CoffeeAnswerPayload>();
    auto& coffee = draft.coffee;
    // A phone whose answer a moderator hid this week comes back only through a moderator,
    // whatever it writes now, also after withdrawing (decided here, from the state: replays alike).
    const bool waits = sent.waits || coffee.hidden_keys.count(event.from.key) > 0;
    const auto found = std::find_if(coffee.answers.begin(), coffee.answers.end(),
                                    [&](const CoffeeAnswer& a) { return a.key == event.from.key; });
    if (found != coffee.answers.end()) {  // an edit: the same answer, newest again
        found->text = sent.text;
        found->waiting = waits;
        found->hidden = false;
        found->order = coffee.next_order++;
        outcome.made(Made::Answer, found->id);
        return Status::Ok;
    }
    if (static_cast<int>(coffee.answers.size()) >= m_rules->coffee.max_answers) return Status::CoffeeFull;
    coffee.answers.push_back({coffee.next_id++, event.from.key, sent.text, coffee.next_order++, waits, false});
    outcome.made(Made::Answer, coffee.answers.back().id);
    return Status::Ok;
}

Status CoffeeCorner::withdraw(View& draft, Event& event, Outcome&) {
    return std::erase_if(draft.coffee.answers, [&](const CoffeeAnswer& a) { return a.key == event.from.key; }) > 0
               ? Status::Ok
               : Status::Ignored;
}

// The moderator code is the room's H outside a session: one phone per code, for this week.
Status CoffeeCorner::claim_moderator(View& draft, Event& event, Outcome&) {
    auto& coffee = draft.coffee;
    if (draft.session_open()) return Status::CoffeeHostInSession;
    if (coffee.is_host(event.from.key)) return Status::Ignored;
    if (const auto status = check_claim(event, draft); status != Status::Ok) return status;
    if (draft.host_offer->expires <= event.at) return Status::BadCode;
    coffee.hosts.push_back(event.from.key);
    draft.host_offer.reset();
    return Status::Ok;
}

Status CoffeeCorner::moderate(View& draft, Event& event, Outcome& outcome) {
    const auto& sent = event.as<CoffeeModeratePayload>();
    auto& coffee = draft.coffee;
    const auto found = std::find_if(coffee.answers.begin(), coffee.answers.end(), [&](const CoffeeAnswer& a) { return a.id == sent.answer; });
    if (found == coffee.answers.end()) return Status::UnknownAnswer;
    const bool hide = sent.action == "hide";
    if (found->hidden == hide && !found->waiting) return Status::Ignored;
    found->hidden = hide;
    found->waiting = false;
    if (hide) coffee.hidden_keys.insert(found->key);
    else coffee.hidden_keys.erase(found->key);
    outcome.made(Made::Answer, found->id);
    return Status::Ok;
}

Status CoffeeCorner::group_question(View& draft, Event& event, Outcome&) {
    const auto& sent = event.as<CoffeeQuestionPayload>();
    auto& questions = draft.coffee.group_questions;
    const auto found = std::find_if(questions.begin(), questions.end(), [&](const GroupQuestion& q) { return q.week == sent.week; });
    if (found != questions.end() && found->text == sent.text) return Status::Ignored;
    if (found != questions.end()) found->text = sent.text;
    else questions.push_back({sent.week, sent.text});
    return Status::Ok;
}

void CoffeeCorner::keep_group_question(View& draft, std::string chosen) {
    auto& coffee = draft.coffee;
    if (chosen.empty() || coffee.week == 0) return;
    const int week = next_iso_week(coffee.week);
    const auto found = std::find_if(coffee.group_questions.begin(), coffee.group_questions.end(),
                                    [&](const GroupQuestion& q) { return q.week == week; });
    if (found != coffee.group_questions.end()) found->text = std::move(chosen);
    else coffee.group_questions.push_back({week, std::move(chosen)});
}

}  // namespace kiosk
