// The learning cycle made whole: in the lobby the group names the work situation, picks the
// framing questions and reviews earlier decisions; in the validation stage it scores the
// proposal per criterion, may object, votes on the decision the rule proposes, and an owner
// commits to a first step and a review date; at the wrap-up a reflection may be shared, and
// the group suggests and dots the coffee corner's question for next week.
#include <algorithm>

#include "kiosk/core/session.hpp"

namespace kiosk {

// Handlers run after dispatch() checked the sender, the fields (texts already tidied, scores,
// picks, choices and dates in range) and the phase or stage.

Status Session::set_situation(Event& event, Outcome&) {
    auto& text = event.as<SituationPayload>().text;
    if (text == m_draft.situation) return Status::Ignored;
    m_draft.situation = text;  // the last one written stands: others may edit it
    return Status::Ok;
}

Status Session::framing_vote(Event& event, Outcome& outcome) {
    const auto* who = sender(event);
    const auto& picks = event.as<FramingPayload>().picks;
    const std::set<int> picked(picks.begin(), picks.end());
    if (picked.size() != picks.size()) {
        outcome.problem = {"picks", TextProblem::None, 0};
        return Status::BadChoice;  // the same question twice
    }
    auto& mine = m_draft.framing_votes[who->number];
    if (mine == picked) return Status::Ignored;
    mine = picked;
    return Status::Ok;
}

Status Session::review_decision(Event& event, Outcome&) {
    const auto& review = event.as<ReviewPayload>();
    const auto found = std::find_if(m_draft.reviews.begin(), m_draft.reviews.end(),
                                    [&](const Decision& d) { return d.id == review.decision; });
    if (found == m_draft.reviews.end()) return Status::UnknownDecision;
    if (found->review == review.status) return Status::Ignored;
    found->review = review.status;
    return Status::Ok;
}

// The validation step runs and is in one of `parts` (its stage was checked by dispatch()).
Status Session::check_validation(std::initializer_list<Part> parts) const {
    if (m_draft.step != m_draft.validation_step()) return Status::NotOpen;
    return std::find(parts.begin(), parts.end(), m_draft.part()) != parts.end() ? Status::Ok : Status::NotOpen;
}

Status Session::score(Event& event, Outcome&) {
    // Scores may still change while the decision is being voted on.
    if (const auto status = check_validation({Part::Write, Part::Vote}); status != Status::Ok) return status;
    const auto& scores = event.as<ScoresPayload>().scores;
    auto& mine = m_draft.validation.scores[sender(event)->number];
    if (mine == scores) return Status::Ignored;
    mine = scores;
    return Status::Ok;
}

Status Session::object(Event& event, Outcome&) {
    if (const auto status = check_validation({Part::Write, Part::Vote}); status != Status::Ok) return status;
    const int author = sender(event)->number;
    auto& text = event.as<ObjectionPayload>().text;
    auto& objections = m_draft.validation.objections;
    // One objection each: a second one replaces the first.
    const auto mine = std::find_if(objections.begin(), objections.end(), [&](const Sentence& o) { return o.author == author; });
    if (mine != objections.end()) mine->text = text;
    else objections.push_back({author, text});
    return Status::Ok;
}

Status Session::decision_vote(Event& event, Outcome&) {
    if (const auto status = check_validation({Part::Vote}); status != Status::Ok) return status;
    const auto kind = *decision_from(event.as<DecisionVotePayload>().decision);  // a Choice field: one of the three
    auto& votes = m_draft.validation.votes;
    const int who = sender(event)->number;
    if (const auto found = votes.find(who); found != votes.end() && found->second == kind) return Status::Ignored;
    votes[who] = kind;
    return Status::Ok;
}

Status Session::volunteer(Event& event, Outcome&) {
    if (const auto status = check_validation({Part::Results}); status != Status::Ok) return status;
    const auto* who = sender(event);
    auto& validation = m_draft.validation;
    if (validation.decided == DecisionKind::Park) return Status::NotOpen;  // nothing to carry out
    if (validation.owner != 0 && validation.owner != who->number) return Status::NotYours;  // one owner
    const auto& name = event.as<VolunteerPayload>().name;
    validation.owner = who->number;
    validation.owner_name = name.empty() ? who->name : name;
    return Status::Ok;
}

Status Session::commit(Event& event, Outcome&) {
    if (const auto status = check_validation({Part::Results}); status != Status::Ok) return status;
    auto& validation = m_draft.validation;
    if (validation.owner != sender(event)->number) return Status::NotYours;
    const auto& plan = event.as<CommitPayload>();
    validation.first_step = plan.first_step;
    validation.review_date = plan.review_date;
    return Status::Ok;
}

Status Session::adjust_proposal(Event& event, Outcome&) {
    if (const auto status = check_validation({Part::Results}); status != Status::Ok) return status;
    if (m_draft.validation.decided != DecisionKind::Adjust) return Status::NotOpen;
    // Recorded beside the AI text, which itself is never changed.
    m_draft.validation.edits.push_back({sender(event)->number, event.as<AdjustPayload>().text});
    return Status::Ok;
}

Status Session::share_reflection(Event& event, Outcome&) {
    const int author = sender(event)->number;
    auto& text = event.as<ReflectionPayload>().text;
    auto& shared = m_draft.reflections;
    const auto mine = std::find_if(shared.begin(), shared.end(), [&](const Sentence& o) { return o.author == author; });
    if (mine != shared.end()) mine->text = text;
    else shared.push_back({author, text});
    return Status::Ok;
}

// One suggestion per participant; sending again changes it (its dots stay with it).
Status Session::question_idea(Event& event, Outcome& outcome) {
    const auto* who = sender(event);
    const auto& text = event.as<QuestionIdeaPayload>().text;
    auto& ideas = m_draft.question_ideas;
    const auto mine = std::find_if(ideas.begin(), ideas.end(), [&](const Sentence& idea) { return idea.author == who->number; });
    if (mine != ideas.end()) {
        if (mine->text == text) return Status::Ignored;
        mine->text = text;
        outcome.made(Made::Idea, static_cast<int>(mine - ideas.begin()) + 1);
        return Status::Ok;
    }
    ideas.push_back({who->number, text});
    outcome.made(Made::Idea, static_cast<int>(ideas.size()));
    return Status::Ok;
}

// One dot per participant; placing it again moves it.
Status Session::question_dot(Event& event, Outcome&) {
    const auto* who = sender(event);
    const int idea = event.as<QuestionDotPayload>().idea;
    if (idea > static_cast<int>(m_draft.question_ideas.size())) return Status::UnknownIdea;
    auto [at, added] = m_draft.question_dots.try_emplace(who->number, idea);
    if (!added && at->second == idea) return Status::Ignored;
    at->second = idea;
    return Status::Ok;
}

}  // namespace kiosk
