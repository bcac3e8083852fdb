#include "kiosk/config/config_location.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <system_error>

namespace kiosk {

ConfigPlaces config_places() {
    ConfigPlaces places;
    if (const char* value = std::getenv("VITALE_KIOSK_CONFIG"); value && *value) places.environment = value;
    std::error_code ignored;
    places.working_dir = std::filesystem::current_path(ignored);
    return places;
}

std::filesystem::path find_config_dir(const std::optional<std::filesystem::path>& given, const ConfigPlaces& places) {
    const auto absolute = [&](const std::filesystem::path& dir) {
        auto path = (dir.is_absolute() ? dir : places.working_dir / dir).lexically_normal();
        return path.has_filename() ? path : path.parent_path();  // "config/" is "config"
    };
    if (given) return absolute(*given);
    if (places.environment) return absolute(*places.environment);
    std::error_code ignored;
    if (const auto local = absolute("config"); std::filesystem::is_regular_file(local / "kiosk.json", ignored)) return local;
    return places.system_dir;
}

std::filesystem::path find_data_dir(const std::optional<std::filesystem::path>& given, const Config& config) {
    if (given) return *given;
    const std::filesystem::path configured = config.settings.data_dir;
    if (configured.empty()) return k_system_data_dir;
    if (configured.is_absolute()) return configured;
    return (config.dir.parent_path() / configured).lexically_normal();
}

std::optional<std::string> foreign_owner_for_root(const std::filesystem::path& dir) {
    struct stat status {};
    if (::geteuid() != 0 || ::stat(dir.c_str(), &status) != 0 || status.st_uid == 0) return std::nullopt;
    if (const passwd* user = ::getpwuid(status.st_uid)) return std::string{user->pw_name};
    return std::to_string(status.st_uid);
}

std::filesystem::path fonts_dir(const std::filesystem::path& config_dir) { return beside_config(config_dir, "../fonts"); }

}  // namespace kiosk
