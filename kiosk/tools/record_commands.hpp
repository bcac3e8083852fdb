#pragma once
// The record from the command line, without a display: list the sessions in the journal,
// export one, forget one.
#include <filesystem>

#include <optional>
#include <string>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/store/session_export.hpp"

namespace kiosk::tools {

// --sessions, --export N|last|week:YYYY-Www with --format and --out, --forget N|last.
struct RecordRequest {
    bool list_sessions = false;
    std::optional<std::string> export_session;
    std::string export_format = "md";
    std::filesystem::path export_out;  // stdout when empty or "-"
    std::optional<std::string> forget_session;
};

// True when the request asked for one of these (and it ran); throws UsageError or
// store::StoreError with a message naming what to fix.
bool run_record_command(const RecordRequest& request, const Config& config, const std::filesystem::path& data_dir);

// The coffee corner in ISO week `week` (yyyyww) as the week export shows it: its question and
// the answers the screen showed at the week's end; held = false when the kiosk had no such week.
store::WeekCoffee week_coffee(const store::Journal& journal, const Config& config, int week);

}  // namespace kiosk::tools
