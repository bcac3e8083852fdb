#include "kiosk/config/config_loader.hpp"

#include "kiosk/config/config_error.hpp"
#include "kiosk/config/json_reader.hpp"
#include "kiosk/config/videoframe_reader.hpp"

#include <algorithm>
#include <fstream>
#include <map>

#include "kiosk/core/text_rules.hpp"

namespace kiosk {

namespace {

std::optional<int> parse_hhmm(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (const int i : {0, 1, 3, 4})
        if (text[static_cast<std::size_t>(i)] < '0' || text[static_cast<std::size_t>(i)] > '9')
            return std::nullopt;
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59) return std::nullopt;
    return hours * 60 + minutes;
}

std::vector<Slot> read_slots(ObjectReader& top, const std::string& file, Problems& problems, Settings& settings) {
    std::vector<Slot> slots;
    const Json* schedule = top.object("schedule", false);
    if (!schedule) return slots;
    ObjectReader reader{*schedule, file, "schedule", problems};
    reader.read("open_at_slot", settings.open_at_slot);
    if (const Json* trajectory = reader.object("trajectory", false)) {
        ObjectReader inner{*trajectory, file, "schedule.trajectory", problems};
        const auto start = inner.text("start", "", 10);
        settings.trajectory.start = parse_date(start);
        if (!start.empty() && settings.trajectory.start == 0)
            inner.problem("start", "must be a date as \"YYYY-MM-DD\", e.g. \"2026-09-07\" (the Monday the trajectory begins)");
        inner.read("weeks", 1, 260, settings.trajectory.weeks);
    }
    static const std::vector<std::string> days{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    const std::string shape = "like {\"day\": \"mon\", \"start\": \"09:00\", \"end\": \"10:00\"}";
    reader.each_object("slots", false, 0, 28, shape, [&](ObjectReader& item, std::size_t) {
        Slot slot;
        const auto day = item.choice("day", days);
        slot.weekday = static_cast<int>(std::find(days.begin(), days.end(), day) - days.begin());
        const auto start = parse_hhmm(item.text("start"));
        const auto end = parse_hhmm(item.text("end"));
        if (!start) item.problem("start", "must be a time as \"HH:MM\", e.g. \"09:00\"");
        if (!end) item.problem("end", "must be a time as \"HH:MM\", e.g. \"10:00\"");
        if (start && end && *end <= *start) item.problem("end", "must be later than start");
        slot.videoframe = item.text("videoframe", "", 40);
        if (start && end) {
            slot.start_minute = *start;
            slot.end_minute = *end;
            slots.push_back(slot);
        }
    });
    return slots;
}

ai::Settings read_ai(ObjectReader& top, const std::string& file, Problems& problems, std::string& prompts_dir) {
    ai::Settings ai;
    const Json* json = top.object("ai", false);
    if (!json) return ai;
    ObjectReader reader{*json, file, "ai", problems};
    reader.read("provider", ai::provider_names(), ai.provider);
    const std::string provider = ai::provider_name(ai.provider);
    const bool remote = ai.provider != ai::Provider::Manual;
    const std::string default_url = ai.provider == ai::Provider::Anthropic ? "https://api.anthropic.com/v1"
                                    : remote                               ? "https://api.openai.com/v1"
                                                                           : "";
    ai.base_url = reader.text("base_url", default_url, 300);
    reader.read("model", ai.model, 120);
    reader.read("api_key_env", ai.api_key_env, 100);
    reader.read("api_key_file", ai.api_key_file, 400);
    reader.read("deployment", ai.deployment, 120);
    reader.read("api_version", ai.api_version, 40);
    reader.read("timeout_seconds", 5, 900, ai.timeout_seconds);
    reader.read("connect_seconds", 1, 120, ai.connect_seconds);
    reader.read("first_byte_seconds", 1, 900, ai.first_byte_seconds);
    reader.read("stall_seconds", 1, 900, ai.stall_seconds);
    reader.read("retries", 0, 5, ai.retries);
    reader.read("constraints_seconds", 0, 900, ai.constraints_seconds);
    reader.read("max_words", 50, 2000, ai.max_words);
    reader.read("prompts_dir", prompts_dir, 400);
    const auto& url = ai.base_url;
    if (remote && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        reader.problem("base_url", "must start with http:// or https://, e.g. \"http://localhost:11434/v1\" for Ollama");
    if (remote && ai.model.empty() && ai.deployment.empty())
        reader.problem("model", "names the model to ask, e.g. \"llama3.1\" or \"claude-sonnet-4-5\"; required for \"" + provider + "\"");
    if (!ai.deployment.empty() && ai.provider != ai::Provider::OpenAi)
        reader.problem("deployment", "is for Azure OpenAI; use it with \"provider\": \"openai\"");
    if (!ai.deployment.empty() && ai.api_version.empty())
        reader.problem("api_version", "is required with \"deployment\" (Azure OpenAI), e.g. \"2024-06-01\"");
    if (!ai.api_key_env.empty() && !ai.api_key_file.empty())
        reader.problem("api_key_file", "and api_key_env are both set; keep one");
    if (ai.api_key_env.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
        reader.problem("api_key_env", "is the NAME of an environment variable (letters, digits, _), not the key itself");
    if (ai.provider == ai::Provider::Anthropic && ai.api_key_env.empty() && ai.api_key_file.empty())
        reader.problem("api_key_env", "is required for \"anthropic\": name the environment variable that holds the key, e.g. \"ANTHROPIC_API_KEY\"");
    return ai;
}

// "mon-fri": "07:30-18:00" (or a list of such ranges) per day or day range.
void read_hours(const Json& json, const std::string& file, Problems& problems, OpeningHours& hours) {
    static const std::vector<std::string> days{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    const auto day_index = [&](const std::string& name) {
        return static_cast<int>(std::find(days.begin(), days.end(), name) - days.begin());
    };
    const std::string fix = "write it like {\"mon-fri\": \"07:30-18:00\", \"sat\": \"09:00-12:00\"}";
    for (const auto& [key, value] : json.items()) {
        const std::string where = "coffee.hours." + key;
        const auto dash = key.find('-');
        const int first = day_index(key.substr(0, dash));
        const int last = dash == std::string::npos ? first : day_index(key.substr(dash + 1));
        if (first > 6 || last > 6 || last < first) {
            problems.add(file, where, "is not a day or a day range (mon, tue, ... sun, or e.g. mon-fri); " + fix);
            continue;
        }
        std::vector<std::string> ranges;
        if (value.is_string()) ranges.push_back(value.get<std::string>());
        else if (value.is_array() && std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_string(); }))
            for (const auto& item : value) ranges.push_back(item.get<std::string>());
        else {
            problems.add(file, where, "must be a time range like \"07:30-18:00\" or a list of them; " + fix);
            continue;
        }
        for (const auto& range : ranges) {
            const auto start = range.size() == 11 && range[5] == '-' ? parse_hhmm(range.substr(0, 5)) : std::nullopt;
            const auto end = range.size() == 11 && range[5] == '-' ? parse_hhmm(range.substr(6)) : std::nullopt;
            if (!start || !end || *end <= *start) {
                problems.add(file, where, "\"" + range + "\" must be \"HH:MM-HH:MM\" with the end later than the start "
                                          "(a night over midnight is two ranges on two days)");
                continue;
            }
            for (int day = first; day <= last; ++day) hours.days[static_cast<std::size_t>(day)].emplace_back(*start, *end);
        }
    }
}

void read_coffee(ObjectReader& top, const std::string& file, Problems& problems, Settings& settings) {
    const Json* json = top.object("coffee", false);
    if (!json) return;
    ObjectReader reader{*json, file, "coffee", problems};
    auto& coffee = settings.coffee;
    reader.read("rotate_seconds", 5, 600, coffee.rotate_seconds);
    reader.read("question_source", {{"group_first", true}, {"rotation", false}}, coffee.group_first);
    reader.read("moderation", moderation_names(), settings.session.coffee.moderation);
    if (const Json* hours = reader.object("hours", false)) read_hours(*hours, file, problems, coffee.hours);
    // An SDL display index (0 is the first screen); -1 or absent: no second screen.
    if (const int display = reader.integer("display", -1, 15, -1); display >= 0) coffee.display = display;
}

// display.power: how the display sleeps at night; only what the method needs may be given.
void read_power(const Json& json, const std::string& file, Problems& problems, display::PowerSettings& power) {
    using display::PowerMethod;
    ObjectReader reader{json, file, "display.power", problems};
    reader.read("method", display::power_method_names(), power.method);
    const std::string method{display::to_string(power.method)};
    reader.read("warmup_seconds", 0, 600, power.warmup_seconds);
    reader.read("host", power.host, 253);
    reader.read("port", 1, 65535, power.port);
    reader.read("password", power.password, 32);  // PJLink passwords are at most 32 characters
    if (power.method == PowerMethod::Pjlink) {
        if (power.host.empty())
            reader.problem("host", "is needed for \"pjlink\": the projector's address, e.g. \"192.168.1.40\" or \"beamer-zaal3\"");
        else if (power.host.find_first_of(" /\t\r\n") != std::string::npos)
            reader.problem("host", "must be an address or a name without spaces or slashes, e.g. \"192.168.1.40\"");
    } else {
        for (const char* only_pjlink : {"host", "port", "password"})
            if (json.contains(only_pjlink))
                reader.problem(only_pjlink, "is only for \"method\": \"pjlink\"; remove it (method is \"" + method + "\")");
    }
}

void read_display(ObjectReader& top, const std::string& file, Problems& problems, Settings& settings) {
    const Json* display = top.object("display", false);
    if (!display) return;
    ObjectReader reader{*display, file, "display", problems};
    reader.read("fullscreen", settings.display.fullscreen);
    reader.read("width", 640, 7680, settings.display.width);
    reader.read("height", 480, 4320, settings.display.height);
    if (const Json* power = reader.object("power", false)) read_power(*power, file, problems, settings.display.power);
}

void read_network(ObjectReader& top, const std::string& file, Problems& problems, Settings& settings) {
    const Json* network = top.object("network", false);
    if (!network) return;
    ObjectReader reader{*network, file, "network", problems};
    reader.read("port", 1, 65535, settings.port);
    reader.read("public_url", settings.public_url, 200);
    const auto& url = settings.public_url;
    if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        reader.problem("public_url", "must start with http:// or https:// (or be \"\" to detect the LAN address)");
    else if (url.find_first_of(" \t\r\n") != std::string::npos)
        reader.problem("public_url", "must not contain spaces");
}

void read_phones(ObjectReader& top, const std::string& file, Problems& problems, Settings& settings) {
    const Json* phones = top.object("phones", false);
    if (!phones) return;
    ObjectReader reader{*phones, file, "phones", problems};
    auto& session = settings.session;
    reader.read("max_participants", 1, 500, session.max_participants);
    reader.read("max_text", 20, 1000, session.max_text);
    reader.read("show_names", session.show_names);
    reader.read("advance_when_all_ready", session.advance_when_all_ready);
    reader.read("requests_per_minute", 10, 6000, settings.phone_requests_per_minute);
    reader.read("joins_per_address", 1, 500, settings.joins_per_address);
    reader.read("connections_per_address", 4, 1000, settings.connections_per_address);
    reader.read("wrong_code_budget", 10, 100000, settings.wrong_code_budget);
    int budget_kb = static_cast<int>(session.phone_budget / 1024);
    reader.read("journal_budget_kb", 256, 1024 * 1024, budget_kb);
    session.phone_budget = static_cast<std::size_t>(budget_kb) * 1024;
}

void read_timers(ObjectReader& top, const std::string& file, Problems& problems, Settings& settings) {
    if (const Json* timers = top.object("timers", false)) {
        ObjectReader reader{*timers, file, "timers", problems};
        reader.read<std::chrono::minutes>("extend_minutes", 1, 15, settings.timers.extend_step);
        reader.read<std::chrono::seconds>("warning_seconds", 10, 300, settings.timers.warning);
    }
}

void read_decision(ObjectReader& top, const std::string& file, Problems& problems, Settings& settings) {
    if (const Json* decision = top.object("decision", false)) {
        ObjectReader reader{*decision, file, "decision", problems};
        auto& rule = settings.session.decision;
        reader.read("weak_score", 1, 4, rule.weak_score);
        reader.read("adjust_max_weak", 0, 20, rule.adjust_max_weak);
        reader.read("objection_means_adjust", rule.objection_means_adjust);
    }
}

Settings read_settings(const Json& json, const std::string& file, Problems& problems) {
    Settings settings;
    if (!json.is_object()) {
        problems.add(file, "", "must hold one JSON object { ... } at the top level");
        return settings;
    }
    ObjectReader top{json, file, "", problems};
    settings.room_name = top.text("room_name", std::nullopt, 60);
    settings.language = top.choice("language", k_languages, settings.language);
    top.read("videoframe", settings.default_videoframe, 40);
    read_display(top, file, problems, settings);
    read_network(top, file, problems, settings);
    top.read("data_dir", settings.data_dir, 400);
    if (json.contains("data_dir") && settings.data_dir.empty())
        top.problem("data_dir", "must not be empty; remove it for /var/lib/vitale-kiosk, or write a folder, e.g. \"data\"");
    top.read("retention_days", 1, 3650, settings.retention_days);
    top.read("media_dir", settings.media_dir, 400);
    read_timers(top, file, problems, settings);
    read_phones(top, file, problems, settings);
    top.read("chime", settings.chime);
    settings.slots = read_slots(top, file, problems, settings);
    read_decision(top, file, problems, settings);
    read_coffee(top, file, problems, settings);
    settings.ai = read_ai(top, file, problems, settings.prompts_dir);
    settings.session.constraints_window = std::chrono::seconds{settings.ai.constraints_seconds};
    return settings;
}

Strings read_strings(const Json& json, const std::string& file, const std::vector<std::string>& keys,
                     Problems& problems) {
    std::map<std::string, std::string> texts;
    if (!json.is_object()) {
        problems.add(file, "", "must hold one JSON object { \"key\": \"text\", ... } at the top level");
        return Strings{};
    }
    ObjectReader reader{json, file, "", problems};
    for (const auto& key : keys) texts[key] = reader.text(key, std::nullopt, 300);
    return Strings{std::move(texts)};
}

struct Loaded {
    Settings settings;
    ReadLibraries libraries;
    std::map<std::string, Strings> strings;
    std::map<std::string, Strings> phone_strings;
    std::map<std::string, ai::PromptTemplate> prompts;
    std::map<std::string, std::vector<std::string>> blocked_words;
};

// config/blocked-words.<lang>.txt: one word or phrase per line, '#' starts a comment. Needed
// only with coffee.moderation "word_list".
std::vector<std::string> read_blocked_words(const std::filesystem::path& path, Problems& problems) {
    std::vector<std::string> words;
    std::ifstream in{path};
    if (!in) {
        problems.add(path.string(), "", "cannot open the file; coffee.moderation \"word_list\" needs it (one word per "
                                        "line), or set coffee.moderation to \"open\" or \"approve\"");
        return words;
    }
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        line = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
        if (line.size() > 80 || check_raw_text(line, 80) != TextProblem::None)
            problems.add(path.string(), "line " + std::to_string(number), "is not a word or short phrase (UTF-8, at most 80 characters)");
        else words.push_back(line);  // WordList folds case, accents and look-alikes
    }
    if (words.size() > 2000) problems.add(path.string(), "", "has more than 2000 words; keep the list short");
    return words;
}

// A slot's "videoframe" names a ready format of every language's library.
void check_slot_formats(const std::vector<Slot>& slots, const ReadLibraries& libraries, const std::string& file, Problems& problems) {
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const auto& id = slots[i].videoframe;
        if (id.empty()) continue;
        for (const auto& [language, library] : libraries.by_language) {
            if (const auto format = library.find(id); format && format->ready()) continue;
            problems.add(file, "schedule.slots[" + std::to_string(i) + "].videoframe",
                         "is \"" + id + "\", which is not a ready format in \"" + language +
                             "\"; name one that --list-videoframes shows as ready, or remove it to let the lobby choose");
            break;
        }
    }
}

Loaded load_everything(const std::filesystem::path& dir, Problems& problems) {
    Loaded loaded;
    // A folder that is not there is one problem, not one per file it should hold.
    if (std::error_code ignored; !std::filesystem::is_directory(dir, ignored)) {
        problems.add_line(dir.string() + ": no such folder; pass --config DIR with the kiosk's configuration (" +
                          "the package installs it in /etc/vitale-kiosk; the source tree has config/)");
        return loaded;
    }
    const auto kiosk_path = dir / "kiosk.json";
    if (const auto json = read_json_file(kiosk_path, problems))
        loaded.settings = read_settings(*json, kiosk_path.string(), problems);
    loaded.libraries = read_libraries(dir, k_languages, loaded.settings.default_videoframe, problems);
    check_slot_formats(loaded.settings.slots, loaded.libraries, kiosk_path.string(), problems);
    for (const auto& language : k_languages) {
        const auto strings_path = dir / ("strings." + language + ".json");
        if (const auto strings_json = read_json_file(strings_path, problems))
            loaded.strings[language] =
                read_strings(*strings_json, strings_path.string(), Strings::required_keys(), problems);
        const auto phone_path = dir / ("phone." + language + ".json");
        if (const auto phone_json = read_json_file(phone_path, problems))
            loaded.phone_strings[language] =
                read_strings(*phone_json, phone_path.string(), Strings::phone_keys(), problems);
    }
    if (loaded.settings.session.coffee.moderation == Moderation::WordList)
        for (const auto& language : k_languages)
            loaded.blocked_words[language] = read_blocked_words(dir / ("blocked-words." + language + ".txt"), problems);
    const auto prompts = beside_config(dir, loaded.settings.prompts_dir);
    for (const auto& language : k_languages) {
        std::vector<std::string> lines;
        if (auto prompt = ai::load_prompt_template(prompts / ("proposal." + language + ".txt"), lines))
            loaded.prompts[language] = std::move(*prompt);
        // Checked here too, so --check-config finds a broken drafting prompt before a draft is asked for.
        ai::load_prompt_template(prompts / ("videoframe." + language + ".txt"), lines, ai::TemplateKind::videoframe());
        for (auto& line : lines) problems.add_line(std::move(line));
    }
    return loaded;
}

}  // namespace

