#pragma once
// Forgetting, for good: a session's journal rows and every file made from it (its export
// folder), the damaged journal copies once they are older than the retention, and export files
// whose session the journal no longer holds. At start-up, daily while the kiosk runs, and on
// --forget.
#include <cstdint>
#include <filesystem>

#include "kiosk/store/journal.hpp"

namespace kiosk::store {

// <data_dir>/exports/session-<id>: the files written for one journal session.
std::filesystem::path session_exports_folder(const std::filesystem::path& data_dir, std::int64_t session_id);

// Removes the session from the journal and its export folder.
void forget_session(Journal& journal, const std::filesystem::path& data_dir, std::int64_t session_id);

struct RetentionResult {
    int sessions = 0;  // forgotten from the journal
    int files = 0;     // files and folders deleted
};

// Sessions closed before `cutoff_wall_ms` and their files; damaged journal copies made before
// it; export files of sessions the journal no longer holds (left by a run that could not
// delete them, or by an older version that wrote exports/ flat) once older than the cutoff
// (by age, not at once: after a damaged journal was set aside its sessions are not in the new
// one, and their files stay as long as the damaged copy does).
RetentionResult apply_retention(Journal& journal, const std::filesystem::path& data_dir,
                                std::int64_t cutoff_wall_ms);

}  // namespace kiosk::store
