#include "kiosk/tools/doctor.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <cstdio>
#include <iomanip>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "kiosk/ai/ai_client.hpp"
#include "kiosk/ai/ai_settings.hpp"
#include "kiosk/display/display_switch.hpp"
#include "kiosk/config/config_location.hpp"
#include "kiosk/core/local_time.hpp"
#include "kiosk/system/version.hpp"
#include "kiosk/config/config_error.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/net/phone_address.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/screen/sdl_probe.hpp"
#include "kiosk/ui/font_locator.hpp"

namespace kiosk::tools {

namespace {

namespace fs = std::filesystem;

constexpr int k_exit_fine = 0, k_exit_problems = 2;
// Below this the journal may soon refuse what phones send (a session writes a few MB at most).
constexpr std::uintmax_t k_min_free_bytes = std::uintmax_t{100} * 1024 * 1024;
// A missing config folder gives one line per file: the rest are left to --check-config.
constexpr std::size_t k_config_lines_shown = 8;
// The AI question of --network: long enough for a service that is up, short for one that is not.
constexpr int k_ai_seconds = 10;

// The doctor's screen: a line per thing in use, each problem with its fix, and their count.
// Used by run_doctor's thread only.
class DoctorReport {
public:
    explicit DoctorReport(std::ostream& out) : m_out{out} {}

    // "  config     /etc/vitale-kiosk (valid)"
    void line(const std::string& label, const std::string& text) {
        const std::size_t padding = label.size() < k_column ? k_column - label.size() : std::size_t{1};
        m_out << "  " << label << std::string(padding, ' ') << text << '\n';
    }
    // A line in the text column under the one before.
    void more(const std::string& text) { m_out << std::string(k_column + 2, ' ') << text << '\n'; }

    void problem(const std::string& what, const std::string& fix, const std::vector<std::string>& details = {}) {
        ++m_problems;
        line("PROBLEM", what);
        for (const auto& detail : details) more(detail);
        more("fix: " + fix);
    }
    // The kiosk's own error messages say "what; fix" or "what: fix": split them so.
    void problem_in(const std::string& message, const std::string& fallback_fix) {
        for (const char* separator : {"; ", ": "}) {
            if (const auto at = message.find(separator); at != std::string::npos) {
                problem(message.substr(0, at), message.substr(at + 2));
                return;
            }
        }
        problem(message, fallback_fix);
    }

