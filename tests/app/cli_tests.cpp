// The real vitale-kiosk binary, run as an operator would, for every way start-up can go wrong.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/pjlink_standin.hpp"
#include "tests/temp_dir.hpp"

namespace {

struct Result {
    int exit_code = -1;
    std::string output;  // stdout and stderr together
};

// Runs a shell command; its exit code and what it printed on stdout.
Result capture(const std::string& command) {
    Result result;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) result.output.append(buffer, n);
    const int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// Runs the kiosk with `args`, with `env` (e.g. "FOO=1 BAR=2") and no display; stderr included.
Result run_kiosk(const std::string& args, const std::string& env = "") {
    return capture("env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER " + env + " '" KIOSK_BINARY "' " + args +
                   " 2>&1");
}

const std::string k_config = "--config '" KIOSK_SOURCE_DIR "/config'";

// A socket listening on loopback, as another program holding a port would.
struct Listener {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int port = 0;
    Listener() {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(fd, 4) == 0);
        socklen_t length = sizeof address;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
        port = ntohs(address.sin_port);
    }
    ~Listener() { ::close(fd); }
};

int free_port() {
    Listener probe;
    return probe.port;  // closed again when probe goes; free for the kiosk to take
}

// A room's copy of config/ and prompts/ in `dir`, its config folder returned. public_url is set,
// so the phones' URL does not depend on the network of the machine running the tests.
std::filesystem::path room_copy(const std::filesystem::path& dir) {
    std::filesystem::copy(KIOSK_SOURCE_DIR "/config", dir / "config", std::filesystem::copy_options::recursive);
    std::filesystem::copy(KIOSK_SOURCE_DIR "/prompts", dir / "prompts", std::filesystem::copy_options::recursive);
    const auto file = dir / "config" / "kiosk.json";
    std::stringstream text;
    {
        std::ifstream in{file};
        text << in.rdbuf();
    }
    std::string json = text.str();
    const std::string no_url = "\"public_url\": \"\"";
    const auto at = json.find(no_url);
    REQUIRE(at != std::string::npos);
    json.replace(at, no_url.size(), "\"public_url\": \"http://kiosk.test:{port}\"");
    std::ofstream{file} << json;
    return dir / "config";
}

// --doctor as the installer would type it over ssh: no display, and no sound server touched.
Result run_doctor(const std::filesystem::path& config, const std::filesystem::path& data, int port) {
    return run_kiosk("--doctor --config '" + config.string() + "' --data '" + data.string() + "' --port " +
                         std::to_string(port),
                     "SDL_AUDIODRIVER=dummy");
}

}  // namespace

TEST_CASE("vitale-kiosk --version and --help answer and exit 0") {
    auto result = run_kiosk("--version");
    CHECK(result.exit_code == 0);
    CHECK(result.output == "vitale-kiosk 0.1.0\n");
    result = run_kiosk("--help");
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.output, Catch::StartsWith("Usage: vitale-kiosk [options]"));
    CHECK_THAT(result.output, Catch::Contains("--check-config"));
}

TEST_CASE("The scene list names idle, lobby, the check-in, each stage with its vote parts, and wrap-up") {
    const auto result = run_kiosk("--list-scenes " + k_config);
    CHECK(result.exit_code == 0);
    CHECK(result.output == "idle\ncoffee-question\ncoffee-answers\ncoffee-decisions\ncoffee-next\ncoffee-night\nlobby\ncheckin\nanalyse\nprobleemstelling\nprobleemstelling-vote\nprobleemstelling-results\n"
                          "brainstorm\nbrainstorm-vote\nbrainstorm-results\nai-voorstel\nvalidatie\nvalidatie-decide\nvalidatie-owner\n"
                          "wrapup\n");
}

TEST_CASE("Checking the config exits 0 for the shipped config and 2 with every problem for a broken one") {
    auto result = run_kiosk("--check-config " + k_config);
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.output, Catch::EndsWith("configuration is valid\n"));

    kiosk::testing::TempDir temp;
    std::filesystem::copy(KIOSK_SOURCE_DIR "/config", temp.path() / "config", std::filesystem::copy_options::recursive);
    std::filesystem::copy(KIOSK_SOURCE_DIR "/prompts", temp.path() / "prompts");
    std::ofstream{temp.path() / "config" / "kiosk.json"} << R"({"room_name": "A", "network": {"port": 0}, "colour": 1})";
    result = run_kiosk("--check-config --config '" + (temp.path() / "config").string() + "'");
    CHECK(result.exit_code == 2);
    const auto file = (temp.path() / "config" / "kiosk.json").string();
    CHECK(result.output == file + ": network.port: must be between 1 and 65535 (found 0)\n" + file +
                               ": colour: unknown key; check the spelling (known here: ai, chime, coffee, data_dir, decision, display, "
                               "language, media_dir, network, phones, retention_days, room_name, schedule, timers, videoframe) or remove it\n");
}

