// The command line of vitale-kiosk, as operators and the package's unit type it.
#include <catch2/catch.hpp>

#include "kiosk/app/command_line.hpp"

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
    CHECK(usage_error({"--screenshot", "a.png"}) == "--screenshot needs --scene NAME (--list-scenes lists the names) or --videoframe ID");
    CHECK(usage_error({"--videoframe", "innovatie"}) == "--videoframe goes with --screenshot DIR: every scene and surprise card of that format, for review");
    CHECK(usage_error({"--screenshot", "a.jpg", "--scene", "idle"}) ==
          "--screenshot a.jpg: the file name must end in .png");
}