    int problems() const { return m_problems; }

private:
    static constexpr std::size_t k_column = 11;  // "PROBLEM" and the labels, padded
    std::ostream& m_out;
    int m_problems = 0;
};

std::string user_name() {
    if (const passwd* entry = ::getpwuid(::geteuid()); entry && entry->pw_name) return entry->pw_name;
    return "uid " + std::to_string(::geteuid());
}

bool has_env(const char* name) {
    const char* value = std::getenv(name);
    return value && *value;
}

// "512 kB", "87 MB", "12.3 GB"
std::string size_text(std::uintmax_t bytes) {
    constexpr std::uintmax_t k_mb = std::uintmax_t{1024} * 1024, k_gb = k_mb * 1024;
    if (bytes >= k_gb) {
        std::ostringstream text;
        text << std::fixed << std::setprecision(1) << static_cast<double>(bytes) / static_cast<double>(k_gb) << " GB";
        return text.str();
    }
    if (bytes >= k_mb) return std::to_string(bytes / k_mb) + " MB";
    return std::to_string((bytes + 1023) / 1024) + " kB";
}

// ---- the configuration ------------------------------------------------------------------

// The configuration in `dir`, or nullopt (its problems reported) when it does not load.
std::optional<Config> check_configuration(DoctorReport& report, const fs::path& dir,
                                          const std::optional<std::string>& language) {
    std::vector<std::string> problems = check_config(dir);
    std::optional<Config> config;
    if (problems.empty()) {
        try {
            config = load_config(dir, language);
        } catch (const ConfigError& failure) {
            problems = failure.problems();
        }
    }
    if (config) {
        report.line("config", dir.string() + " (valid)");
        return config;
    }
    report.line("config", dir.string());
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < problems.size() && i < k_config_lines_shown; ++i) shown.push_back(problems[i]);
    if (problems.size() > shown.size()) shown.push_back("... and " + std::to_string(problems.size() - shown.size()) + " more");
    report.problem("the configuration has " + std::to_string(problems.size()) + " problem(s)",
                   "edit the files named; vitale-kiosk --check-config shows them", shown);
    report.line("skipped", "data, journal, phones and AI: they need the configuration");
    return std::nullopt;
}

// ---- the data folder and the journal ----------------------------------------------------

// `dir` when it exists, else the nearest folder above it that does (where the kiosk makes it).
fs::path existing_ancestor(fs::path dir) {
    std::error_code ignored;
    while (!fs::exists(dir, ignored) && dir.has_relative_path()) dir = dir.parent_path();
    return dir;
}

void report_unwritable(DoctorReport& report, const fs::path& dir, const fs::path& folder) {
    const std::string user = user_name();
    if (folder != dir) {
        report.problem(dir.string() + " cannot be made by user " + user + " (" + folder.string() + " is not writable)",
                       "sudo install -d -o vitale -m 700 " + dir.string() + ", or pass --data DIR");
        return;
    }
    const std::string give_to_vitale = "chown vitale: " + dir.string();
    report.problem(dir.string() + " is not writable for user " + user,
                   user == "vitale" ? "sudo " + give_to_vitale
                                    : "run as the user vitale (sudo -u vitale vitale-kiosk --doctor) or " + give_to_vitale);
}

// Where the kiosk keeps its journal and exports: a folder (or one it can make), writable by
// this user, with room. True when it exists and this user can write there.
bool check_data(DoctorReport& report, const fs::path& given) {
    std::error_code ignored;
    fs::path dir = given.is_absolute() ? given : fs::absolute(given, ignored);
    if (!dir.has_filename()) dir = dir.parent_path();  // "data/" is "data"
    const fs::path folder = existing_ancestor(dir);
    if (!fs::is_directory(folder, ignored)) {
        report.problem(folder.string() + " is not a folder", "pass --data DIR or change data_dir in kiosk.json");
        return false;
    }
    const bool exists = folder == dir;
    const bool writable = ::access(folder.c_str(), W_OK | X_OK) == 0;
    std::error_code space_error;
    const auto room = fs::space(folder, space_error);
    std::string text = dir.string() + " (";
    if (!exists) text += "not there yet, made at the first start; ";
    text += writable ? "writable" : "not writable";
    text += space_error ? ")" : ", " + size_text(room.available) + " free)";
    report.line("data", text);
    if (!writable) report_unwritable(report, dir, folder);
    if (!space_error && room.available < k_min_free_bytes)
        report.problem("only " + size_text(room.available) + " free for " + dir.string(),
                       "make room on that disk, or point data_dir in kiosk.json (or --data DIR) to a disk with at "
                       "least 100 MB free");
    return exists && writable;
}

// The journal as --sessions reads it: its size and sessions. Opened only when it is there
// (the doctor never makes one) and this user may write the folder (SQLite's WAL needs that).
void check_journal(DoctorReport& report, const fs::path& data_dir, bool usable) {
    const fs::path file = data_dir / store::Journal::k_file_name;
    std::error_code look_error;
    const bool exists = fs::exists(file, look_error);
    if (look_error) {
        report.line("journal", "not looked at: user " + user_name() + " cannot look into " + data_dir.string());
        return;
    }
    if (!exists) {
        report.line("journal", "no journal yet (made at the first start)");
        return;
    }
    std::error_code size_error;
    const auto bytes = fs::file_size(file, size_error);
    const std::string name = file.filename().string() + ", " + (size_error ? std::string{"size unknown"} : size_text(bytes));
    if (!usable) {
        report.line("journal", name + " (sessions not counted: the folder is not writable for this user)");
        return;
    }
    if (const auto owner = foreign_owner_for_root(data_dir)) {
        // Opening it as root could leave root's -wal/-shm files that lock the kiosk out.
        report.line("journal", name + " (not opened as root; sudo -u " + *owner + " vitale-kiosk --doctor counts its sessions)");
        return;
    }
    try {
        const store::Journal journal{data_dir};
        const auto sessions = journal.sessions();
        std::string text = name + ", " + std::to_string(sessions.size()) + " session(s)";
        if (!sessions.empty()) {
            text += ", the last " + local_text(WallTime{Millis{sessions.back().opened_wall_ms}});
            if (!sessions.back().closed_seq) text += " (open)";
        }
        report.line("journal", text);
        if (journal.notice()) report.more(*journal.notice());
    } catch (const store::NewerSchemaError&) {
        report.problem(file.string() + " was written by a newer vitale-kiosk (this one knows schema " +
                           std::to_string(store::Journal::k_schema_version) + " and leaves it untouched)",
                       "install the newer vitale-kiosk again");
    } catch (const store::StoreError& failure) {
        report.problem(failure.what(), "check the data folder's owner and rights: ls -la " + data_dir.string());
    }
}

// ---- the phones: URL and port -----------------------------------------------------------

// The lowest port a user other than root may listen on (Linux's sysctl; 1024 unless changed).
int first_unprivileged_port() {
    std::ifstream file{"/proc/sys/net/ipv4/ip_unprivileged_port_start"};
    int port = 1024;
    if (!(file >> port)) return 1024;
    return port;
}

// 0 when this user could take the port now (as the kiosk does: all interfaces, SO_REUSEADDR),
// else the errno of bind().
int port_bind_error(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return errno;
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const int error = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 ? 0 : errno;
    ::close(fd);
    return error;
}

// The inodes of the sockets listening on PORT (from /proc/net/tcp and tcp6).
std::vector<std::string> listening_inodes(int port) {
    std::vector<std::string> inodes;
    char hex_port[16];
    std::snprintf(hex_port, sizeof hex_port, "%04X", static_cast<unsigned>(port));
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        std::ifstream file{table};
        std::string line;
        std::getline(file, line);  // the header
        while (std::getline(file, line)) {
            std::istringstream fields{line};
            std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
            fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >> timeout >> inode;
            if (state == "0A" && local.size() > 5 && local.substr(local.size() - 4) == hex_port) inodes.push_back(inode);
        }
    }
    return inodes;
}