TEST_CASE("The library's formats are listed with their status, languages and title") {
    const auto result = run_kiosk("--list-videoframes --lang en " + k_config);
    CHECK(result.exit_code == 0);
    CHECK(result.output == "innovatie                ready  en,nl  Trying an innovation\n"
                           "terugblik                ready  en,nl  Looking back on earlier decisions\n"
                           "vaardigheid              ready  en,nl  Practising a skill\n"
                           "werksituatie             ready  en,nl  Improving a work situation\n");
}

TEST_CASE("Starting with a missing config folder says so once and how to fix it, exit 2") {
    const auto result = run_kiosk("--config /nonexistent/config --windowed");
    CHECK(result.exit_code == 2);
    CHECK(result.output == "/nonexistent/config: no such folder; pass --config DIR with the kiosk's configuration (the package "
                           "installs it in /etc/vitale-kiosk; the source tree has config/)\n"
                           "vitale-kiosk: the configuration has 1 problem(s); fix them and try again "
                           "(--check-config checks without starting)\n");
    CHECK_THAT(result.output, !Catch::Contains("terminate"));
}

TEST_CASE("A port in use, no display, an unusable data folder: one clear line each and exit 1") {
    Listener other_program;
    auto result = run_kiosk(k_config + " --port " + std::to_string(other_program.port));
    CHECK(result.exit_code == 1);
    CHECK(result.output == "vitale-kiosk: port " + std::to_string(other_program.port) +
                               " is already in use by another program; stop that program or start with --port N "
                               "(or set network.port in kiosk.json)\n");

    kiosk::testing::TempDir temp;
    const auto data = temp.path() / "data";
    result = run_kiosk(k_config + " --data '" + data.string() + "' --port " + std::to_string(free_port()));
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output, Catch::EndsWith(
        "vitale-kiosk: no display available: start the kiosk on the room's screen (an X11 or Wayland session), "
        "or use --screenshot FILE.png --scene NAME for a picture without a display\n"));

    std::ofstream{temp.path() / "file"} << "x";
    result = run_kiosk(k_config + " --data '" + (temp.path() / "file" / "data").string() + "'");
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output, Catch::StartsWith("vitale-kiosk: cannot use the data folder"));
    CHECK_THAT(result.output, Catch::EndsWith("; pass --data DIR or change data_dir in kiosk.json\n"));
}

TEST_CASE("Without any font the kiosk says which package to install, exit 1") {
    kiosk::testing::TempDir temp;
    std::filesystem::copy(KIOSK_SOURCE_DIR "/config", temp.path() / "config", std::filesystem::copy_options::recursive);
    std::filesystem::copy(KIOSK_SOURCE_DIR "/prompts", temp.path() / "prompts");
    std::ofstream{temp.path() / "fonts.conf"} << "<?xml version=\"1.0\"?><fontconfig></fontconfig>\n";
    const auto result = run_kiosk("--config '" + (temp.path() / "config").string() + "' --screenshot '" +
                                  (temp.path() / "x.png").string() + "' --scene idle",
                              "FONTCONFIG_FILE='" + (temp.path() / "fonts.conf").string() + "'");
    CHECK(result.exit_code == 1);
    CHECK(result.output == "vitale-kiosk: no usable font found: install fonts-inter (or fonts-dejavu-core), or put a "
                           ".ttf or .otf file into " + (temp.path() / "fonts").string() + "\n");
}

