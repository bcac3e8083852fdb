// A stage's surprise card. A format may hold a pool of cards per stage (content.hpp); at the
// pool's minute one card is drawn and shown for its time (in step time: a pause holds it, the
// vote ends it). The room may skip it (S) or draw another, once (K). The draw is a fact; it is
// seeded by the session's token, so a restart or a replay under the same rules draws the same
// card, and cards this trajectory already drew come last.
#include <algorithm>

#include "kiosk/core/session.hpp"

namespace kiosk {

namespace {

// FNV-1a: the same number on every machine and in every version (std::hash promises neither).
std::uint64_t stable_hash(const std::string& text) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return hash;
}

std::string card_key(const Content& content, int step, int card) {
    return content.id + "/" + content.steps.at(static_cast<std::size_t>(step)).id + "/" + std::to_string(card);
}

}  // namespace

std::optional<Millis> Session::surprise_deadline() const {
    if (!m_draft.in_step() || m_draft.timer.paused || m_draft.part() != Part::Write) return std::nullopt;
    const auto* pool = m_content->surprise_pool(m_draft.step);
    if (!pool || pool->cards.empty()) return std::nullopt;
    const auto& surprise = m_draft.surprises.at(static_cast<std::size_t>(m_draft.step));
    const Millis step_start = m_draft.timer.deadline - m_draft.timer.duration;  // where step time is zero
    if (surprise.draws == 0) return step_start + pool->after;
    if (!surprise.gone) return step_start + surprise.ends;
    return std::nullopt;
}

void Session::surprise_moment(Millis at) {
    // Rules before 3 had no cards: the minute passes, and the stage keeps none for later; unless
    // the journal has its draw (a session from before the cards drew it after the upgrade, live
    // under today's rules, and replays again under its own).
    const int step = m_draft.step;
    const bool drawn_before = m_recalled.surprises.count({step, 0}) > 0;
    if (m_draft.surprises.at(static_cast<std::size_t>(step)).draws == 0 && (m_rules_version >= 3 || drawn_before)) draw_surprise(0, at);
    else end_surprise();
}

void Session::draw_surprise(int draw, Millis at) {
    const int step = m_draft.step;
    const auto& cards = m_content->surprise_pool(step)->cards;
    auto& surprise = m_draft.surprises.at(static_cast<std::size_t>(step));
    int card = -1;
    if (const auto found = m_recalled.surprises.find({step, draw}); found != m_recalled.surprises.end() &&
                                                                    found->second >= 0 && found->second < static_cast<int>(cards.size()))
        card = found->second;
    if (card < 0) {
        // Unused in this trajectory first, then any but the one on the screen.
        std::vector<int> fresh, other;
        for (int i = 0; i < static_cast<int>(cards.size()); ++i) {
            if (i == surprise.card) continue;
            (m_draft.cards_used.count(card_key(*m_content, step, i)) ? other : fresh).push_back(i);
        }
        const auto& from = fresh.empty() ? (other.empty() ? std::vector<int>{surprise.card} : other) : fresh;
        const auto seed = stable_hash(m_draft.join_token + "/" + m_content->steps[static_cast<std::size_t>(step)].id + "/" + std::to_string(draw));
        card = from[static_cast<std::size_t>(seed % from.size())];
        m_facts.emplace_back(SurpriseFact{step, draw, card, card_key(*m_content, step, card)});
    }
    surprise.card = card;
    surprise.draws = draw + 1;
    surprise.gone = false;
    surprise.ends = m_draft.step_time(at) + m_content->surprise_pool(step)->show;
    const auto& shown = cards[static_cast<std::size_t>(card)];
    m_draft.cards_shown.push_back({step, shown.kind, shown.text, shown.by});
    m_draft.cards_used.insert(card_key(*m_content, step, card));
}

void Session::end_surprise() {
    if (!m_draft.in_step()) return;
    auto& surprise = m_draft.surprises.at(static_cast<std::size_t>(m_draft.step));
    surprise.gone = true;
    if (surprise.draws == 0) surprise.draws = -1;  // never drawn now: its minute is behind the vote
}

// S: the card goes now.
Status Session::skip_surprise(Event&, Outcome&) {
    if (!m_draft.surprise_card()) return Status::Ignored;
    end_surprise();
    return Status::Ok;
}

// K: another card from the pool, once per stage, while the first is on the screen.
Status Session::redraw_surprise(Event& event, Outcome&) {
    if (!m_draft.surprise_card()) return Status::Ignored;
    const auto& surprise = m_draft.surprises.at(static_cast<std::size_t>(m_draft.step));
    if (surprise.draws != 1 || m_content->surprise_pool(m_draft.step)->cards.size() < 2) return Status::Ignored;
    draw_surprise(1, event.at);
    return Status::Ok;
}

}  // namespace kiosk
