#pragma once
// The record as history reads it: each finished session's recorded outcome (never a re-run
// under today's rules), and the open session replayed with the facts it already settled. Used
// by the start-up, the record commands (--sessions, --export) and --doctor. Any one thread.
#include <chrono>
#include <map>
#include <string>
#include <optional>
#include <set>
#include <vector>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/engine.hpp"
#include "kiosk/store/journal.hpp"

namespace kiosk::tools {

// Records what an older version left unrecorded (store/upgrade.hpp) and logs what it did.
void complete_record(store::Journal& journal, const Config& config, const Clock& clock);

// A finished session's recorded outcome; nullopt for the open session or one not recorded.
std::optional<View> recorded_outcome(const store::Journal& journal, const store::SessionRecord& session);

// The session as exports show it: its recorded outcome when finished, else its events replayed
// (recalling its facts) into a fresh engine under today's rules.
View session_view(const store::Journal& journal, const store::SessionRecord& session, const Config& config);

// The last finished session's recorded outcome, if any.
std::optional<View> last_recorded_outcome(const store::Journal& journal);

// What the trajectory (from `trajectory_start`, yyyymmdd; 0: every session kept) did before
// `before_session` (0: all of it): the format of each session, oldest first (its videoframe fact;
// a session from before formats had ids counts as the one there was when it got past its lobby),
// the format of each week's last session (for the coffee corner of the week after), and the
// surprise cards its sessions drew.
struct TrajectoryHistory {
    std::vector<std::string> formats;
    std::map<int, std::string> week_formats;  // yyyyww (local ISO week it closed) -> the last one's format
    std::set<std::string> cards;
};
TrajectoryHistory trajectory_history(const store::Journal& journal, std::int64_t before_session, int trajectory_start);
// Into a fresh engine, before a session is replayed or opened.
void remember_trajectory(Engine& engine, TrajectoryHistory history);

struct RestoredHistory {
    std::vector<std::chrono::year_month_day> session_dates;  // local date each session opened
    std::optional<GroupQuestion> last_question;  // the last finished session's question for the coffee corner
    std::size_t open_events = 0;                 // events of the open session replayed
    std::vector<std::string> problems;           // what could not be read or written, for the log
};

// What start-up restores into a fresh engine: from the last finished session's recorded outcome
// its headline, its decisions still to review and its wrap-up question; then the coffee corner's
// last two weeks; then the open session, replayed with the facts it already settled (the facts
// it settled but had not journaled yet are journaled now). A session that began under older
// rules recalls what it settled then (Engine::recall); one under today's rules replays as it ran.
// The formats of the trajectory's sessions go first, so the open session's lobby offers what it
// offered. A record or fact that cannot be read costs that part of the history, not the start.
RestoredHistory restore_history(Engine& engine, store::Journal& journal, const Clock& clock, int trajectory_start = 0);

}  // namespace kiosk::tools