TEST_CASE("A format's review screenshots: every scene and every surprise card, a draft's too") {
    kiosk::testing::TempDir temp;
    std::filesystem::copy(KIOSK_SOURCE_DIR "/config", temp.path() / "config", std::filesystem::copy_options::recursive);
    std::filesystem::copy(KIOSK_SOURCE_DIR "/prompts", temp.path() / "prompts");
    for (const char* language : {"nl", "en"}) {  // a draft, as --draft-videoframe writes it
        const auto file = temp.path() / "config" / "videoframes" / (std::string{"innovatie."} + language + ".json");
        std::ifstream in{file};
        auto json = nlohmann::json::parse(in);
        json["status"] = "draft";
        std::ofstream{file} << json.dump(2);
    }
    const auto config = "--config '" + (temp.path() / "config").string() + "'";
    const auto dir = temp.path() / "review";
    auto result = run_kiosk(config + " --screenshot '" + dir.string() + "' --videoframe innovatie --size 1280x720");
    CHECK(result.exit_code == 0);
    // lobby, check-in, five stages with the parts of three of them (vote, results; decide, owner), wrap-up: 14 scenes;
    // and the cards of its three pools (4 + 5 + 4).
    CHECK(std::count(result.output.begin(), result.output.end(), '\n') == 14 + 13);
    CHECK_THAT(result.output, Catch::Contains((dir / "innovatie-brainstorm-card5.png").string()));
    CHECK(std::filesystem::file_size(dir / "innovatie-brainstorm-card5.png") > 10'000);
    result = run_kiosk(config + " --screenshot '" + dir.string() + "' --videoframe yoga");
    CHECK(result.exit_code == 2);
    CHECK(result.output == "vitale-kiosk: --videoframe yoga: no such format; --list-videoframes lists them\n");
}

TEST_CASE("A screenshot is a PNG of the size asked, unknown scenes and sizes are refused") {
    kiosk::testing::TempDir temp;
    const auto png = (temp.path() / "lobby.png").string();
    auto result = run_kiosk(k_config + " --screenshot '" + png + "' --scene lobby --size 1280x720");
    CHECK(result.exit_code == 0);
    std::ifstream file{png, std::ios::binary};
    char header[24] = {};
    file.read(header, sizeof header);
    CHECK(std::string(header + 1, 3) == "PNG");
    const auto be32 = [&](int at) {
        return (static_cast<unsigned char>(header[at]) << 24) | (static_cast<unsigned char>(header[at + 1]) << 16) |
               (static_cast<unsigned char>(header[at + 2]) << 8) | static_cast<unsigned char>(header[at + 3]);
    };
    CHECK(be32(16) == 1280);
    CHECK(be32(20) == 720);

    result = run_kiosk(k_config + " --screenshot '" + png + "' --scene nope");
    CHECK(result.exit_code == 2);
    CHECK(result.output == "vitale-kiosk: --scene nope: no such scene; --list-scenes lists the names\n");

    result = run_kiosk(k_config + " --screenshot '" + png + "' --scene idle --size 100x100");
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.output, Catch::StartsWith("vitale-kiosk: --size 100x100: unsupported"));

    result = run_kiosk(k_config + " --screenshot /nonexistent/dir/x.png --scene idle");
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output, Catch::StartsWith("vitale-kiosk: cannot write /nonexistent/dir/x.png"));
}

TEST_CASE("Every scene renders with sample phones, the validation's parts too") {
    // --scene validatie --demo 8 once read the View it had before its sample scores were
    // applied (a reference to a snapshot the engine had replaced) and crashed.
    kiosk::testing::TempDir temp;
    const auto png = (temp.path() / "scene.png").string();
    const auto scenes = run_kiosk("--list-scenes " + k_config).output;
    std::istringstream lines{scenes};
    int rendered = 0;
    for (std::string scene; std::getline(lines, scene);) {
        INFO(scene);
        CHECK(run_kiosk(k_config + " --screenshot '" + png + "' --scene " + scene + " --demo 8 --size 1280x720").exit_code == 0);
        ++rendered;
    }
    CHECK(rendered == 20);
}

TEST_CASE("The English language option shows the English texts") {
    kiosk::testing::TempDir temp;
    const auto png = (temp.path() / "stage.png").string();
    REQUIRE(run_kiosk(k_config + " --lang en --screenshot '" + png + "' --scene probleemstelling").exit_code == 0);
    const auto text = capture("tesseract '" + png + "' - -l eng 2>/dev/null").output;
    CHECK_THAT(text, Catch::Contains("Problem statement"));
    CHECK_THAT(text, Catch::Contains("Stage 2 of 5"));
}

TEST_CASE("The record commands work from any folder: the config from VITALE_KIOSK_CONFIG, the data beside it") {
    kiosk::testing::TempDir temp;
    // A room's copy of the config with data_dir "data": the data is <copy>/../data wherever the
    // command is typed (here from /).
    std::filesystem::copy(KIOSK_SOURCE_DIR "/config", temp.path() / "config", std::filesystem::copy_options::recursive);
    std::filesystem::copy(KIOSK_SOURCE_DIR "/prompts", temp.path() / "prompts", std::filesystem::copy_options::recursive);
    std::filesystem::create_directories(temp.path() / "media");
    std::filesystem::copy(KIOSK_SOURCE_DIR "/media/samples", temp.path() / "media/samples", std::filesystem::copy_options::recursive);
    const std::string env = "VITALE_KIOSK_CONFIG='" + (temp.path() / "config").string() + "'";
    auto result = capture("cd / && env " + env + " '" KIOSK_BINARY "' --check-config 2>&1");
    CHECK(result.exit_code == 0);
    CHECK(result.output == (temp.path() / "config").string() + ": configuration is valid\n");
    result = capture("cd / && env " + env + " '" KIOSK_BINARY "' --sessions 2>&1");
    CHECK(result.exit_code == 2);
    CHECK(result.output == "vitale-kiosk: no journal in " + (temp.path() / "data").string() +
                               "; pass --data DIR with the kiosk's data folder\n");
}

