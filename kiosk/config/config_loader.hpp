#pragma once
// Loads config/ (kiosk.json, the videoframe library, and strings and phone .<lang>.json for every language)
// and the prompt templates (prompts/proposal.<lang>.txt) into core types. Everything is validated before anything is used; all problems are
// reported together in one ConfigError.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/ai/ai_settings.hpp"
#include "kiosk/ai/prompt_template.hpp"
#include "kiosk/display/power_settings.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/core/library.hpp"
#include "kiosk/core/schedule.hpp"
#include "kiosk/core/strings.hpp"

namespace kiosk {

inline const std::vector<std::string> k_languages{"nl", "en"};

struct DisplaySettings {
    bool fullscreen = true;
    int width = 1920;   // window size when not fullscreen
    int height = 1080;
    display::PowerSettings power;  // how the display sleeps at night ("power")
};

// The coffee corner between sessions (kiosk.json "coffee"); moderation and limits are in
// SessionRules::coffee, where the engine reads them.
struct CoffeeSettings {
    int rotate_seconds = 20;   // each panel's time on screen
    bool group_first = true;   // question_source "group_first": the group's question when there is one
    OpeningHours hours;        // outside them the screen sleeps; empty = always
    std::optional<int> display;  // SDL display index for a second window showing only the coffee corner
};

struct Settings {
    std::string room_name;
    std::string language = "nl";
    std::string default_videoframe;  // the format a session uses when nobody chooses ("" = werksituatie)
    DisplaySettings display;
    int port = 8080;
    std::string public_url;  // overrides the detected LAN address in the QR when set
    std::string data_dir;  // "" when kiosk.json names none (then /var/lib/vitale-kiosk)
    int retention_days = 365;  // finished sessions older than this are forgotten (at start, then daily)
    TimerRules timers;
    SessionRules session;             // kiosk.json "phones"
    int phone_requests_per_minute = 60;  // per phone, beyond a short burst
    int joins_per_address = 3;           // participants one network address may add to a session
    int connections_per_address = 16;    // open connections one network address may hold
    int wrong_code_budget = 200;         // wrong join codes per session before typing closes
    bool chime = true;
    std::vector<Slot> slots;
    bool open_at_slot = true;         // the idle screen opens the lobby when a slot starts
    Trajectory trajectory;            // "week 7 van 20"
    CoffeeSettings coffee;            // kiosk.json "coffee"
    ai::Settings ai;                  // kiosk.json "ai"
    std::string prompts_dir = "../prompts";  // relative to the config folder
    std::string media_dir = "../media";      // the formats' clips, pictures and sounds; relative to the config folder
};

// What the package installs beside /etc/vitale-kiosk: the default config, prompts/, fonts/ and
// media/. A relative prompts_dir (and fonts/) not found beside the config folder is taken from
// here, as if the config folder were /usr/share/vitale-kiosk/config.
inline const std::filesystem::path k_system_share_dir = "/usr/share/vitale-kiosk";

// RELATIVE taken from the config folder DIR; when nothing is there, from the installed default
// config folder (k_system_share_dir/config). Absolute paths are kept.
std::filesystem::path beside_config(const std::filesystem::path& dir, const std::filesystem::path& relative,
                                    const std::filesystem::path& share_dir = k_system_share_dir);

struct Config {
    std::filesystem::path dir;
    Settings settings;
    std::shared_ptr<const Library> library;  // the videoframes in settings.language, drafts too
    std::shared_ptr<const Content> content;  // the library's default format
    std::vector<std::string> notes;          // for the log at start: an older config read as it is
    Strings strings;                          // in settings.language
    Strings phone_strings;                    // the phone page's texts, in settings.language
    ai::PromptTemplate prompt;                // prompts/proposal.<language>.txt
    std::filesystem::path media_dir;          // settings.media_dir, found (beside_config)
};

// Throws ConfigError listing every problem. `language` overrides kiosk.json's language.
Config load_config(const std::filesystem::path& dir,
                   const std::optional<std::string>& language = std::nullopt);

// One line of --list-videoframes: a format of the library with its title in `language`.
struct VideoframeListing {
    std::string id, title, status;
    std::vector<std::string> languages;  // the languages it has a file in
};
// Every format of the library in `dir` (throws ConfigError like load_config).
std::vector<VideoframeListing> list_videoframes(const std::filesystem::path& dir, const std::string& language);

// The same checks without throwing: every problem in every file, empty when all is well.
std::vector<std::string> check_config(const std::filesystem::path& dir);

}  // namespace kiosk
