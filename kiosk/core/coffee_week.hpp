#pragma once
// The coffee corner's side of the live kiosk: its week follows the room's calendar, a group's
// question outlives its session's record, and the page's words for the moderation mode.
#include <string>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/engine_loop.hpp"
#include "kiosk/core/schedule.hpp"

namespace kiosk {

// This ISO week as yyyyww, in the room's time zone.
int week_now(const Clock& clock);

// When the ISO week turns (or at start-up with a journal from an earlier week) the engine gets
// the new week and makes its link.
void submit_coffee_week(EngineLoop& loop, const Clock& clock);

// A group's question chosen at a wrap-up is part of that session's record, which a restart does
// not replay: journaled once more outside the session (CoffeeQuestion), it comes back with the
// coffee corner's events. Engine thread.
class CoffeeQuestions {
public:
    explicit CoffeeQuestions(const View& restored) : m_kept{restored.coffee.group_questions} {}
    // Journals a question the replay did not bring back (see run_live_kiosk).
    void keep(const GroupQuestion& question, EngineLoop& loop);
    void on_view(const View& view, EngineLoop* loop);

private:
    std::vector<GroupQuestion> m_kept;
};

// A moment in the coffee corner's week (its Monday), for the question that rotates by week.
LocalMoment week_moment(int week, const Clock& clock);

// "open", "word_list", "approve" (kiosk.json coffee.moderation), for the page's wording.
std::string moderation_name(Moderation moderation);

}  // namespace kiosk
