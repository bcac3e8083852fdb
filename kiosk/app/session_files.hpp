#pragma once
// The session's outcome as files: written to <data_dir>/exports/ when a session reaches its
// wrap-up, and rendered on demand for the phones' download page.
#include <filesystem>
#include <string>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/view.hpp"
#include "kiosk/store/journal.hpp"

namespace kiosk::app {

// The outcome in `format` ("md", "json", "csv", "html"); empty for an unknown format.
std::string session_export(const Config& config, const Clock& clock, const View& view, const std::string& format);

// Writes all four formats as exports/session-<id>-<opened>/<date>-sessie-<n>.<format> (one
// folder per journal session, so forgetting it removes its files too); returns the Markdown
// file's path. Throws std::runtime_error naming the folder when it cannot.
std::filesystem::path write_session_exports(const std::filesystem::path& data_dir, const store::SessionRecord& session,
                                            const Config& config, const Clock& clock, const View& view);

}  // namespace kiosk::app
