// Facts where the lobby, the validation and the close settle something (the votes' choices are
// in session_choice.cpp). Each says what was settled (m_facts, for the journal); in a replay that
// recalled the journal's facts, the recalled fact stands instead of what the engine works out.
#include "kiosk/core/session.hpp"

namespace kiosk {

void Session::recall(const std::vector<Fact>& facts) { m_recalled = recalled(facts); }

void Session::settle_reviews() {
    for (auto& decision : m_draft.reviews) {
        if (const auto found = m_recalled.reviewed.find(decision.id); found != m_recalled.reviewed.end())
            decision.review = found->second;
        else if (!decision.review.empty())
            m_facts.emplace_back(ReviewedFact{decision.id, decision.review});
    }
}

void Session::settle_decision() {
    auto& validation = m_draft.validation;
    if (const auto& recalled = m_recalled.decided) {
        validation.decided = recalled->decision;
        validation.owner_name = recalled->owner;
        validation.first_step = recalled->first_step;
        validation.review_date = recalled->review_date;
        return;
    }
    if (!validation.decided) return;  // nobody scored or voted: nothing was decided
    m_facts.emplace_back(DecidedFact{*validation.decided, validation.owner_name, validation.first_step, validation.review_date});
}

void Session::settle_question() {
    if (m_recalled.question) m_draft.settled_question = m_recalled.question->text;  // as the group chose it then
    else m_draft.settled_question = m_draft.chosen_question();
    if (!m_recalled.question && !m_draft.settled_question.empty()) m_facts.emplace_back(QuestionFact{m_draft.settled_question});
}

}  // namespace kiosk
