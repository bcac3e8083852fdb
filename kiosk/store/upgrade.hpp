#pragma once
// Completing what an older version recorded. A journal from before schema 4 holds its sessions
// as events only; this replays each finished one once, under the rules it ran under (fact.hpp:
// on a tie, the earliest note, for the sessions of schema 1 and 2), and records its facts and
// outcome, so history never works it out again. An open session gets the facts of what it
// settled so far and continues under today's rules from where it stands. Start-up and the
// record commands call it right after opening the journal; a completed journal costs one query.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/engine.hpp"
#include "kiosk/store/journal.hpp"

namespace kiosk::store {

struct UpgradeReport {
    int completed = 0;                         // finished sessions whose outcome was recorded now
    std::optional<std::int64_t> open_session;  // an open session that continues under today's rules
    std::vector<std::string> log;              // one line each, for the kiosk's log
};

// A fresh engine with the room's content and rules (the caller's config).
using EngineMaker = std::function<std::unique_ptr<Engine>()>;

// The rules version an older session (no rules recorded) ran under: 1 when it closed before the
// journal reached schema 3 (a file that came with schema 3 or later: never), or is open in a
// file this run found below schema 3; else 2.
int rules_of_older(const Journal& journal, const SessionRecord& session);

UpgradeReport complete_older_sessions(Journal& journal, const EngineMaker& make_engine, const Clock& clock);

// What a finished session hands on to the next lobby: its earlier decisions still to review
// with its own decision added (unless parked), as the engine does when a session closes.
std::vector<Decision> decisions_after(const View& closed);

}  // namespace kiosk::store