std::filesystem::path beside_config(const std::filesystem::path& dir, const std::filesystem::path& relative,
                                    const std::filesystem::path& share_dir) {
    if (relative.is_absolute()) return relative;
    const auto here = (dir / relative).lexically_normal();
    std::error_code ignored;
    if (std::filesystem::exists(here, ignored)) return here;
    const auto installed = (share_dir / "config" / relative).lexically_normal();
    return std::filesystem::exists(installed, ignored) ? installed : here;
}

std::vector<std::string> check_config(const std::filesystem::path& dir) {
    Problems problems;
    load_everything(dir, problems);
    return problems.lines();
}

std::vector<VideoframeListing> list_videoframes(const std::filesystem::path& dir, const std::string& language) {
    Problems problems;
    const Loaded loaded = load_everything(dir, problems);
    if (!problems.empty()) throw ConfigError{problems.lines()};
    std::vector<VideoframeListing> listing;
    for (const auto& format : loaded.libraries.by_language.at(language).formats) {
        VideoframeListing line{format->id, format->title, name_of(format->status, format_status_names()), {}};
        for (const auto& [other, library] : loaded.libraries.by_language)
            if (library.find(format->id)) line.languages.push_back(other);
        listing.push_back(std::move(line));
    }
    return listing;
}

Config load_config(const std::filesystem::path& dir, const std::optional<std::string>& language) {
    Problems problems;
    Loaded loaded = load_everything(dir, problems);
    if (language && std::find(k_languages.begin(), k_languages.end(), *language) == k_languages.end())
        problems.add("--lang", "", "must be nl or en (found \"" + *language + "\")");
    if (!problems.empty()) throw ConfigError{problems.lines()};
    Config config;
    config.dir = dir;
    config.settings = std::move(loaded.settings);
    config.media_dir = beside_config(dir, config.settings.media_dir);
    if (language) config.settings.language = *language;
    const auto& chosen = config.settings.language;
    config.library = std::make_shared<const Library>(std::move(loaded.libraries.by_language.at(chosen)));
    config.content = config.library->default_format();
    config.notes = std::move(loaded.libraries.notes);
    config.strings = std::move(loaded.strings.at(chosen));
    config.phone_strings = std::move(loaded.phone_strings.at(chosen));
    config.prompt = std::move(loaded.prompts.at(chosen));
    config.settings.session.coffee.blocked_words = std::move(loaded.blocked_words[chosen]);
    return config;
}

}  // namespace kiosk
