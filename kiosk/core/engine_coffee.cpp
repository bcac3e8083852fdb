// The coffee corner: the week's answer link, visitors' answers with their moderation, the
// moderators, and the question a group chooses at its wrap-up for the week after.
#include <algorithm>

#include "kiosk/core/engine.hpp"

namespace kiosk {

// Before the write-ahead: what the engine chooses for the coffee corner, kept in the event so
// a replay is the same (a new link, whether an answer waits under today's moderation rules).
void Engine::prepare_coffee(Event& event) const {
    if (auto* week = std::get_if<CoffeeWeekPayload>(&event.payload);
        week && event.from.kind == SenderKind::System && week->token.empty()) {
        week->token = m_keys();
        week->code = code_from(week->token);
    }
    if (auto* answer = std::get_if<CoffeeAnswerPayload>(&event.payload); answer && event.from.is_visitor()) {
        const auto& rules = m_rules->coffee;
        answer->waits = rules.moderation == Moderation::Approve ||
                        (rules.moderation == Moderation::WordList && rules.blocked_words.found_in(answer->text));
    }
}

// A visitor's event, before it is written: its sender and fields, and the week's bounds (per
// phone and in all), so a flood of answers and edits costs the disk a bounded amount.
Status Engine::admit_visitor(const ActionSpec& spec, const Event& event, Reserved& reserved) const {
    if (const auto status = check_sender(spec, event); status != Status::Ok) return status;
    Payload fields = event.payload;
    FieldProblem problem;
    if (const auto status = check_payload(fields, bounds(), problem); status != Status::Ok) return status;
    const auto& coffee = m_draft.coffee;
    if (event.kind == EventKind::CoffeeWithdraw && !coffee.answer_of(event.from.key)) return Status::Ignored;
    if (event.kind == EventKind::CoffeeHost) {
        // A wrong or spent code, or one during a session, is refused before it is written.
        const auto& offer = m_draft.host_offer;
        if (m_draft.session_open()) return Status::NotOpen;
        if (!offer || offer->code != event.as<ClaimHostPayload>().code) return Status::BadCode;
    }
    // Moderators are not bounded with the answers (a claim needs the room's code anyway).
    if (event.kind == EventKind::CoffeeModerate || event.kind == EventKind::CoffeeHost) return Status::Ok;
    // The week's bounds, counting what this batch already took.
    const auto& rules = m_rules->coffee;
    const auto counted = m_coffee_events_by.find(event.from.key);
    const int mine = (counted == m_coffee_events_by.end() ? 0 : counted->second) + reserved.coffee_by[event.from.key];
    if (m_coffee_events + reserved.coffee >= rules.events_per_week) return Status::BudgetSpent;
    if (mine >= rules.events_per_phone) return Status::BudgetSpent;
    if (event.kind == EventKind::CoffeeAnswer && !coffee.answer_of(event.from.key) &&
        static_cast<int>(coffee.answers.size()) + reserved.coffee >= rules.max_answers)
        return Status::RoomFull;
    ++reserved.coffee;
    ++reserved.coffee_by[event.from.key];
    return Status::Ok;
}

Status Engine::coffee_week(Event& event, Outcome&) {
    const auto& week = event.as<CoffeeWeekPayload>();
    auto& coffee = m_draft.coffee;
    if (week.token.empty()) return Status::MissingField;
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
    m_coffee_events = 0;
    m_coffee_events_by.clear();
    return Status::Ok;
}

Status Engine::coffee_answer(Event& event, Outcome& outcome) {
    const auto& sent = event.as<CoffeeAnswerPayload>();
    auto& coffee = m_draft.coffee;
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
        outcome.id = found->id;
        return Status::Ok;
    }
    if (static_cast<int>(coffee.answers.size()) >= m_rules->coffee.max_answers) return Status::RoomFull;
    coffee.answers.push_back({coffee.next_id++, event.from.key, sent.text, coffee.next_order++, waits, false});
    outcome.id = coffee.answers.back().id;
    return Status::Ok;
}

