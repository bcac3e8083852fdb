#pragma once
// The command line of vitale-kiosk. Tests and operators rely on these exact option names.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "kiosk/tools/usage_error.hpp"
#include "kiosk/ui/screen_size.hpp"

namespace kiosk::app {

using ui::ScreenSize;
using tools::UsageError;

struct Options {
    std::optional<std::filesystem::path> config_dir;  // --config; else found (config_location.hpp)
    std::optional<std::filesystem::path> data_dir;
    std::optional<int> port;
    bool windowed = false;
    std::optional<ScreenSize> size;
    std::optional<std::string> language;
    bool check_config = false;
    bool list_scenes = false;
    bool list_videoframes = false;
    std::optional<std::filesystem::path> screenshot;
    std::optional<std::string> scene;
    std::optional<std::string> videoframe;  // with --screenshot DIR: every scene of that format
    std::optional<std::string> draft_topic;  // --draft-videoframe
    bool help_overlay = false;       // with --screenshot: draw the key map on top
    bool print_first_frame = false;  // for the start-up benchmark
    bool trace_frames = false;       // print "frame <version> <ms>" per frame (benchmarks)
    int demo = 0;                    // simulated phones that join and take part
    std::optional<int> coffee_display;  // --coffee-display N: overrides kiosk.json coffee.display
    bool list_sessions = false;      // --sessions
    std::optional<std::string> export_session;  // --export N|last
    std::string export_format = "md";           // --format
    std::filesystem::path export_out;           // --out (stdout when empty or "-")
    std::optional<std::string> forget_session;  // --forget N|last
    bool doctor = false;             // --doctor: check this PC for the kiosk
    bool doctor_network = false;     // --doctor --network: also ask the AI service
    bool version = false;
    bool help = false;
};


Options parse_command_line(const std::vector<std::string>& args);
std::string usage_text();

}  // namespace kiosk::app
