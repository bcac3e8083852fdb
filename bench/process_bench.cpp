#include "bench/process_bench.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/stats.hpp"

extern char** environ;

namespace kiosk::bench {

namespace {

using namespace std::chrono;

// A running vitale-kiosk whose stdout we read.
class KioskProcess {
public:
    KioskProcess(const KioskCommand& kiosk, const std::vector<std::string>& extra) {
        std::vector<std::string> args{kiosk.binary.string(), "--config", kiosk.config_dir.string(),
                                      "--data", kiosk.data_dir.string(), "--port", std::to_string(next_port())};
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
        m_out = ::fdopen(pipe_fds[0], "r");
    }
    ~KioskProcess() {
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
        if (m_out) std::fclose(m_out);
    }
    // Milliseconds from spawning to the first presented frame, as the kiosk reports it.
    double first_frame_ms() {
        char line[128];
        while (std::fgets(line, sizeof line, m_out)) {
            long long at = 0;
            if (std::sscanf(line, "first-frame-ms %lld", &at) == 1)
                return static_cast<double>(at) -
                       static_cast<double>(duration_cast<milliseconds>(started.time_since_epoch()).count());
        }
        throw std::runtime_error{"the kiosk ended before showing a frame (is DISPLAY set?)"};
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
    static int next_port() {
        static int port = 28000 + static_cast<int>(::getpid() % 1000) * 10;
        return ++port;
    }
    pid_t m_pid = 0;
    FILE* m_out = nullptr;
};

}  // namespace

void bench_startup(const KioskCommand& kiosk, int runs) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        KioskProcess process{kiosk, {"--print-first-frame"}};
        times.push_back(process.first_frame_ms());
    }
    const double median = percentile(times, 50);
    std::printf("\nStart to first presented frame, fullscreen X11 window (%d runs)\n", runs);
    std::printf("  median %.0f ms, min %.0f ms, max %.0f ms (goal <= 300 ms: %s)\n", median, percentile(times, 0),
                percentile(times, 100), median <= 300 ? "met" : "NOT met");
}

void bench_idle_cpu_and_memory(const KioskCommand& kiosk, int seconds) {
    std::printf("\nCPU over %d s (share of one core) and peak memory, fullscreen X11 window\n", seconds);
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