Status Engine::coffee_withdraw(Event& event, Outcome&) {
    return std::erase_if(m_draft.coffee.answers, [&](const CoffeeAnswer& a) { return a.key == event.from.key; }) > 0
               ? Status::Ok
               : Status::Ignored;
}

// The moderator code is the room's H outside a session: one phone per code, for this week.
Status Engine::coffee_host(Event& event, Outcome&) {
    auto& coffee = m_draft.coffee;
    const auto& offer = m_draft.host_offer;
    if (m_draft.session_open()) return Status::NotOpen;
    if (coffee.is_host(event.from.key)) return Status::Ignored;
    if (!offer || offer->code != event.as<ClaimHostPayload>().code || offer->expires <= event.at) return Status::BadCode;
    coffee.hosts.push_back(event.from.key);
    m_draft.host_offer.reset();
    return Status::Ok;
}

Status Engine::coffee_moderate(Event& event, Outcome& outcome) {
    const auto& sent = event.as<CoffeeModeratePayload>();
    auto& answers = m_draft.coffee.answers;
    const auto found = std::find_if(answers.begin(), answers.end(), [&](const CoffeeAnswer& a) { return a.id == sent.answer; });
    if (found == answers.end()) return Status::UnknownNote;
    const bool hide = sent.action == "hide";
    if (found->hidden == hide && !found->waiting) return Status::Ignored;
    found->hidden = hide;
    found->waiting = false;
    if (hide) m_draft.coffee.hidden_keys.insert(found->key);
    else m_draft.coffee.hidden_keys.erase(found->key);
    outcome.id = found->id;
    return Status::Ok;
}

Status Engine::coffee_question(Event& event, Outcome&) {
    const auto& sent = event.as<CoffeeQuestionPayload>();
    auto& questions = m_draft.coffee.group_questions;
    const auto found = std::find_if(questions.begin(), questions.end(), [&](const GroupQuestion& q) { return q.week == sent.week; });
    if (found != questions.end() && found->text == sent.text) return Status::Ignored;
    if (found != questions.end()) found->text = sent.text;
    else questions.push_back({sent.week, sent.text});
    return Status::Ok;
}

// One suggestion per participant; sending again changes it (its dots stay with it).
Status Engine::question_idea(Event& event, Outcome& outcome) {
    const auto* who = sender(event);
    const auto& text = event.as<ReflectionPayload>().text;
    auto& ideas = m_draft.question_ideas;
    const auto mine = std::find_if(ideas.begin(), ideas.end(), [&](const Objection& idea) { return idea.author == who->number; });
    if (mine != ideas.end()) {
        if (mine->text == text) return Status::Ignored;
        mine->text = text;
        outcome.id = static_cast<int>(mine - ideas.begin()) + 1;
        return Status::Ok;
    }
    ideas.push_back({who->number, text});
    outcome.id = static_cast<int>(ideas.size());
    return Status::Ok;
}

// One dot per participant; placing it again moves it.
Status Engine::question_dot(Event& event, Outcome&) {
    const auto* who = sender(event);
    const int idea = event.as<QuestionDotPayload>().idea;
    if (idea > static_cast<int>(m_draft.question_ideas.size())) return Status::UnknownNote;
    auto [at, added] = m_draft.question_dots.try_emplace(who->number, idea);
    if (!added && at->second == idea) return Status::Ignored;
    at->second = idea;
    return Status::Ok;
}

void Engine::keep_group_question() {
    auto& coffee = m_draft.coffee;
    auto chosen = m_draft.chosen_question();
    if (chosen.empty() || coffee.week == 0) return;
    const int week = next_iso_week(coffee.week);
    const auto found = std::find_if(coffee.group_questions.begin(), coffee.group_questions.end(),
                                    [&](const GroupQuestion& q) { return q.week == week; });
    if (found != coffee.group_questions.end()) found->text = std::move(chosen);
    else coffee.group_questions.push_back({week, std::move(chosen)});
}

}  // namespace kiosk
