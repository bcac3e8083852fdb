// libFuzzer target: the config loader (load_config and check_config) on a copy of the shipped
// config/ and prompts/ in a temporary folder, with one file replaced by the input.
//
// Input: the file's text. A first byte '0' to '8' chooses the file and is not part of it:
// 0 kiosk.json, 1 videoframes/werksituatie.nl.json, 2 ...en.json, 3 strings.nl.json,
// 4 strings.en.json, 5 phone.nl.json, 6 phone.en.json, 7 prompts/proposal.nl.txt,
// 8 prompts/proposal.en.txt. Any other first byte: the whole input is kiosk.json.
//
// Expected, not a finding: kiosk::ConfigError (load_config's only documented exception).
// Findings: any other exception, check_config throwing at all, and the two disagreeing (the
// same problems, found by the same reading, must come out of both).
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/config/config_error.hpp"
#include "kiosk/config/config_loader.hpp"
#include "tests/fuzz/fuzz_check.hpp"
#include "tests/temp_dir.hpp"

using namespace kiosk;

namespace {

// By the input's first byte, '0' to '8'.
constexpr std::string_view k_files[] = {
    "config/kiosk.json",      "config/videoframes/werksituatie.nl.json", "config/videoframes/werksituatie.en.json",
    "config/strings.nl.json", "config/strings.en.json",    "config/phone.nl.json",
    "config/phone.en.json",   "prompts/proposal.nl.txt",   "prompts/proposal.en.txt"};

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const std::filesystem::path& path, std::string_view text) {
    std::ofstream out{path, std::ios::binary | std::ios::trunc};
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    fuzz::require(out.good(), "the fuzzer can write its copy of the config");
}

// A copy of config/ and prompts/ side by side (kiosk.json finds the prompts at ../prompts),
// removed at exit; and each file of k_files as shipped, to put back after an input.
struct Folder {
    testing::TempDir dir;
    std::vector<std::string> shipped;

    Folder() {
        const std::filesystem::path source{KIOSK_SOURCE_DIR};
        const auto options = std::filesystem::copy_options::recursive;
        std::filesystem::copy(source / "config", dir.path() / "config", options);
        std::filesystem::copy(source / "prompts", dir.path() / "prompts", options);
        for (const auto file : k_files) shipped.push_back(read_file(dir.path() / file));
    }
};

Folder& folder() {
    static Folder made;
    return made;
}

void load(const std::filesystem::path& config_dir) {
    const auto problems = check_config(config_dir);
    try {
        const auto config = load_config(config_dir);
        fuzz::require(problems.empty(), "check_config finds no problem in a config that loads");
        fuzz::require(config.content && config.content->steps.size() >= 2, "a loaded config has a check-in and stages");
    } catch (const ConfigError& error) {
        fuzz::require(error.problems() == problems, "load_config throws for exactly the problems check_config finds");
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    folder();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = fuzz::as_text(data, size);
    std::size_t file = 0;
    if (!text.empty() && text.front() >= '0' && text.front() <= '8') {
        file = static_cast<std::size_t>(text.front() - '0');
        text.remove_prefix(1);
    }
    auto& copy = folder();
    const auto path = copy.dir.path() / k_files[file];
    write_file(path, text);
    load(copy.dir.path() / "config");
    write_file(path, copy.shipped[file]);
    return 0;
}
