#include "kiosk/core/view.hpp"

#include <algorithm>

namespace kiosk {

Millis View::remaining(Millis now) const {
    if (!in_step()) return Millis{0};
    if (timer.paused) return timer.remaining_paused;
    return std::max(Millis{0}, timer.deadline - now);
}

int View::proposal_step() const {
    for (std::size_t i = 0; i < content->steps.size(); ++i)
        if (content->steps[i].contribution == Contribution::Constraints) return static_cast<int>(i);
    return -1;
}

bool View::in_warning(Millis now) const { return in_step() && remaining(now) <= warning; }

const Participant* View::participant(const std::string& key) const {
    if (key.empty()) return nullptr;
    const auto found = std::find_if(participants.begin(), participants.end(),
                                    [&](const Participant& p) { return p.key == key && !p.removed; });
    return found == participants.end() ? nullptr : &*found;
}

int View::active_participants() const {
    return static_cast<int>(std::count_if(participants.begin(), participants.end(), [](const Participant& p) { return !p.removed; }));
}

const Participant* View::participant(int number) const {
    // Numbers are handed out 1, 2, 3 ... in joining order.
    if (number < 1 || number > static_cast<int>(participants.size())) return nullptr;
    return &participants[static_cast<std::size_t>(number - 1)];
}

std::vector<const Note*> View::notes_of(int step_index) const {
    std::vector<const Note*> result;
    for (const auto& note : notes)
        if (note.step == step_index && note.visible()) result.push_back(&note);
    return result;
}

const Note* View::note(int id) const {
    // Ids are handed out 1, 2, 3 ... and notes are never removed from the vector.
    if (id < 1 || id > static_cast<int>(notes.size())) return nullptr;
    return &notes[static_cast<std::size_t>(id - 1)];
}

std::vector<Ranked> View::ranking(int step_index) const {
    if (step_index < 0 || step_index >= static_cast<int>(dots.size())) return {};
    std::map<int, int> counts;
    for (const auto& [who, ids] : dots[static_cast<std::size_t>(step_index)])
        for (const int id : ids)
            if (const auto* n = note(id); n && n->visible()) ++counts[id];
    std::vector<Ranked> result;
    for (const auto& [id, count] : counts) result.push_back({id, count, 0});
    // Most dots first; among equals the earlier note first, so the order never flickers.
    std::stable_sort(result.begin(), result.end(), [](const Ranked& a, const Ranked& b) { return a.dots > b.dots; });
    for (std::size_t i = 0; i < result.size(); ++i)
        result[i].place = i > 0 && result[i].dots == result[i - 1].dots ? result[i - 1].place
                                                                          : static_cast<int>(i) + 1;
    return result;
}

int View::voters(int step_index) const {
    if (step_index < 0 || step_index >= static_cast<int>(dots.size())) return 0;
    int count = 0;
    for (const auto& [who, ids] : dots[static_cast<std::size_t>(step_index)]) count += ids.empty() ? 0 : 1;
    return count;
}

const StageChoice* View::choice(int step_index) const {
    if (step_index < 0 || step_index >= static_cast<int>(choices.size())) return nullptr;
    return &choices[static_cast<std::size_t>(step_index)];
}

const StageChoice* View::open_choice() const {
    if (!in_step() || part() != Part::Results || !step_spec().has_vote()) return nullptr;
    const auto* current = choice(step);
    return current && !current->settled ? current : nullptr;
}

std::vector<const Note*> View::chosen(int step_index) const {
    std::vector<const Note*> result;
    if (const auto* c = choice(step_index))
        for (const int id : c->chosen)
            if (const auto* n = note(id); n && n->visible()) result.push_back(n);  // the host may hide one later
    return result;
}

std::string View::chosen_statement() const {
    std::string first;
    for (std::size_t i = 0; i < content->steps.size(); ++i) {
        const auto picked = chosen(static_cast<int>(i));
        if (picked.empty()) continue;
        if (content->steps[i].contribution == Contribution::Statements) return picked.front()->text;
        if (first.empty()) first = picked.front()->text;
    }
    return first;
}

}  // namespace kiosk

