// The learning cycle made whole: in the lobby the group names the work situation, picks the
// framing questions and reviews earlier decisions; in the validation stage it scores the
// proposal per criterion, may object, votes on the decision the rule proposes, and an owner
// commits to a first step and a review date; at the wrap-up a reflection may be shared.
#include <algorithm>

#include "kiosk/core/engine.hpp"
#include "kiosk/core/text_rules.hpp"

namespace kiosk {

namespace {
constexpr std::size_t k_max_situation = 160;
constexpr std::size_t k_max_owner = 40;
constexpr std::size_t k_max_framing_picks = 3;
}  // namespace

Status Engine::decide_action(const Event& event) {
    switch (event.kind) {
    case EventKind::SetSituation: return set_situation(event);
    case EventKind::FramingVote: return framing_vote(event);
    case EventKind::ReviewDecision: return review_decision(event);
    case EventKind::Score: return score(event);
    case EventKind::Object: return object(event);
    case EventKind::DecisionVote: return decision_vote(event);
    case EventKind::Volunteer: return volunteer(event);
    case EventKind::Commit: return commit(event);
    case EventKind::AdjustProposal: return adjust_proposal(event);
    case EventKind::ShareReflection: return share_reflection(event);
    default: return Status::Ignored;
    }
}

Status Engine::set_situation(const Event& event) {
    Status status = Status::Ok;
    if (!sender(event, status)) return status;
    if (m_draft.phase != Phase::Lobby) return Status::NotOpen;
    auto clean = clean_text(event.text, k_max_situation);
    if (clean.problem != TextProblem::None) return Status::BadText;
    if (clean.text == m_draft.situation) return Status::Ignored;
    m_draft.situation = std::move(clean.text);  // the last one written stands: others may edit it
    return Status::Ok;
}

Status Engine::framing_vote(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if (m_draft.phase != Phase::Lobby) return Status::NotOpen;
    const std::set<int> picked(event.dots.begin(), event.dots.end());
    if (picked.size() > k_max_framing_picks || picked.size() != event.dots.size()) return Status::TooManyDots;
    for (const int index : picked)
        if (index < 0 || index >= static_cast<int>(m_content->framing_questions.size())) return Status::UnknownNote;
    auto& mine = m_draft.framing_votes[who->number];
    if (mine == picked) return Status::Ignored;
    mine = picked;
    return Status::Ok;
}

Status Engine::review_decision(const Event& event) {
    Status status = Status::Ok;
    if (!sender(event, status)) return status;
    if (m_draft.phase != Phase::Lobby) return Status::NotOpen;
    const auto review = review_status(event.text);
    if (!review) return Status::BadText;
    const auto found = std::find_if(m_draft.reviews.begin(), m_draft.reviews.end(),
                                    [&](const Decision& d) { return d.id == event.stage; });
    if (found == m_draft.reviews.end()) return Status::UnknownNote;
    if (found->review == *review) return Status::Ignored;
    found->review = std::string{*review};
    return Status::Ok;
}

// The phone's participant is in the session, the validation step runs and is in `part`.
Status Engine::check_validation(const Event& event, Part part) const {
    if (!m_draft.in_step() || m_draft.step != m_draft.validation_step()) return Status::NotOpen;
    if (event.stage != m_draft.step_spec().id) return Status::WrongStage;
    return m_draft.part() == part ? Status::Ok : Status::NotOpen;
}

Status Engine::score(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    // Scores may still change while the decision is being voted on.
    if ((status = check_validation(event, Part::Write)) != Status::Ok &&
        check_validation(event, Part::Vote) != Status::Ok)
        return status;
    if (event.dots.size() != m_content->criteria.size()) return Status::TooManyDots;
    for (const int value : event.dots)
        if (value < 0 || value > 5) return Status::TooManyDots;
    auto& mine = m_draft.validation.scores[who->number];
    if (mine == event.dots) return Status::Ignored;
    mine = event.dots;
    return Status::Ok;
}

Status Engine::object(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if ((status = check_validation(event, Part::Write)) != Status::Ok &&
        check_validation(event, Part::Vote) != Status::Ok)
        return status;
    auto clean = clean_text(event.text, static_cast<std::size_t>(m_rules->max_text));
    if (clean.problem != TextProblem::None) return Status::BadText;
    auto& objections = m_draft.validation.objections;
    // One objection each: a second one replaces the first.
    const auto mine = std::find_if(objections.begin(), objections.end(), [&](const Objection& o) { return o.author == who->number; });
    if (mine != objections.end()) mine->text = std::move(clean.text);
    else objections.push_back({who->number, std::move(clean.text)});
    return Status::Ok;
}

Status Engine::decision_vote(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if ((status = check_validation(event, Part::Vote)) != Status::Ok) return status;
    const auto kind = decision_from(event.text);
    if (!kind) return Status::BadText;
    auto& votes = m_draft.validation.votes;
    if (const auto found = votes.find(who->number); found != votes.end() && found->second == *kind) return Status::Ignored;
    votes[who->number] = *kind;
    return Status::Ok;
}

Status Engine::volunteer(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if ((status = check_validation(event, Part::Results)) != Status::Ok) return status;
    auto& validation = m_draft.validation;
    if (validation.decided == DecisionKind::Park) return Status::NotOpen;  // nothing to carry out
    if (validation.owner != 0 && validation.owner != who->number) return Status::NotYours;  // one owner
    std::string name;
    if (!event.text.empty()) {
        auto clean = clean_text(event.text, k_max_owner);
        if (clean.problem != TextProblem::None) return Status::BadText;
        name = std::move(clean.text);
    }
    if (name.empty()) name = who->name;
    validation.owner = who->number;
    validation.owner_name = std::move(name);
    return Status::Ok;
}

Status Engine::commit(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if ((status = check_validation(event, Part::Results)) != Status::Ok) return status;
    auto& validation = m_draft.validation;
    if (validation.owner != who->number) return Status::NotYours;
    auto clean = clean_text(event.text, static_cast<std::size_t>(m_rules->max_text));
    if (clean.problem != TextProblem::None) return Status::BadText;
    if (format_date(event.note).empty() || parse_date(format_date(event.note)) != event.note) return Status::BadText;
    validation.first_step = std::move(clean.text);
    validation.review_date = event.note;
    return Status::Ok;
}

Status Engine::adjust_proposal(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if ((status = check_validation(event, Part::Results)) != Status::Ok) return status;
    if (m_draft.validation.decided != DecisionKind::Adjust) return Status::NotOpen;
    auto clean = clean_text(event.text, static_cast<std::size_t>(m_rules->max_text));
    if (clean.problem != TextProblem::None) return Status::BadText;
    // Recorded beside the AI text, which itself is never changed.
    m_draft.validation.edits.push_back({who->number, std::move(clean.text)});
    return Status::Ok;
}

Status Engine::share_reflection(const Event& event) {
    Status status = Status::Ok;
    const auto* who = sender(event, status);
    if (!who) return status;
    if (m_draft.phase != Phase::WrapUp) return Status::NotOpen;
    auto clean = clean_text(event.text, static_cast<std::size_t>(m_rules->max_text));
    if (clean.problem != TextProblem::None) return Status::BadText;
    auto& shared = m_draft.reflections;
    const auto mine = std::find_if(shared.begin(), shared.end(), [&](const Objection& o) { return o.author == who->number; });
    if (mine != shared.end()) mine->text = std::move(clean.text);
    else shared.push_back({who->number, std::move(clean.text)});
    return Status::Ok;
}

}  // namespace kiosk
