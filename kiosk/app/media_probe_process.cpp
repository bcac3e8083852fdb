#include "kiosk/app/media_probe_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "kiosk/core/log_prefix.hpp"

extern char** environ;

namespace kiosk::app {

namespace {

// One line of --check-config as the kiosk's log says it; false once the rest is not about media
// (the "configuration is valid" line, then the config's notes, which the kiosk logged already).
bool log_line(const std::string& line, int& problems) {
    static const std::string warning = "warning: ";
    if (line.ends_with(": configuration is valid")) return false;
    if (line.starts_with(warning)) {
        LogLine{Priority::Notice} << line.substr(warning.size());
    } else if (!line.empty()) {
        LogLine{Priority::Warning} << line << " (its stage goes on without it)";
        ++problems;
    }
    return true;
}

void read_child(int fd, pid_t pid, std::stop_token stop) {
    std::stop_callback end_child{stop, [pid] { kill(pid, SIGTERM); }};  // its output then ends
    std::string pending;
    char buffer[4096];
    int problems = 0;
    bool logging = true;
    for (ssize_t got; (got = read(fd, buffer, sizeof buffer)) != 0;) {
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) break;
        pending.append(buffer, static_cast<std::size_t>(got));
        for (std::size_t end; (end = pending.find('\n')) != std::string::npos; pending.erase(0, end + 1))
            if (logging) logging = log_line(pending.substr(0, end), problems);
    }
    close(fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (stop.stop_requested()) return;
    if (WIFEXITED(status) && WEXITSTATUS(status) <= 2)
        LogLine{Priority::Info} << "media files checked, " << problems << " with a problem";
    else
        LogLine{Priority::Warning} << "the media files could not be checked (the check ended with status " << status << ")";
}

}  // namespace

std::jthread probe_media_in_child(const std::filesystem::path& config_dir) {
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
        LogLine{Priority::Warning} << "the media files could not be checked (no pipe)";
        return {};
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);  // dup2 clears close-on-exec
    const std::string self = "/proc/self/exe", check = "--check-config", config = "--config", dir = config_dir.string();
    std::vector<char*> argv{const_cast<char*>(self.c_str()), const_cast<char*>(check.c_str()), const_cast<char*>(config.c_str()),
                            const_cast<char*>(dir.c_str()), nullptr};
    pid_t pid = 0;
    const int failed = posix_spawn(&pid, self.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    if (failed != 0) {
        close(pipe_fds[0]);
        LogLine{Priority::Warning} << "the media files could not be checked (cannot start " << self << ")";
        return {};
    }
    return std::jthread{[fd = pipe_fds[0], pid](std::stop_token stop) { read_child(fd, pid, stop); }};
}

}  // namespace kiosk::app
