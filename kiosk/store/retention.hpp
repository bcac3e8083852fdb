#pragma once
// Forgetting, for good: a session's journal rows and every file made from it (its export
// folder), the damaged journal copies once they are older than the retention, and export files
// whose session the journal no longer holds. At start-up, daily while the kiosk runs, and on
// --forget. Only the kiosk's own names are ever deleted, and never through a link.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "kiosk/store/journal.hpp"

namespace kiosk::store {

// <data_dir>/exports/session-<id>-<opened ms>: the files written for one journal session. The
// opening time keeps a new journal's session 1 (after a damaged one was set aside) apart from
// the old one's.
std::filesystem::path session_exports_folder(const std::filesystem::path& data_dir, const SessionRecord& session);

// Removes the session from the journal and every file that holds it: its export folder, the
// flat "<date>_<time>-sessie-<n>.<format>" files older versions wrote during it, and damaged
// journal copies that hold its events (a damaged copy is deleted whole, not edited; one that
// cannot be read is deleted when it was set aside after the session began). Returns each file
// or folder removed, for the operator.
std::vector<std::filesystem::path> forget_session(Journal& journal, const std::filesystem::path& data_dir,
                                                  const SessionRecord& session, std::int64_t now_wall_ms);

struct RetentionResult {
    int sessions = 0;  // forgotten from the journal
    int files = 0;     // files deleted (a folder counts its files)
    int loose_events = 0;  // events of no session (coffee-corner answers, idle keys) forgotten
};

// Sessions closed before `cutoff_wall_ms` and their files; events of no session (the coffee
// corner's answers) from before it; damaged journal copies made before
// it; export folders of sessions the journal no longer holds, and the flat
// "<date>-sessie-<n>.<format>" files of older versions, once changed before the cutoff (by
// age, not at once: after a damaged journal was set aside its sessions are not in the new one,
// and their files stay as long as the damaged copy does). Throws nothing but StoreError.
// Events of no session newer than `keep_loose_from_wall_ms` stay whatever the cutoff: the coffee
// corner's current week (and the week before, whose group question is this week's) must replay
// whole, also with a retention of a day.
RetentionResult apply_retention(Journal& journal, const std::filesystem::path& data_dir, std::int64_t cutoff_wall_ms,
                                std::int64_t keep_loose_from_wall_ms = INT64_MAX);

}  // namespace kiosk::store