// Whether PORT is held by a vitale-kiosk process (the service, most likely): then it is the
// kiosk's own port, not a problem. Needs to see that process's sockets (root, or its user).
bool port_held_by_kiosk(int port) {
    const auto inodes = listening_inodes(port);
    if (inodes.empty()) return false;
    // Processes come and go while this runs: every step takes an error code, none throws.
    std::error_code error;
    for (fs::directory_iterator process{"/proc", error}, end; !error && process != end; process.increment(error)) {
        const auto pid = process->path().filename().string();
        // Not this process: a socket it inherited is not the running kiosk's.
        if (pid.find_first_not_of("0123456789") != std::string::npos || std::stol(pid) == ::getpid()) continue;
        std::ifstream comm{process->path() / "comm"};
        std::string command;
        if (!std::getline(comm, command) || command != "vitale-kiosk") continue;
        std::error_code fd_error;
        for (fs::directory_iterator fd{process->path() / "fd", fd_error}, fds_end; !fd_error && fd != fds_end; fd.increment(fd_error)) {
            std::error_code link_error;
            const auto target = fs::read_symlink(fd->path(), link_error).string();
            for (const auto& inode : inodes)
                if (target == "socket:[" + inode + "]") return true;
        }
    }
    return false;
}

void check_port(DoctorReport& report, int port) {
    const std::string number = std::to_string(port);
    const std::string other_port = "use a port above 1023: network.port in kiosk.json, e.g. 8080";
    if (port == 0) {
        report.line("port", "0: any free port, chosen at each start");
        return;
    }
    if (port < first_unprivileged_port() && ::geteuid() != 0) {
        report.problem("port " + number + " is for root only; the kiosk runs as an ordinary user", other_port);
        return;
    }
    const int error = port_bind_error(port);
    if (error == 0)
        report.line("port", number + " is free");
    else if (error == EADDRINUSE && port_held_by_kiosk(port))
        report.line("port", number + " is held by the running kiosk (systemctl status vitale-kiosk)");
    else if (error == EADDRINUSE)
        report.problem("port " + number + " is in use",
                       "another program (or a running kiosk: systemctl stop vitale-kiosk) holds port " + number +
                           "; stop it or change network.port in kiosk.json");
    else if (error == EACCES)
        report.problem("port " + number + " needs administrator rights", other_port);
    else
        report.problem("cannot use port " + number + ": " + std::strerror(error), other_port);
}

