// What a dot vote chose. When its result part begins the ranking settles the deciding places,
// or the tied notes go to a run-off (one dot per phone, runoff_time; everyone voted: at once);
// a tie after that waits for the room's keys 1-9, and a stage left without a pick takes the
// earlier note. All of it is driven by journaled events and the clock, so replay is the same.
#include "kiosk/core/session.hpp"

namespace kiosk {

StageChoice* Session::current_choice() {
    if (!m_draft.in_step() || m_draft.choices.size() <= static_cast<std::size_t>(m_draft.step)) return nullptr;
    auto& choice = m_draft.choices[static_cast<std::size_t>(m_draft.step)];
    return choice.settled ? nullptr : &choice;
}

void Session::begin_results(Millis at) {
    const auto& spec = m_draft.step_spec();
    if (!spec.has_vote()) return;
    auto& choice = m_draft.choices.at(static_cast<std::size_t>(m_draft.step));
    if (const auto found = m_recalled.chosen.find(m_draft.step); found != m_recalled.chosen.end()) {
        // Settled when it happened: applied as recorded, whatever today's rules would make of the dots.
        choice = StageChoice{};
        choice.settled = true;
        choice.chosen = found->second.notes;
        choice.by = found->second.by;
        return;
    }
    // Rules 1 (journal schema 1 and 2): the deciding places chose, ties included, without a run-off.
    choice = m_rules_version < 2 ? choose_by_places(m_draft.ranking(m_draft.step), spec.winners)
                                 : choose_by_votes(m_draft.ranking(m_draft.step), spec.winners);
    if (choice.settled) {
        record_choice(m_draft.step);
        return;
    }
    // A run-off of its own length: the result part keeps its time for the result.
    choice.runoff_ends = at + spec.runoff_time;
    auto& timer = m_draft.timer;
    timer.duration += spec.runoff_time;
    if (timer.paused) timer.remaining_paused += spec.runoff_time;
    else timer.deadline += spec.runoff_time;
}

void Session::close_runoff() {
    auto* choice = current_choice();
    if (!choice || !choice->in_runoff()) return;
    RunOffFact ended{m_draft.step, {}};
    for (const int note : choice->tied) ended.dots[note] = choice->runoff_dots(note);
    m_facts.emplace_back(std::move(ended));
    count_runoff(*choice);
    if (choice->settled) record_choice(m_draft.step);
    m_draft.activity.ready.clear();  // "ready" meant done with the run-off
}

void Session::settle_leaving() {
    if (m_draft.step >= 0 && m_draft.step == m_draft.validation_step()) settle_decision();
    auto* choice = current_choice();
    if (!choice) return;
    if (choice->in_runoff()) close_runoff();
    if (choice->settled) return;
    take_earliest(*choice);
    record_choice(m_draft.step);
}

void Session::record_choice(int step) {
    if (!m_content->steps.at(static_cast<std::size_t>(step)).has_vote()) return;  // nothing was voted on
    const auto& choice = m_draft.choices.at(static_cast<std::size_t>(step));
    m_facts.emplace_back(ChosenFact{step, choice.chosen, choice.by});
}

Status Session::runoff_vote(Event& event, Outcome& outcome) {
    auto* choice = current_choice();
    if (!choice || !choice->in_runoff()) return Status::NotOpen;
    const int note = event.as<RunOffPayload>().note;
    if (std::find(choice->tied.begin(), choice->tied.end(), note) == choice->tied.end()) {
        outcome.problem.field = "note";  // not one of the tied notes
        return Status::OutOfRange;
    }
    const int who = sender(event)->number;
    if (const auto mine = choice->runoff.find(who); mine != choice->runoff.end() && mine->second == note) return Status::Ignored;
    choice->runoff[who] = note;
    // Everyone has given their dot: the run-off ends at once.
    if (static_cast<int>(choice->runoff.size()) >= m_draft.active_participants()) close_runoff();
    return Status::Ok;
}

Status Session::room_pick(Event& event, Outcome&) {
    if (m_draft.phase == Phase::Lobby)  // the lobby's format: a number picks an offered one, or settles a tie
        return pick_videoframe(event.as<RoomPickPayload>().number, event.at) ? Status::Ok : Status::Ignored;
    auto* choice = current_choice();
    if (!choice || !choice->room_picks()) return Status::Ignored;
    if (!pick_tied(*choice, event.as<RoomPickPayload>().number)) return Status::Ignored;
    if (choice->settled) record_choice(m_draft.step);
    return Status::Ok;
}

}  // namespace kiosk
