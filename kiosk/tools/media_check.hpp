#pragma once
// Every clip, picture and sound the library's formats name, in every language, probed once
// (media/media_probe.hpp): --check-config prints what is wrong as "file: field: problem; fix",
// and the live kiosk logs it at start-up from a thread of its own.
#include <filesystem>
#include <stop_token>
#include <string>
#include <vector>

namespace kiosk::tools {

struct MediaReport {
    std::vector<std::string> problems;  // a file that will not play as its entry says
    std::vector<std::string> warnings;  // a file that plays but should be better (no captions)
    int files = 0;                      // entries checked
};

// The config in `config_dir` must load (load_config); throws ConfigError otherwise.
// `stop`: a kiosk stopping ends the check between two files (and within one's opening).
MediaReport check_media(const std::filesystem::path& config_dir, std::stop_token stop = {});

}  // namespace kiosk::tools
