#include "kiosk/tools/session_files.hpp"

#include <fstream>
#include <stdexcept>

#include "kiosk/core/local_time.hpp"
#include "kiosk/store/retention.hpp"
#include "kiosk/store/session_export.hpp"

namespace kiosk::tools {

store::ExportHeader export_header(const Config& config, std::string date) {
    return {.room = config.settings.room_name,
            .date = std::move(date),
            .show_names = config.settings.session.show_names,
            .language = {config.settings.language, &config.strings}};
}

namespace {

store::ExportHeader header_for(const Config& config, const Clock& clock) { return export_header(config, local_text(clock.wall())); }

}  // namespace

std::string session_export(const Config& config, const Clock& clock, const View& view, const std::string& format) {
    const auto chosen = store::export_format_from(format);
    return chosen ? store::export_session(view, header_for(config, clock), *chosen) : std::string{};
}

std::filesystem::path write_session_exports(const std::filesystem::path& data_dir, const store::SessionRecord& session,
                                            const Config& config, const Clock& clock, const View& view) {
    const auto folder = store::session_exports_folder(data_dir, session);
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    const auto stem = local_text(clock.wall(), '_', false) + "-sessie-" + std::to_string(view.session_number);
    const auto header = header_for(config, clock);
    for (const auto format : {store::ExportFormat::Markdown, store::ExportFormat::Json, store::ExportFormat::Csv,
                              store::ExportFormat::Html}) {
        const auto path = folder / (stem + "." + std::string{store::extension(format)});
        std::ofstream file{path, std::ios::binary};
        file << store::export_session(view, header, format);
        if (!file) throw std::runtime_error{"cannot write the session's outcome to " + folder.string()};
    }
    return folder / (stem + ".md");
}

}  // namespace kiosk::tools
