// Where the kiosk finds its configuration, its data, its prompts and its fonts.
#include <catch2/catch.hpp>

#include <fstream>

#include "kiosk/config/config_location.hpp"
#include "tests/temp_dir.hpp"

using namespace kiosk;

TEST_CASE("The config is --config, else $VITALE_KIOSK_CONFIG, else ./config with a kiosk.json, else /etc/vitale-kiosk") {
    testing::TempDir temp;
    const auto here = temp.path() / "room";
    std::filesystem::create_directories(here / "config");
    ConfigPlaces places{std::nullopt, here, "/etc/vitale-kiosk"};
    CHECK(find_config_dir(std::nullopt, places) == "/etc/vitale-kiosk");  // ./config is no kiosk config yet
    std::ofstream{here / "config" / "kiosk.json"} << "{}";
    CHECK(find_config_dir(std::nullopt, places) == here / "config");
    places.environment = "/srv/kiosk/config/";
    CHECK(find_config_dir(std::nullopt, places) == "/srv/kiosk/config");
    CHECK(find_config_dir(std::filesystem::path{"other/cfg"}, places) == here / "other" / "cfg");
    CHECK(find_config_dir(std::filesystem::path{"/abs/cfg"}, places) == "/abs/cfg");
}

TEST_CASE("The data folder is --data, else data_dir from beside the config folder, else /var/lib/vitale-kiosk") {
    Config config;
    config.dir = "/srv/kiosk/config";
    CHECK(find_data_dir(std::nullopt, config) == "/var/lib/vitale-kiosk");
    config.settings.data_dir = "data";
    CHECK(find_data_dir(std::nullopt, config) == "/srv/kiosk/data");  // not wherever the command was typed
    config.settings.data_dir = "/var/lib/elsewhere";
    CHECK(find_data_dir(std::nullopt, config) == "/var/lib/elsewhere");
    CHECK(find_data_dir(std::filesystem::path{"d"}, config) == "d");
}

TEST_CASE("prompts/ and fonts/ come from beside the config folder, else from the installed share folder") {
    testing::TempDir temp;
    const auto etc = temp.path() / "etc" / "vitale-kiosk";
    const auto share = temp.path() / "usr" / "share" / "vitale-kiosk";
    std::filesystem::create_directories(etc);
    std::filesystem::create_directories(share / "config");
    std::filesystem::create_directories(share / "prompts");
    // An installed room PC: /etc/vitale-kiosk/../prompts is nothing; the package's prompts are used.
    CHECK(beside_config(etc, "../prompts", share) == share / "prompts");
    // Nowhere at all: the path beside the config, so the error names where it was looked for.
    CHECK(beside_config(etc, "../fonts", share) == temp.path() / "etc" / "fonts");
    // The room's own copy beside the config wins.
    std::filesystem::create_directories(etc / "prompts");
    CHECK(beside_config(etc, "prompts", share) == etc / "prompts");
    CHECK(beside_config(etc, "/opt/prompts", share) == "/opt/prompts");
}