TEST_CASE("The doctor names the folders in use and exits 0 on a PC that is ready for the kiosk") {
    kiosk::testing::TempDir temp;
    const auto config = room_copy(temp.path());
    const auto data = temp.path() / "data";
    std::filesystem::create_directories(data);
    const int port = free_port();
    const auto result = run_doctor(config, data, port);
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.output, Catch::Contains("  config     " + config.string() + " (valid)"));
    CHECK_THAT(result.output, Catch::Contains("  data       " + data.string() + " (writable, "));
    CHECK_THAT(result.output, Catch::Contains("  journal    no journal yet (made at the first start)"));
    CHECK_THAT(result.output, Catch::Contains("  phones     http://kiosk.test:" + std::to_string(port)));
    CHECK_THAT(result.output, Catch::Contains("  port       " + std::to_string(port) + " is free"));
    CHECK_THAT(result.output, Catch::Contains("  AI         manual"));
    CHECK_THAT(result.output, !Catch::Contains("PROBLEM"));
    CHECK_THAT(result.output, Catch::EndsWith("vitale-kiosk --doctor: no problems found\n"));
    // The doctor makes no journal.
    CHECK(std::filesystem::is_empty(data));
}

TEST_CASE("The doctor reports a port another program holds as a problem with its fix, exit 2") {
    kiosk::testing::TempDir temp;
    const auto config = room_copy(temp.path());
    Listener other_program;
    const auto result = run_doctor(config, temp.path(), other_program.port);
    CHECK(result.exit_code == 2);
    const auto port = std::to_string(other_program.port);
    CHECK_THAT(result.output, Catch::Contains("  PROBLEM    port " + port + " is in use\n"
                                              "             fix: another program (or a running kiosk: systemctl stop "
                                              "vitale-kiosk) holds port " + port));
    CHECK_THAT(result.output, Catch::EndsWith("vitale-kiosk --doctor: 1 problem(s); fix them and run --doctor again\n"));
}

TEST_CASE("The doctor names the broken file of a configuration that does not load, and still checks the font, exit 2") {
    kiosk::testing::TempDir temp;
    const auto config = room_copy(temp.path());
    std::ofstream{config / "kiosk.json"} << R"({"room_name": "A", "network": {"port": 0}, "colour": 1})";
    const auto result = run_doctor(config, temp.path(), free_port());
    CHECK(result.exit_code == 2);
    const auto file = (config / "kiosk.json").string();
    CHECK_THAT(result.output, Catch::Contains("  PROBLEM    the configuration has 2 problem(s)\n"
                                              "             " + file + ": network.port: must be between 1 and 65535"));
    CHECK_THAT(result.output, Catch::Contains("fix: edit the files named; vitale-kiosk --check-config shows them"));
    CHECK_THAT(result.output, Catch::Contains("  font       "));
    CHECK_THAT(result.output, !Catch::Contains("  AI "));
}

TEST_CASE("The doctor shows the display's power method and state, PJLink with lamp hours, and a projector it cannot reach as a problem") {
    kiosk::testing::TempDir temp;
    const auto config = room_copy(temp.path());
    const auto file = config / "kiosk.json";
    const auto with_power = [&](int port) {
        std::ifstream in{file};
        auto json = nlohmann::json::parse(in, nullptr, true, true);
        json["display"]["power"] = {{"method", "pjlink"}, {"host", "127.0.0.1"}, {"port", port}};
        std::ofstream{file} << json.dump(2);
    };
    kiosk::testing::PjlinkStandIn projector;
    with_power(projector.port());
    auto result = run_doctor(config, temp.path(), free_port());
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.output, Catch::Contains("  power      pjlink through PJLink 127.0.0.1:" + std::to_string(projector.port()) +
                                              ": the display is "));
    CHECK_THAT(result.output, Catch::Contains(": the display is on; lamp 1: 1234 h (on)\n"));

    with_power(free_port());  // nothing answers there
    result = run_doctor(config, temp.path(), free_port());
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.output, Catch::Contains("  PROBLEM    display power: pjlink through PJLink 127.0.0.1:"));
    CHECK_THAT(result.output, Catch::Contains("fix: check display.power.host and port, that the projector is on the network"));
}

TEST_CASE("The option --network without --doctor is refused, exit 2") {
    const auto result = run_kiosk("--network");
    CHECK(result.exit_code == 2);
    CHECK(result.output == "vitale-kiosk: --network goes with --doctor\n");
}