// The URL the QR code shows, worked out as room_for does (without its warning on stderr).
void check_phones(DoctorReport& report, const Settings& settings, int port) {
    const auto lan = settings.public_url.empty() ? net::detect_lan_ipv4() : std::nullopt;
    const auto url = net::phone_url(settings.public_url, port, lan);
    if (settings.public_url.empty() && !lan)
        report.problem("no network address: the QR code would show " + url + ", which phones cannot reach",
                       "connect the PC to the network or set network.public_url in kiosk.json");
    else
        report.line("phones", url + (settings.public_url.empty() ? " (this PC's LAN address)" : " (network.public_url)"));
    check_port(report, port);
}

// ---- display, font, audio ---------------------------------------------------------------

void check_screens(DoctorReport& report, const screen::ScreenFound& found, std::optional<int> coffee_display) {
    const int displays = std::max(found.displays, 0);
    std::string text = found.driver + ", " + std::to_string(displays) + " display(s)";
    if (found.first) text += ", the first " + std::to_string(found.first->width) + "x" + std::to_string(found.first->height);
    report.line("display", text);
    if (coffee_display && *coffee_display >= found.displays)
        report.problem("the coffee corner's display " + std::to_string(*coffee_display) + " is not there (this PC has " +
                           std::to_string(displays) + " display(s); 0 is the first)",
                       "connect that screen, or set coffee.display in kiosk.json to -1 (none) or a display that is there");
}

// The screen SDL gives the kiosk, opened as screen_loop opens it. Over ssh there is none, and
// that is no problem: the service has one.
void check_display(DoctorReport& report, const screen::ScreenFound& found, std::optional<int> coffee_display) {
    if (found.started && !found.invisible()) {
        check_screens(report, found, coffee_display);
    } else if (found.started && has_env("SDL_VIDEODRIVER")) {
        report.line("display", found.driver + " (asked for by SDL_VIDEODRIVER: nothing shows on a screen)");
    } else if (!has_env("DISPLAY") && !has_env("WAYLAND_DISPLAY")) {
        report.line("display", "none here (run under the service: systemctl status vitale-kiosk)");
    } else {
        report.problem("DISPLAY or WAYLAND_DISPLAY is set, but SDL finds no screen there" +
                           (found.error.empty() ? std::string{} : " (" + found.error + ")"),
                       "run it in the room's session as its user; under cage: SDL_VIDEODRIVER=wayland vitale-kiosk --doctor");
    }
}