namespace kiosk {

std::vector<int> View::framing_choice() const {
    std::map<int, int> counts;
    for (const auto& [who, picked] : framing_votes)
        for (const int index : picked) ++counts[index];
    std::vector<std::pair<int, int>> ranked(counts.begin(), counts.end());  // index, votes
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<int> chosen;
    for (const auto& [index, votes] : ranked)
        if (chosen.size() < 3) chosen.push_back(index);
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

int View::validation_step() const {
    for (std::size_t i = 0; i < content->steps.size(); ++i)
        if (content->steps[i].contribution == Contribution::Scores) return static_cast<int>(i);
    return -1;
}

std::vector<CriterionResult> View::criterion_results() const {
    return kiosk::criterion_results(validation, content->criteria.size(), rules ? rules->decision : DecisionRule{});
}

DecisionKind View::proposed_decision() const {
    return propose_decision(criterion_results(), !validation.objections.empty(), rules ? rules->decision : DecisionRule{});
}

std::optional<DecisionKind> View::decision() const {
    if (validation.decided) return validation.decided;
    const int step_index = validation_step();
    if (step_index < 0 || validation.scores.empty()) return std::nullopt;
    return proposed_decision();
}

std::optional<Decision> View::outcome() const {
    const auto kind = decision();
    if (!kind || join_token.empty()) return std::nullopt;
    Decision d;
    d.id = join_token;
    d.kind = *kind;
    d.situation = situation;
    d.statement = chosen_statement();
    d.owner = validation.owner_name;
    d.first_step = validation.first_step;
    d.review_date = validation.review_date;
    return d;
}

std::map<std::string, int> View::videoframe_dots() const {
    std::map<std::string, int> counted;
    for (const auto& [who, id] : videoframes.dots) ++counted[id];
    return counted;
}

std::vector<std::string> View::tied_videoframes() const {
    auto counted = videoframe_dots();
    int most = 0;
    for (const auto& id : videoframes.offered) most = std::max(most, counted[id]);
    std::vector<std::string> tied;
    if (most > 0)
        for (const auto& id : videoframes.offered)
            if (counted[id] == most) tied.push_back(id);
    return tied;
}

const SurpriseCard* View::surprise_card() const {
    if (!in_step() || static_cast<std::size_t>(step) >= surprises.size()) return nullptr;
    const auto& surprise = surprises[static_cast<std::size_t>(step)];
    const auto* pool = content->surprise_pool(step);
    if (!pool || surprise.card < 0 || surprise.gone || static_cast<std::size_t>(surprise.card) >= pool->cards.size()) return nullptr;
    return &pool->cards[static_cast<std::size_t>(surprise.card)];
}

const MediaState* View::media_state(int item) const {
    if (!in_step() || static_cast<std::size_t>(step) >= media.size()) return nullptr;
    const auto& states = media[static_cast<std::size_t>(step)];
    if (item < 0 || static_cast<std::size_t>(item) >= states.size()) return nullptr;
    return &states[static_cast<std::size_t>(item)];
}

std::vector<int> View::media_on_screen() const {
    std::vector<int> shown;
    if (!in_step() || static_cast<std::size_t>(step) >= media.size()) return shown;
    const auto& states = media[static_cast<std::size_t>(step)];
    for (std::size_t i = 0; i < states.size(); ++i)
        if (states[i].started && (!states[i].ended || !states[i].problem.empty())) shown.push_back(static_cast<int>(i));
    return shown;
}

std::shared_ptr<const Content> View::coffee_format() const {
    const auto standing = library ? kiosk::coffee_format(*library, week_formats, coffee.week) : nullptr;
    return standing ? standing : content;
}

std::string View::leading_videoframe() const {
    const auto& choice = videoframes;
    if (!choice.settled.empty()) return choice.settled;
    if (!choice.room_pick.empty()) return choice.room_pick;
    if (!choice.fixed.empty()) return choice.fixed;
    if (const auto tied = tied_videoframes(); !tied.empty()) return tied.front();
    return content ? content->id : std::string{};
}

std::string View::chosen_question() const {
    if (!settled_question.empty()) return settled_question;
    std::map<int, int> counted;  // idea id -> dots
    for (const auto& [who, idea] : question_dots) ++counted[idea];
    int best = 0, most = 0;
    for (const auto& [idea, count] : counted)  // ids ascending: the earlier idea keeps a tie
        if (count > most && idea >= 1 && idea <= static_cast<int>(question_ideas.size())) best = idea, most = count;
    return best ? question_ideas[static_cast<std::size_t>(best - 1)].text : std::string{};
}

}  // namespace kiosk
