#include "kiosk/tools/media_check.hpp"

#include <map>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/media/media_probe.hpp"

namespace kiosk::tools {

namespace {

// The file a format was read from: the library's, or an older config's single file.
std::string format_file(const std::filesystem::path& config_dir, const Content& format) {
    const auto in_library = config_dir / "videoframes" / (format.id + "." + format.language + ".json");
    std::error_code ignored;
    if (std::filesystem::exists(in_library, ignored)) return in_library.string();
    return (config_dir / ("videoframe." + format.language + ".json")).string();
}

// The time an entry belongs to: its stage's, or its card's time on the screen.
Millis time_of(const Content& format, const std::string& where) {
    if (where.rfind("stages[", 0) == 0) {
        const auto stage = std::stoul(where.substr(7));
        return stage + 1 < format.steps.size() ? format.steps[stage + 1].duration : Millis{0};
    }
    const auto pool = std::stoul(where.substr(10));
    return pool < format.surprises.size() ? format.surprises[pool].show : Millis{0};
}

}  // namespace

MediaReport check_media(const std::filesystem::path& config_dir, std::stop_token stop) {
    media::ProbeLimits limits;
    limits.stop = stop;
    MediaReport report;
    // A file two formats or languages share is probed once.
    std::map<std::pair<std::string, int>, media::Probed> probed;
    for (const auto& language : {"nl", "en"}) {
        const Config config = load_config(config_dir, std::string{language});
        for (const auto& format : config.library->formats) {
            const auto file = format_file(config_dir, *format);
            for (const auto& entry : format->media_items()) {
                const std::string& where = entry.first;  // not a structured binding: clang 14's lambdas cannot capture one
                const MediaItem* item = entry.second;
                if (stop.stop_requested()) return report;
                ++report.files;
                const auto path = (config.media_dir / item->file).lexically_normal();
                const auto key = std::pair{path.string() + "|" + std::to_string(time_of(*format, where).count()), static_cast<int>(item->kind)};
                auto found = probed.find(key);
                if (found == probed.end())
                    found = probed.emplace(key, media::probe_file(path, item->kind, time_of(*format, where), limits)).first;
                const auto line = [&](const std::string& text) { return file + ": " + where + ".file: \"" + item->file + "\" " + text; };
                if (!found->second.problem.empty()) report.problems.push_back(line(found->second.problem));
                if (!found->second.warning.empty()) report.warnings.push_back(line(found->second.warning));
            }
        }
    }
    return report;
}

}  // namespace kiosk::tools
