#include "kiosk/system/service_watchdog.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace kiosk::system {

namespace {

using Clock = std::chrono::steady_clock;

struct Hang {
    std::string loop;  // "screen" or "engine"
    std::chrono::seconds after{0};
};

std::optional<Hang> parse_hang(const std::optional<std::string>& text) {
    if (!text || text->empty()) return std::nullopt;
    Hang hang;
    const auto colon = text->find(':');
    hang.loop = text->substr(0, colon);
    if (colon != std::string::npos) hang.after = std::chrono::seconds{std::atoi(text->c_str() + colon + 1)};
    if (hang.loop != "screen" && hang.loop != "engine") return std::nullopt;
    return hang;
}

}  // namespace

ServiceEnvironment ServiceEnvironment::of_process() {
    ServiceEnvironment environment;
    if (const char* socket = std::getenv("NOTIFY_SOCKET")) environment.notify_socket = socket;
    if (const char* usec = std::getenv("WATCHDOG_USEC"); usec && std::atoll(usec) > 0)
        environment.watchdog = std::chrono::microseconds{std::atoll(usec)};
    if (const char* hang = std::getenv("VITALE_KIOSK_TEST_HANG")) environment.test_hang = hang;
    return environment;
}

bool notify_systemd(const std::string& socket_path, std::string_view message) {
    if (socket_path.empty()) return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (socket_path.size() >= sizeof(address.sun_path)) return false;
    std::memcpy(address.sun_path, socket_path.data(), socket_path.size());
    if (address.sun_path[0] == '@') address.sun_path[0] = '\0';  // the abstract namespace
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_path.size());
    const bool sent = ::sendto(fd, message.data(), message.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&address), length) ==
                      static_cast<ssize_t>(message.size());
    ::close(fd);
    return sent;
}

ServiceWatchdog::ServiceWatchdog(ServiceEnvironment environment, EngineSide engine)
    : m_environment{std::move(environment)}, m_engine{std::move(engine)} {
    if (!m_environment.notify_socket.empty() && (m_environment.watchdog || parse_hang(m_environment.test_hang)))
        m_thread = std::thread([this] { run(); });
}

ServiceWatchdog::~ServiceWatchdog() {
    {
        std::lock_guard lock{m_mutex};
        m_stopping = true;
    }
    m_wakeup.notify_all();
    if (m_thread.joinable()) m_thread.join();
    send("STOPPING=1");
}

void ServiceWatchdog::attach_screen(std::function<void()> wake) {
    std::lock_guard lock{m_mutex};
    m_wake_screen = std::move(wake);
}

void ServiceWatchdog::first_frame_shown(const std::string& status) {
    send("READY=1\nSTATUS=" + status);
    {
        std::lock_guard lock{m_mutex};
        m_ready = true;
    }
    m_wakeup.notify_all();
}

void ServiceWatchdog::send(std::string_view message) const { notify_systemd(m_environment.notify_socket, message); }

void ServiceWatchdog::run() {
    std::unique_lock lock{m_mutex};
    m_wakeup.wait(lock, [this] { return m_ready || m_stopping; });
    const auto hang = parse_hang(m_environment.test_hang);
    const auto hang_at = Clock::now() + (hang ? hang->after : std::chrono::seconds{0});
    bool hung = false;
    // Half of WATCHDOG_USEC, as sd_watchdog_enabled(3) advises; without a watchdog only the test
    // fault is served, once a second.
    const auto round = m_environment.watchdog ? std::chrono::duration_cast<Clock::duration>(*m_environment.watchdog / 2)
                                              : std::chrono::duration_cast<Clock::duration>(std::chrono::seconds{1});
    std::uint64_t screen_before = m_screen_answers.load(), engine_before = m_engine.rounds();
    auto ping = [&] {
        if (m_wake_screen) m_wake_screen();
        m_engine.ping();
    };
    ping();
    auto next = Clock::now() + round;
    while (!m_stopping) {
        // The hang is injected at its moment, between rounds.
        const auto until = hang && !hung ? std::min(next, hang_at) : next;
        m_wakeup.wait_until(lock, until, [this] { return m_stopping; });
        if (m_stopping) break;
        if (hang && !hung && Clock::now() >= hang_at) {
            hung = true;
            if (hang->loop == "screen") m_hang_screen = true;
            else m_engine.hang();
            ping();  // the screen finds out at its next ping
        }
        if (Clock::now() < next) continue;
        next += round;
        const auto screen_now = m_screen_answers.load(), engine_now = m_engine.rounds();
        const bool both = screen_now != screen_before && engine_now != engine_before;
        screen_before = screen_now;
        engine_before = engine_now;
        if (both && m_environment.watchdog) send("WATCHDOG=1");
        ping();
    }
}

}  // namespace kiosk::system
