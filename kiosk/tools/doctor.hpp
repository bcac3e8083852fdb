#pragma once
// vitale-kiosk --doctor: one screen for the person installing the kiosk on a room's PC. What
// is in use (the config and data folders, the journal, the phones' URL and port, the display,
// the font, audio, the AI service) and every problem with its fix.
#include <ostream>

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::tools {

// Prints the report to `out`; returns 0 when nothing is wrong, 2 when something is. Makes no
// folder and no journal that is not there yet. With request.network it also asks the
// AI service one small question (at most about 10 s); without, it contacts nothing.
struct DoctorRequest {
    std::optional<std::filesystem::path> config_dir;  // --config; else found (config_location.hpp)
    std::optional<std::filesystem::path> data_dir;    // --data
    std::optional<std::string> language;              // --language
    std::optional<int> port;                          // --port
    std::optional<int> coffee_display;                // --coffee-display
    bool network = false;                             // --network: also ask the AI service
};
int run_doctor(const DoctorRequest& request, std::ostream& out);

}  // namespace kiosk::tools
