#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/log_prefix.hpp"


#include <cstdio>
#include <filesystem>
#include <iostream>

#include "kiosk/app/command_line.hpp"
#include "kiosk/config/config_location.hpp"
#include "kiosk/tools/media_check.hpp"
#include "kiosk/tools/doctor.hpp"
#include "kiosk/app/live_kiosk.hpp"
#include "kiosk/core/decision.hpp"
#include "kiosk/core/local_time.hpp"
#include "kiosk/tools/draft_videoframe.hpp"
#include "kiosk/tools/record_commands.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/screen/screen_loop.hpp"
#include "kiosk/tools/screenshot.hpp"
#include "kiosk/system/version.hpp"
#include "kiosk/config/config_error.hpp"
#include "kiosk/net/phone_address.hpp"
#include "scenes/scene_catalog.hpp"

namespace kiosk::app {

namespace {

constexpr int k_exit_ok = 0, k_exit_failure = 1, k_exit_usage = 2;

int fail(const std::string& message, int code) {
    LogLine{Priority::Error} << message;
    return code;
}

void prepare_data_dir(const std::filesystem::path& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error || !std::filesystem::is_directory(dir))
        throw std::runtime_error{"cannot use the data folder " + dir.string() + " (" + error.message() +
                                 "); pass --data DIR or change data_dir in kiosk.json"};
}

// --list-videoframes: a line per format of the library, titles in the room's (or --lang's) language.
int print_videoframes(const std::filesystem::path& config_dir, const std::optional<std::string>& language) {
    const auto shown = language.value_or(load_config(config_dir).settings.language);
    for (const auto& format : list_videoframes(config_dir, shown)) {
        std::string languages;
        for (const auto& each : format.languages) languages += (languages.empty() ? "" : ",") + each;
        std::printf("%-24s %-6s %-6s %s\n", format.id.c_str(), format.status.c_str(), languages.c_str(), format.title.c_str());
    }
    return k_exit_ok;
}

// --draft-videoframe: the file written, or every problem of the model's answer by field.
int draft_format(const Config& config, const std::string& topic, const std::filesystem::path& out) {
    const auto date = format_date(yyyymmdd(to_local(SystemClock{}.wall()).date));
    tools::DraftRequest request{topic, config.settings.language,
                                out.empty() ? std::nullopt : std::optional<std::filesystem::path>{out}, date};
    const auto result = tools::draft_videoframe(config, request, std::cin, std::cout);
    if (result.written) {
        std::cout << result.file.string() << ": drafted (asked " << result.asked << "x); review it with --screenshot DIR --videoframe ID "
                  << "and set \"status\": \"ready\" in every language\n";
        return k_exit_ok;
    }
    for (const auto& problem : result.problems) std::cerr << journal_level(Priority::Error) << problem << '\n';
    return fail("the draft does not fit the schema after " + std::to_string(result.asked) + " answer(s); nothing was written", k_exit_failure);
}

// --check-config: the files first; once they load, every media file they name (probed: that
// needs the loaded formats). Warnings do not make the exit status.
int check_everything(const std::filesystem::path& config_dir) {
    auto problems = check_config(config_dir);
    std::vector<std::string> warnings;
    if (problems.empty()) {
        auto media = tools::check_media(config_dir);
        problems = std::move(media.problems);
        warnings = std::move(media.warnings);
    }
    for (const auto& problem : problems) std::cout << problem << '\n';
    for (const auto& warning : warnings) std::cout << "warning: " << warning << '\n';
    if (problems.empty()) {
        std::cout << config_dir.string() << ": configuration is valid\n";
        for (const auto& note : load_config(config_dir).notes) std::cout << note << '\n';
    }
    return problems.empty() ? k_exit_ok : k_exit_usage;
}

int run_modes(const Options& options) {
    const auto config_dir = find_config_dir(options.config_dir, config_places());
    if (options.help) {
        std::cout << usage_text();
        return k_exit_ok;
    }
    if (options.version) {
        std::cout << "vitale-kiosk " << k_version << '\n';
        return k_exit_ok;
    }
    if (options.doctor)
        return tools::run_doctor({options.config_dir, options.data_dir, options.language, options.port, options.coffee_display,
                                  options.doctor_network},
                                 std::cout);
    if (options.check_config) return check_everything(config_dir);

    if (options.list_videoframes) return print_videoframes(config_dir, options.language);
    const Config config = load_config(config_dir, options.language);
    if (options.draft_topic) return draft_format(config, *options.draft_topic, options.export_out);
    if (options.list_scenes) {
        for (const auto& name : scenes::scene_names(*config.content)) std::cout << name << '\n';
        return k_exit_ok;
    }
    const int port = options.port.value_or(config.settings.port);
    const auto fonts = ui::locate_fonts(fonts_dir(config_dir));
    const ScreenSize size = options.size.value_or(ScreenSize{config.settings.display.width,
                                                             config.settings.display.height});
    if (options.screenshot && options.videoframe) {
        for (const auto& file : tools::write_videoframe_screenshots(config, room_for(config, port), fonts, *options.videoframe, size, *options.screenshot))
            std::cout << file.string() << '\n';
        return k_exit_ok;
    }
    if (options.screenshot) {
        const auto room = room_for(config, port);
        tools::write_screenshot(config, room, fonts, *options.scene, size, options.help_overlay, options.demo, *options.screenshot);
        std::cout << options.screenshot->string() << '\n';
        return k_exit_ok;
    }

    const std::filesystem::path data_dir = find_data_dir(options.data_dir, config);
    if (const auto owner = foreign_owner_for_root(data_dir))
        throw UsageError{data_dir.string() + " belongs to the user " + *owner +
                         "; run the command as that user, so that the kiosk can still use what it writes: sudo -u " +
                         *owner + " vitale-kiosk …"};
    if (tools::run_record_command({options.list_sessions, options.export_session, options.export_format, options.export_out,
                                   options.forget_session},
                                  config, data_dir))
        return k_exit_ok;
    prepare_data_dir(data_dir);
    run_live_kiosk({config, options, fonts, size, data_dir});
    return k_exit_ok;
}

}  // namespace

int run_kiosk(const std::vector<std::string>& args) {
    try {
        return run_modes(parse_command_line(args));
    } catch (const UsageError& error) {
        return fail(error.what(), k_exit_usage);
    } catch (const ConfigError& error) {
        for (const auto& problem : error.problems()) std::cerr << journal_level(Priority::Error) << problem << '\n';
        return fail("the configuration has " + std::to_string(error.problems().size()) +
                        " problem(s); fix them and try again (--check-config checks without starting)",
                    k_exit_usage);
    } catch (const store::NewerSchemaError& error) {
        return fail(error.what(), k_exit_failure);
    } catch (const std::exception& error) {
        return fail(error.what(), k_exit_failure);
    }
}

}  // namespace kiosk::app
