#pragma once
// The record from the command line, without a display: list the sessions in the journal,
// export one, forget one.
#include <filesystem>

#include "kiosk/app/command_line.hpp"
#include "kiosk/config/config_loader.hpp"

namespace kiosk::app {

// True when the options asked for one of these (and it ran); throws UsageError or
// store::StoreError with a message naming what to fix.
bool run_record_command(const Options& options, const Config& config, const std::filesystem::path& data_dir);

}  // namespace kiosk::app
