#pragma once
// Reads the videoframe library: config/videoframes/<id>.<lang>.json, one file per session format
// and language (or, from before the library, the single config/videoframe.<lang>.json as a
// one-format library). Checks each file on its own, then that every format has a file in every
// language with the same stage ids and surprise pools. Problems name the file, the field and the
// fix; nothing is thrown here.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "kiosk/config/json_reader.hpp"
#include "kiosk/core/library.hpp"

namespace kiosk {

// One videoframe's JSON, as a library file holds it (`in_library`: "id" and "status" are
// required) or as the older single file (they are optional). Drafting checks an AI's answer
// with the same function.
Content read_content(const Json& json, const std::string& file, const std::string& language, bool in_library,
                     Problems& problems);

struct ReadLibraries {
    std::map<std::string, Library> by_language;  // only languages whose files were all sound
    std::vector<std::string> notes;              // for the log: how to move an older single file
};

// Every language's library from `dir` (the config folder); `default_id` is kiosk.json's
// "videoframe" ("" when it names none).
ReadLibraries read_libraries(const std::filesystem::path& dir, const std::vector<std::string>& languages,
                             const std::string& default_id, Problems& problems);

}  // namespace kiosk