// How the display sleeps at night (display.power), and for a switch the display's state now.
void check_display_power(DoctorReport& report, const display::PowerSettings& power) {
    const std::string method{display::to_string(power.method)};
    if (power.method == display::PowerMethod::None) return report.line("power", "none: at night a black frame on a lit display");
    if (power.method == display::PowerMethod::Dpms)
        return report.line("power", "dpms: X11 DPMS when the kiosk draws on X11; under cage (Wayland) there is none and the "
                                             "night is a black frame on a lit display (display.power: pjlink, cec or ddc)");
    const auto device = display::make_switch(power);
    const auto state = device->state();
    if (state.state == display::PowerState::Unknown) {
        const std::string fix = power.method == display::PowerMethod::Pjlink
                                    ? "check display.power.host and port, that the projector is on the network with PJLink on "
                                      "(and its network standby), and display.power.password"
                                : power.method == display::PowerMethod::Cec
                                    ? "connect a CEC adapter (or use a port with CEC), or choose another display.power.method"
                                    : "load i2c-dev, give the kiosk's user /dev/i2c-* (the package's udev rule), switch DDC/CI on "
                                      "in the monitor's menu, or choose another display.power.method";
        return report.problem("display power: " + method + " through " + device->name() + ": " + state.error, fix);
    }
    report.line("power", method + " through " + device->name() + ": the display is " + std::string{display::to_string(state.state)} +
                                     (state.detail.empty() ? "" : "; " + state.detail));
}

// The font the screen is drawn with, from the same folders the kiosk looks in.
void check_font(DoctorReport& report, const fs::path& config_dir) {
    try {
        const auto fonts = ui::locate_fonts(fonts_dir(config_dir));
        report.line("font", fonts.family + " (" + fonts.regular.string() + ")");
    } catch (const ui::FontError& failure) {
        report.problem_in(failure.what(), "install fonts-inter");
    }
}

// Sound for the chime. Never a problem: without it the kiosk runs silently. `chime` is
// kiosk.json's, unknown when the configuration does not load.
void check_audio(DoctorReport& report, const screen::SoundFound& found, std::optional<bool> chime) {
    const int outputs = found.outputs;
    std::string text = !found.started ? "none (" + found.error + ")"
                                      : (found.driver.empty() ? std::string{"unknown driver"} : found.driver) + ", " +
                                            (outputs < 0 ? std::string{"outputs not listed"} : std::to_string(outputs) + " output(s)");
    if (chime && !*chime) text += "; the chime is off in kiosk.json";
    else if (chime && outputs == 0) text += "; note: the chime stays silent (the kiosk runs without sound)";
    else if (chime) text += " for the chime";
    report.line("audio", text);
}

// ---- the AI service ---------------------------------------------------------------------

bool needs_key(const ai::Settings& settings) {
    return settings.provider == ai::Provider::Anthropic || !settings.deployment.empty() ||
           settings.base_url.find("api.openai.com") != std::string::npos;
}

// The API key as the kiosk reads it ("" for a service that needs none); nullopt, with the
// problem reported, when it needs one that cannot be had.
std::optional<std::string> check_key(DoctorReport& report, const ai::Settings& settings) {
    if (settings.api_key_env.empty() && settings.api_key_file.empty()) {
        if (!needs_key(settings)) {
            report.more("no key (a local service needs none)");
            return std::string{};
        }
        report.problem("no API key for " + settings.base_url,
                       "set ai.api_key_env (the NAME of an environment variable, e.g. \"OPENAI_API_KEY\") or "
                       "ai.api_key_file in kiosk.json");
        return std::nullopt;
    }
    try {
        std::optional<std::string> key = ai::read_api_key(settings);
        report.more(settings.api_key_env.empty() ? "key from " + settings.api_key_file
                                                 : "key from $" + settings.api_key_env + " (set here)");
        return key;
    } catch (const std::runtime_error& failure) {
        if (settings.api_key_env.empty()) {
            report.problem_in(failure.what(), "check ai.api_key_file in kiosk.json");
        } else {
            // The service's environment is not this shell's: say where the service gets it.
            report.problem("$" + settings.api_key_env + " (ai.api_key_env) is not set here",
                           "export it before --doctor; the service gets it from Environment= or EnvironmentFile= "
                           "(sudo systemctl edit vitale-kiosk)");
        }
        return std::nullopt;
    }
}

std::string ai_fix(const std::string& failure, const ai::Settings& settings) {
    if (failure == "dns" || failure == "refused" || failure == "timeout")
        return "check ai.base_url and that this PC reaches it (a proxy, a firewall?): curl -sI " + settings.base_url;
    if (failure == "http_401" || failure == "http_403") return "check the API key (ai.api_key_env or ai.api_key_file)";
    if (failure == "http_404") return "check ai.model (or ai.deployment) and ai.base_url in kiosk.json";
    return "check ai.base_url, ai.model and the key in kiosk.json";
}

