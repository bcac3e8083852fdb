#pragma once
// A copy of the shipped config/ (and prompts/ beside it) in a temporary folder, for tests that
// break, add or remove one file at a time.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/config/json_reader.hpp"
#include "tests/temp_dir.hpp"

namespace kiosk::testing {

// A copy of the shipped config/ that a test may break one field at a time.
struct ConfigCopy {
    testing::TempDir temp;
    std::filesystem::path dir = temp.path() / "config";

    ConfigCopy() {
        std::filesystem::copy(std::filesystem::path{KIOSK_SOURCE_DIR} / "config", dir, std::filesystem::copy_options::recursive);
        std::filesystem::copy(std::filesystem::path{KIOSK_SOURCE_DIR} / "prompts", temp.path() / "prompts");
    }
    std::string file(const std::string& name) const { return (dir / name).string(); }
    Json read(const std::string& name) const {
        std::ifstream in{dir / name};
        return Json::parse(in);
    }
    void write(const std::string& name, const Json& json) const {
        std::ofstream{dir / name} << json.dump(2);
    }
    void write_text(const std::string& name, const std::string& text) const {
        std::ofstream{dir / name} << text;
    }
    template <typename Change>
    void edit(const std::string& name, Change change) const {
        Json json = read(name);
        change(json);
        write(name, json);
    }
    std::vector<std::string> problems() const { return check_config(dir); }
};


}  // namespace kiosk::testing
