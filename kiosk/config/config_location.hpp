#pragma once
// Where the kiosk finds its configuration and its data, from any working directory: in the
// source folder (./config, ./data), and on an installed room PC (/etc/vitale-kiosk,
// /var/lib/vitale-kiosk), so every command (--sessions, --export, --forget, --check-config)
// works wherever it is typed.
#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/config/config_loader.hpp"

namespace kiosk {

inline const std::filesystem::path k_system_config_dir = "/etc/vitale-kiosk";
inline const std::filesystem::path k_system_data_dir = "/var/lib/vitale-kiosk";

struct ConfigPlaces {
    std::optional<std::string> environment;  // $VITALE_KIOSK_CONFIG
    std::filesystem::path working_dir;       // where the command was typed
    std::filesystem::path system_dir = k_system_config_dir;
};

// The places of this process: $VITALE_KIOSK_CONFIG and the working directory.
ConfigPlaces config_places();

// --config DIR, else $VITALE_KIOSK_CONFIG, else ./config when it is a kiosk config (it holds a
// kiosk.json), else /etc/vitale-kiosk. Absolute.
std::filesystem::path find_config_dir(const std::optional<std::filesystem::path>& given, const ConfigPlaces& places);

// --data DIR, else kiosk.json's data_dir (a relative one is taken from the folder above the
// config folder, as prompts_dir is taken from the config folder: config/../data), else
// /var/lib/vitale-kiosk.
std::filesystem::path find_data_dir(const std::optional<std::filesystem::path>& given, const Config& config);

// When this process runs as root and DIR belongs to another user (the service's vitale): that
// user's name. Root must not write there: a journal file or SQLite's -wal/-shm made by root
// would lock the kiosk out of its own record.
std::optional<std::string> foreign_owner_for_root(const std::filesystem::path& dir);

// fonts/ beside the config folder (--config /opt/vitale/config finds /opt/vitale/fonts), else
// the package's /usr/share/vitale-kiosk/fonts.
std::filesystem::path fonts_dir(const std::filesystem::path& config_dir);

}  // namespace kiosk
