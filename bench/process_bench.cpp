#include "bench/process_bench.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/problems.hpp"
#include "kiosk/config/config_loader.hpp"
#include "bench/stats.hpp"

extern char** environ;

namespace kiosk::bench {

namespace {

// The kiosk's window as the bench starts it: bench/cage_run.sh runs it under cage.
const char* window_kind() {
    const char* driver = std::getenv("SDL_VIDEODRIVER");
    return driver && std::string{driver} == "wayland" ? "Wayland window under cage" : "X11 window";
}

using namespace std::chrono;

// A running vitale-kiosk whose stdout we read.
class KioskProcess {
public:
    KioskProcess(const KioskCommand& kiosk, const std::vector<std::string>& extra) {
        // An ephemeral port: a second kiosk, or anything else listening, never makes it fail.
        std::vector<std::string> args{kiosk.binary.string(), "--config", kiosk.config_dir.string(),
                                      "--data", kiosk.data_dir.string(), "--port", "0"};
        args.insert(args.end(), extra.begin(), extra.end());
        std::vector<char*> argv;
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        int pipe_fds[2];
        if (::pipe(pipe_fds) != 0) throw std::runtime_error{"pipe failed"};
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
        started = steady_clock::now();
        if (posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
            throw std::runtime_error{"cannot start " + args[0]};
        posix_spawn_file_actions_destroy(&actions);
        ::close(pipe_fds[1]);
        m_out = pipe_fds[0];
    }
    ~KioskProcess() {
        // SIGTERM, and SIGKILL when it has not ended 5 s later: the bench never waits for ever.
        ::kill(m_pid, SIGTERM);
        bool ended = false;
        for (int i = 0; i < 500 && !ended; ++i) {
            ended = ::waitpid(m_pid, nullptr, WNOHANG) == m_pid;
            if (!ended) std::this_thread::sleep_for(10ms);
        }
        if (!ended) {
            std::printf("  (the kiosk did not end within 5 s of SIGTERM: killed)\n");
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        ::close(m_out);
    }
    // Milliseconds from spawning to the first presented frame, as the kiosk reports it; throws
    // when the kiosk ends first or `limit` passes.
    double first_frame_ms(milliseconds limit = 20s) {
        const auto until = steady_clock::now() + limit;
        std::string buffer;
        for (;;) {
            for (std::size_t end; (end = buffer.find('\n')) != std::string::npos; buffer.erase(0, end + 1)) {
                long long at = 0;
                if (std::sscanf(buffer.substr(0, end).c_str(), "first-frame-ms %lld", &at) == 1)
                    return static_cast<double>(at) -
                           static_cast<double>(duration_cast<milliseconds>(started.time_since_epoch()).count());
            }
            const auto left = duration_cast<milliseconds>(until - steady_clock::now()).count();
            if (left <= 0) throw std::runtime_error{"the kiosk showed no frame within " + std::to_string(limit.count()) + " ms"};
            pollfd out{m_out, POLLIN, 0};
            if (::poll(&out, 1, static_cast<int>(left)) <= 0) continue;
            char chunk[512];
            const auto n = ::read(m_out, chunk, sizeof chunk);
            if (n <= 0) throw std::runtime_error{"the kiosk ended before showing a frame (is DISPLAY set?)"};
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
    }
    // Time on the CPU so far, from the scheduler's own nanosecond account.
    double cpu_seconds() const {
        std::ifstream in{"/proc/" + std::to_string(m_pid) + "/schedstat"};
        long long ns = 0;
        in >> ns;
        return static_cast<double>(ns) / 1e9;
    }
    long peak_rss_kb() const {
        std::ifstream in{"/proc/" + std::to_string(m_pid) + "/status"};
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
        return 0;
    }

    steady_clock::time_point started;

private:
    pid_t m_pid = 0;
    int m_out = -1;  // the kiosk's stdout
};

}  // namespace

double bench_startup(const KioskCommand& kiosk, int runs, const char* what) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        KioskProcess process{kiosk, {"--print-first-frame"}};
        times.push_back(process.first_frame_ms());
    }
    const double median = percentile(times, 50);
    std::printf("\nStart to first presented frame, fullscreen %s, %s (%d runs)\n", window_kind(), what, runs);
    std::printf("  median %.0f ms, min %.0f ms, max %.0f ms (goal <= 300 ms: %s)\n", median, percentile(times, 0),
                percentile(times, 100), median <= 300 ? "met" : "NOT met");
    return median;
}

namespace {

// A copy of the config whose library holds `formats` formats in every language: the shipped ones,
// then copies of them under new ids ("innovatie-2", ...). Its prompts/ beside it, as ../prompts.
std::filesystem::path grown_library(const std::filesystem::path& config_dir, int formats, const std::filesystem::path& into) {
    namespace fs = std::filesystem;
    fs::remove_all(into);
    fs::create_directories(into);
    const auto config = into / "config";
    fs::copy(config_dir, config, fs::copy_options::recursive);
    fs::copy(fs::absolute(config_dir).parent_path() / "prompts", into / "prompts", fs::copy_options::recursive);
    std::vector<fs::path> shipped;
    for (const auto& entry : fs::directory_iterator(config / "videoframes")) shipped.push_back(entry.path());
    std::sort(shipped.begin(), shipped.end());
    // Sorted, the files come in pairs: <id>.en.json, <id>.nl.json.
    int made = static_cast<int>(shipped.size()) / 2;
    for (int copy = 2; made < formats; ++copy)
        for (std::size_t pair = 0; pair + 1 < shipped.size() && made < formats; pair += 2, ++made)
            for (const auto& file : {shipped[pair], shipped[pair + 1]}) {
                std::ifstream in{file};
                auto json = nlohmann::json::parse(in);
                const auto id = json.at("id").get<std::string>() + "-" + std::to_string(copy);
                json["id"] = id;
                std::ofstream{config / "videoframes" / (id + file.stem().extension().string() + ".json")} << json.dump(2);
            }
    return config;
}

}  // namespace

void bench_startup_with_library(const KioskCommand& kiosk, int runs, int formats, double shipped_ms) {
    const auto folder = std::filesystem::temp_directory_path() / "vitale-bench-library";
    const KioskCommand grown{kiosk.binary, grown_library(kiosk.config_dir, formats, folder), kiosk.data_dir};
    const std::string what = "a library of " + std::to_string(formats) + " formats in two languages";
    const double median = bench_startup(grown, runs, what.c_str());
    std::printf("  %+.0f ms against the shipped library (goal <= +20 ms: %s)\n", median - shipped_ms,
                median - shipped_ms <= 20 ? "met" : "NOT met");
    // The part of the start-up the library costs, in this process and without the noise of a
    // process start: reading and checking the config, 20 times each.
    const auto load_ms = [](const std::filesystem::path& dir) {
        std::vector<double> times;
        for (int i = 0; i < 20; ++i) {
            const auto started = steady_clock::now();
            (void)load_config(dir);
            times.push_back(duration<double, std::milli>(steady_clock::now() - started).count());
        }
        return percentile(times, 50);
    };
    const double small = load_ms(kiosk.config_dir), large = load_ms(grown.config_dir);
    std::printf("  reading the config: %.1f ms with the shipped library, %.1f ms with %d formats (%+.1f ms)\n", small, large,
                formats, large - small);
    std::filesystem::remove_all(folder);
}

void bench_idle_cpu_and_memory(const KioskCommand& kiosk, int seconds) {
    std::printf("\nCPU over %d s (share of one core) and peak memory, fullscreen %s\n", seconds, window_kind());
    for (const auto& [scene, goal] : {std::pair{"idle", 0.5}, std::pair{"analyse", 1.0}}) {
        KioskProcess process{kiosk, {"--print-first-frame", "--scene", scene}};
        process.first_frame_ms();
        std::this_thread::sleep_for(2s);  // past start-up
        const double cpu_before = process.cpu_seconds();
        const auto wall_before = steady_clock::now();
        std::this_thread::sleep_for(std::chrono::seconds{seconds});
        const double cpu = process.cpu_seconds() - cpu_before;
        const double wall = duration<double>(steady_clock::now() - wall_before).count();
        const double share = 100.0 * cpu / wall;
        const long rss_mb = process.peak_rss_kb() / 1024;
        std::printf("  %-8s CPU %.2f %% (goal <= %.1f %%: %s), peak RSS %ld MB (goal <= 64 MB: %s)\n", scene, share,
                    goal, share <= goal ? "met" : "NOT met", rss_mb, rss_mb <= 64 ? "met" : "NOT met");
    }
}

}  // namespace kiosk::bench
