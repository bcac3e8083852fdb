#include "kiosk/app/command_line.hpp"

#include <charconv>

namespace kiosk::app {

namespace {

constexpr int k_min_width = 640, k_min_height = 480, k_max_width = 7680, k_max_height = 4320;

// A whole number in [min, max], or a UsageError that ends with `advice`.
int parse_number(const std::string& option, const std::string& text, int min, int max, const std::string& advice) {
    int number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc{} || end != text.data() + text.size() || number < min || number > max)
        throw UsageError{option + " " + text + ": " + advice};
    return number;
}

ScreenSize parse_size(const std::string& text) {
    const auto x = text.find('x');
    ScreenSize size;
    const auto read = [&](std::size_t from, std::size_t to, int& out) {
        const auto [end, error] = std::from_chars(text.data() + from, text.data() + to, out);
        return error == std::errc{} && end == text.data() + to && to > from;
    };
    if (x == std::string::npos || !read(0, x, size.width) || !read(x + 1, text.size(), size.height))
        throw UsageError{"--size " + text + ": write it as WIDTHxHEIGHT, e.g. --size 1920x1080"};
    if (size.width < k_min_width || size.height < k_min_height || size.width > k_max_width ||
        size.height > k_max_height)
        throw UsageError{"--size " + text + ": unsupported; use between 640x480 and 7680x4320, e.g. 1280x720, "
                         "1920x1080, 1920x1200 or 3840x2160"};
    return size;
}

}  // namespace

Options parse_command_line(const std::vector<std::string>& args) {
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0)
                throw UsageError{arg + " needs a value; see --help"};
            return args[++i];
        };
        if (arg == "--config") options.config_dir = value();
        else if (arg == "--data") options.data_dir = value();
        else if (arg == "--port")
            options.port = parse_number(arg, value(), 0, 65535,
                                        "give a port number from 1 to 65535 (0: any free port), e.g. --port 8080");
        else if (arg == "--windowed") options.windowed = true;
        else if (arg == "--size") options.size = parse_size(value());
        else if (arg == "--lang") {
            const auto& language = value();
            if (language != "nl" && language != "en")
                throw UsageError{"--lang " + language + ": choose nl or en"};
            options.language = language;
        }
        else if (arg == "--check-config") options.check_config = true;
        else if (arg == "--list-scenes") options.list_scenes = true;
        else if (arg == "--list-videoframes") options.list_videoframes = true;
        else if (arg == "--screenshot") options.screenshot = value();
        else if (arg == "--scene") options.scene = value();
        else if (arg == "--videoframe") options.videoframe = value();
        else if (arg == "--draft-videoframe") options.draft_topic = value();
        else if (arg == "--help-overlay") options.help_overlay = true;
        else if (arg == "--print-first-frame") options.print_first_frame = true;
        else if (arg == "--trace-frames") options.trace_frames = true;
        else if (arg == "--coffee-display")
            options.coffee_display = parse_number(arg, value(), 0, 15, "give an SDL display index, 0 to 15, e.g. --coffee-display 1");
        else if (arg == "--demo")
            options.demo = parse_number(arg, value(), 1, 250, "give the number of simulated phones, 1 to 250, e.g. --demo 6");
        else if (arg == "--sessions") options.list_sessions = true;
        else if (arg == "--export") options.export_session = value();
        else if (arg == "--format") options.export_format = value();
        else if (arg == "--out") options.export_out = value();
        else if (arg == "--forget") options.forget_session = value();
        else if (arg == "--doctor") options.doctor = true;
        else if (arg == "--network") options.doctor_network = true;
        else if (arg == "--version") options.version = true;
        else if (arg == "--help" || arg == "-h") options.help = true;
        else throw UsageError{"unknown option " + arg + "; see --help for the options"};
    }
    if (options.doctor_network && !options.doctor) throw UsageError{"--network goes with --doctor"};
    if (options.videoframe && !options.screenshot)
        throw UsageError{"--videoframe goes with --screenshot DIR: every scene and surprise card of that format, for review"};
    if (options.screenshot && !options.scene && !options.videoframe)
        throw UsageError{"--screenshot needs --scene NAME (--list-scenes lists the names) or --videoframe ID"};
    if (options.screenshot && !options.videoframe && options.screenshot->extension() != ".png")
        throw UsageError{"--screenshot " + options.screenshot->string() + ": the file name must end in .png"};
    return options;
}

std::string usage_text() {
    return R"(Usage: vitale-kiosk [options]

The room screen of the Vitale Weekcyclus: steps a group through a timed session.

Options:
  --config DIR        folder with kiosk.json, videoframes/, strings.*.json (default:
                      $VITALE_KIOSK_CONFIG, else ./config if it holds a kiosk.json, else
                      /etc/vitale-kiosk)
  --data DIR          where the kiosk keeps its data (default: data_dir in kiosk.json, a
                      relative one taken from the folder above the config; else
                      /var/lib/vitale-kiosk)
  --port N            port for the phones (default: network.port in kiosk.json, 8080; 0 = any free)
  --demo N            N simulated phones join and take part through the real phone API
  --coffee-display N  also show the coffee corner, all the time, on display N (0 is the first)
  --windowed          a window instead of fullscreen
  --size WxH          window or screenshot size, e.g. 1920x1080 (640x480 up to 7680x4320)
  --lang nl|en        language of the screen (default: language in kiosk.json)
  --check-config      check the configuration, print every problem, exit 0 (fine) or 2
  --doctor            check this PC for the kiosk: folders, port, display, font, audio, AI;
                      exit 0 (fine) or 2; --doctor --network also asks the AI service
  --list-scenes       print the scene names, one per line
  --list-videoframes  print the library's formats: id, status, languages and title
  --screenshot F.png  render one scene without a display to a PNG file and exit
  --scene NAME        the scene for --screenshot; without --screenshot, start at that scene
  --draft-videoframe "TOPIC" [--lang nl|en] [--out FILE]
                      draft a new session format with the configured language model (the
                      manual route: paste its answer); written with "status": "draft"
  --screenshot DIR --videoframe ID
                      every scene and surprise card of one format (a draft too) as PNGs in DIR
  --help-overlay      with --screenshot: draw the key map over the scene
  --print-first-frame print "first-frame-ms N" (monotonic clock) when the first frame is shown
  --trace-frames      print "frame VERSION MS" for every frame shown (for the benchmarks)
  --sessions          list the sessions in the journal (number, date, minutes)
  --export N|last     write session N's outcome (--format md|json|csv|html, --out FILE or stdout)
  --forget N|last     remove session N and everything in it from the journal for good
  --version           print the version
  --help              this text

Keys: Enter/F5 start, PageDown/Right next, PageUp/Left previous, Space/B pause,
+ or E extend, H host code, F1 or ? help, Ctrl+Alt+Q quit. Escape never quits.
)";
}

}  // namespace kiosk::app