// One small real question with little patience: does the service answer at all?
void ask_ai(DoctorReport& report, const ai::Settings& settings, const std::string& key) {
    ai::Settings quick = settings;
    quick.timeout_seconds = quick.first_byte_seconds = quick.stall_seconds = k_ai_seconds;
    quick.connect_seconds = std::min(settings.connect_seconds, k_ai_seconds);
    quick.retries = 0;
    quick.max_words = 50;  // the least the client allows: a longer answer is cut, and still an answer
    const ai::AiClient client{quick, key};
    ai::Prompt prompt;
    prompt.system = "This is a check that the service answers. Reply with the single word OK.";
    prompt.user = "Are you there?";
    prompt.shown = prompt.system + "\n\n" + prompt.user;
    std::string answer;
    const std::atomic<bool> never_cancelled{false};
    const auto started = std::chrono::steady_clock::now();
    const auto outcome = client.ask(prompt, [&answer](const std::string& piece) { answer += piece; }, never_cancelled);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (outcome.complete || !answer.empty()) {
        report.more("answers (" + std::to_string(ms) + " ms)");
        return;
    }
    report.problem("the AI service does not answer: " + outcome.failure +
                       (outcome.detail.empty() ? std::string{} : " (" + outcome.detail + ")"),
                   ai_fix(outcome.failure, settings));
}

void check_ai(DoctorReport& report, const ai::Settings& settings, bool network) {
    const std::string provider = ai::provider_name(settings.provider);
    if (settings.provider == ai::Provider::Manual) {
        report.line("AI", provider + " (the group copies the prompt into its own assistant; nothing to reach)");
        return;
    }
    const std::string model = settings.deployment.empty() ? settings.model : "deployment " + settings.deployment;
    report.line("AI", provider + ", " + model + " at " + settings.base_url);
    const auto key = check_key(report, settings);
    if (!key) return;
    if (network) ask_ai(report, settings, *key);
    else report.more("(not contacted; --doctor --network asks it)");
}

// The checks that need SDL, which ends when they are done.
void check_screen_and_sound(DoctorReport& report, const DoctorRequest& request, const std::optional<Config>& config,
                            const fs::path& config_dir) {
    screen::SdlProbe sdl;
    std::optional<int> coffee_display = request.coffee_display;
    if (!coffee_display && config) coffee_display = config->settings.coffee.display;
    check_display(report, sdl.screens(), coffee_display);
    check_font(report, config_dir);
    check_audio(report, sdl.sound(), config ? std::optional<bool>{config->settings.chime} : std::nullopt);
}

}  // namespace

int run_doctor(const DoctorRequest& request, std::ostream& out) {
    DoctorReport report{out};
    out << "vitale-kiosk " << k_version << " --doctor, as user " << user_name() << '\n';
    if (::geteuid() == 0)
        report.line("note", "as root every folder is writable; sudo -u vitale vitale-kiosk --doctor checks as the service");
    const fs::path config_dir = find_config_dir(request.config_dir, config_places());
    const auto config = check_configuration(report, config_dir, request.language);
    if (config) {
        const fs::path data_dir = find_data_dir(request.data_dir, *config);
        const bool data_usable = check_data(report, data_dir);
        check_journal(report, data_dir, data_usable);
        check_phones(report, config->settings, request.port.value_or(config->settings.port));
        check_display_power(report, config->settings.display.power);
    }
    check_screen_and_sound(report, request, config, config_dir);
    if (config) check_ai(report, config->settings.ai, request.network);

    if (report.problems() == 0) {
        out << "vitale-kiosk --doctor: no problems found\n";
        return k_exit_fine;
    }
    out << "vitale-kiosk --doctor: " << report.problems() << " problem(s); fix them and run --doctor again\n";
    return k_exit_problems;
}

}  // namespace kiosk::tools
