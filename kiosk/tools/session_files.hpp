#pragma once
// The session's outcome as files: written to <data_dir>/exports/ when a session reaches its
// wrap-up, and rendered on demand for the phones' download page.
#include <filesystem>
#include <string>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/view.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/store/session_export.hpp"

namespace kiosk::tools {

// The room's header for an export: its name, names shown or not, its language; `date` as the
// file shows it (local "YYYY-MM-DD HH:MM").
store::ExportHeader export_header(const Config& config, std::string date);

// The outcome in `format` ("md", "json", "csv", "html"); empty for an unknown format.
std::string session_export(const Config& config, const Clock& clock, const View& view, const std::string& format);

// Writes all four formats as exports/session-<id>-<opened>/<date>-sessie-<n>.<format> (one
// folder per journal session, so forgetting it removes its files too); returns the Markdown
// file's path. Throws std::runtime_error naming the folder when it cannot.
std::filesystem::path write_session_exports(const std::filesystem::path& data_dir, const store::SessionRecord& session,
                                            const Config& config, const Clock& clock, const View& view);

}  // namespace kiosk::tools
