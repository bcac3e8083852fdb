#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "kiosk/app/command_line.hpp"
#include "kiosk/app/config_location.hpp"
#include "kiosk/app/key_map.hpp"
#include "kiosk/app/week_line.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/net/phone_address.hpp"
#include "tests/temp_dir.hpp"

using namespace kiosk;
using namespace kiosk::app;

namespace {
Options parse(std::vector<std::string> args) { return parse_command_line(args); }

std::string usage_error(std::vector<std::string> args) {
    try {
        parse_command_line(args);
    } catch (const UsageError& error) {
        return error.what();
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("The command line takes every documented option") {
    const auto options = parse({"--config", "cfg", "--data", "d", "--port", "9090", "--windowed", "--size",
                                "1280x720", "--lang", "en", "--scene", "lobby"});
    CHECK(options.config_dir == std::filesystem::path{"cfg"});
    CHECK(options.data_dir == std::filesystem::path{"d"});
    CHECK(options.port == 9090);
    CHECK(options.windowed);
    REQUIRE(options.size);
    CHECK(options.size->width == 1280);
    CHECK(options.size->height == 720);
    CHECK(options.language == "en");
    CHECK(options.scene == "lobby");
    CHECK(parse({"--check-config"}).check_config);
    CHECK(parse({"--list-scenes"}).list_scenes);
    CHECK(parse({"--version"}).version);
    CHECK(parse({"--help"}).help);
    CHECK(parse({"--screenshot", "a.png", "--scene", "idle"}).screenshot == std::filesystem::path{"a.png"});
    CHECK_FALSE(parse({}).config_dir);  // found: see config_location.hpp
}

TEST_CASE("A wrong command line says what to type instead") {
    CHECK(usage_error({"--size", "100x100"}) ==
          "--size 100x100: unsupported; use between 640x480 and 7680x4320, e.g. 1280x720, 1920x1080, 1920x1200 or 3840x2160");
    CHECK(usage_error({"--size", "big"}) == "--size big: write it as WIDTHxHEIGHT, e.g. --size 1920x1080");
    CHECK(usage_error({"--size", "1920x"}) == "--size 1920x: write it as WIDTHxHEIGHT, e.g. --size 1920x1080");
    CHECK(usage_error({"--port", "80a"}) == "--port 80a: give a port number from 1 to 65535 (0: any free port), e.g. --port 8080");
    CHECK(usage_error({"--port", "70000"}) == "--port 70000: give a port number from 1 to 65535 (0: any free port), e.g. --port 8080");
    CHECK(usage_error({"--demo", "0"}) == "--demo 0: give the number of simulated phones, 1 to 250, e.g. --demo 6");
    CHECK(usage_error({"--lang", "de"}) == "--lang de: choose nl or en");
    CHECK(usage_error({"--config"}) == "--config needs a value; see --help");
    CHECK(usage_error({"--fullscreen"}) == "unknown option --fullscreen; see --help for the options");
    CHECK(usage_error({"--screenshot", "a.png"}) == "--screenshot needs --scene NAME; --list-scenes lists the names");
    CHECK(usage_error({"--screenshot", "a.jpg", "--scene", "idle"}) ==
          "--screenshot a.jpg: the file name must end in .png");
}

TEST_CASE("Presenter remote keys step through the session") {
    CHECK(action_for(SDLK_PAGEDOWN, KMOD_NONE) == Action::Next);
    CHECK(action_for(SDLK_PAGEUP, KMOD_NONE) == Action::Previous);
    CHECK(action_for(SDLK_RIGHT, KMOD_NONE) == Action::Next);
    CHECK(action_for(SDLK_LEFT, KMOD_NONE) == Action::Previous);
    CHECK(action_for(SDLK_b, KMOD_NONE) == Action::TogglePause);
    CHECK(action_for(SDLK_SPACE, KMOD_NONE) == Action::TogglePause);
    CHECK(action_for(SDLK_F5, KMOD_NONE) == Action::Start);
    CHECK(action_for(SDLK_F5, KMOD_LSHIFT) == Action::Start);
    CHECK(action_for(SDLK_RETURN, KMOD_NONE) == Action::Start);
    CHECK(action_for(SDLK_PLUS, KMOD_NONE) == Action::Extend);
    CHECK(action_for(SDLK_e, KMOD_NONE) == Action::Extend);
    CHECK(action_for(SDLK_F1, KMOD_NONE) == Action::ToggleHelp);
    CHECK(action_for(SDLK_SLASH, KMOD_LSHIFT) == Action::ToggleHelp);
    CHECK(action_for(SDLK_SLASH, KMOD_NONE) == Action::None);
}

TEST_CASE("Escape never quits, only Ctrl+Alt+Q does") {
    CHECK(action_for(SDLK_ESCAPE, KMOD_NONE) == Action::CloseHelp);
    CHECK(action_for(SDLK_ESCAPE, KMOD_LSHIFT) == Action::CloseHelp);
    CHECK(action_for(SDLK_q, KMOD_NONE) == Action::None);
    CHECK(action_for(SDLK_q, KMOD_LCTRL) == Action::None);
    CHECK(action_for(SDLK_q, static_cast<Uint16>(KMOD_LCTRL | KMOD_LALT)) == Action::Quit);
    CHECK(action_for(SDLK_F4, KMOD_LALT) == Action::None);
    CHECK(action_for(SDLK_h, 0) == Action::OfferHost);
    // The number keys pick among tied notes: the main row and the keypad alike.
    CHECK(action_for(SDLK_3, 0) == Action::PickTied);
    CHECK(action_for(SDLK_KP_9, 0) == Action::PickTied);
    CHECK(digit_of(SDLK_3) == 3);
    CHECK(digit_of(SDLK_KP_9) == 9);
    CHECK(digit_of(SDLK_0) == 0);
}

TEST_CASE("The help overlay rows come from the same table as the keys, in the room's language") {
    const Strings dutch{{{"key_next", "Volgende fase"}, {"key_extend", "{minutes} minuten erbij"},
                         {"key_space_name", "Spatie"}, {"key_quit", "Afsluiten"}}};
    const auto rows = help_rows(dutch, 3);
    REQUIRE(rows.size() == 13);
    CHECK(rows[1].keys == "PageDown · →");
    CHECK(rows[1].action == "Volgende fase");
    CHECK(rows[3].keys == "Spatie · B");
    CHECK(rows[4].action == "3 minuten erbij");
    CHECK(rows[5].keys == "H");
    CHECK(rows[6].keys == "P");
    CHECK(rows[7].keys == "V");
    CHECK(rows[8].keys == "C");
    CHECK(rows[9].keys == "1 … 9");
    CHECK(rows[10].keys == "Del · X");  // the coffee corner's newest answer off the screen
    CHECK(rows[12].keys == "Ctrl+Alt+Q");
}

TEST_CASE("The phone URL comes from public_url when set, else from the LAN address") {
    CHECK(net::phone_url("http://kiosk.example:8080/", 9000, "10.0.0.5") == "http://kiosk.example:8080");
    CHECK(net::phone_url("", 9000, std::string{"10.0.0.5"}) == "http://10.0.0.5:9000");
    CHECK(net::phone_url("", 9000, std::nullopt) == "http://127.0.0.1:9000");
    CHECK(net::phone_url("http://127.0.0.1:{port}", 41234, std::nullopt) == "http://127.0.0.1:41234");
}

TEST_CASE("The kiosk answers to its phone URL's host, loopback and its own addresses, with the port") {
    const auto has = [](const std::vector<std::string>& hosts, const std::string& host) {
        return std::find(hosts.begin(), hosts.end(), host) != hosts.end();
    };
    auto hosts = net::accepted_hosts("http://192.168.1.20:8080", 8080);
    CHECK(has(hosts, "192.168.1.20:8080"));
    CHECK(has(hosts, "127.0.0.1:8080"));
    CHECK(has(hosts, "localhost:8080"));
    CHECK_FALSE(has(hosts, "127.0.0.1"));
    CHECK_FALSE(has(hosts, "192.168.1.20"));
    // Behind a proxy the phone URL's name, as written; on port 80 browsers send no port.
    CHECK(has(net::accepted_hosts("https://kiosk.example/", 8080), "kiosk.example"));
    hosts = net::accepted_hosts("http://10.0.0.5", 80);
    CHECK(has(hosts, "10.0.0.5"));
    CHECK(has(hosts, "127.0.0.1"));
    CHECK(has(hosts, "localhost:80"));
}

TEST_CASE("The week line shows the trajectory's week and this week's session") {
    using namespace std::chrono;
    auto config = load_config(KIOSK_SOURCE_DIR "/config");
    const LocalMoment monday{2026y / November / 23, 9 * 60};  // week 12 of a trajectory from 2026-09-07
    CHECK(app::week_line(config, monday, 2, true) == "week 12 van 20 · sessie 2 van 4");
    CHECK(app::week_line(config, monday, 2, false) == "week 12 van 20 · sessie 3 van 4");  // between sessions: the next
    config.settings.trajectory.start = 0;  // no trajectory: the ISO week
    CHECK(app::week_line(config, monday, 0, false) == "week 48 · sessie 1 van 4");
}

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
