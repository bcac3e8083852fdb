#pragma once
// The record from the command line, without a display: list the sessions in the journal,
// export one, forget one.
#include <filesystem>

#include "kiosk/app/command_line.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/store/session_export.hpp"

namespace kiosk::app {

// True when the options asked for one of these (and it ran); throws UsageError or
// store::StoreError with a message naming what to fix.
bool run_record_command(const Options& options, const Config& config, const std::filesystem::path& data_dir);

// The coffee corner in ISO week `week` (yyyyww) as the week export shows it: its question and
// the answers the screen showed at the week's end; held = false when the kiosk had no such week.
store::WeekCoffee week_coffee(const store::Journal& journal, const Config& config, int week);

}  // namespace kiosk::app
