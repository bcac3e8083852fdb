#include "kiosk/display/pjlink.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <openssl/evp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>

namespace kiosk::display {

namespace {

using Clock = std::chrono::steady_clock;

// A connected socket, closed when it goes.
class Socket {
public:
    explicit Socket(int fd = -1) : m_fd{fd} {}
    ~Socket() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

int remaining_ms(Clock::time_point until) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

// Connects to host:port, each address within `timeout_ms`; the socket, or the problem. A name
// is resolved by the system's resolver, within its own timeouts (resolv.conf): that happens on
// the worker's thread, which a stopping kiosk does not wait for.
std::optional<int> connect_to(const std::string& host, int port, int timeout_ms, std::string& error) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (const int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); rc != 0) {
        error = "cannot resolve " + host + " (" + gai_strerror(rc) + ")";
        return std::nullopt;
    }
    error = "no address for " + host;
    for (auto* at = found; at; at = at->ai_next) {
        const auto until = Clock::now() + std::chrono::milliseconds{timeout_ms};  // each address its own time
        const int fd = ::socket(at->ai_family, at->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, at->ai_protocol);
        if (fd < 0) continue;
        if (::connect(fd, at->ai_addr, at->ai_addrlen) == 0) {
            ::freeaddrinfo(found);
            return fd;
        }
        if (errno == EINPROGRESS) {
            pollfd wait{fd, POLLOUT, 0};
            if (::poll(&wait, 1, remaining_ms(until)) == 1) {
                int problem = 0;
                socklen_t size = sizeof problem;
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &problem, &size);
                if (problem == 0) {
                    ::freeaddrinfo(found);
                    return fd;
                }
                error = std::string{"cannot connect ("} + std::strerror(problem) + ")";
            } else {
                error = "no answer within " + std::to_string(timeout_ms / 1000.0).substr(0, 3) + " s (connecting)";
            }
        } else {
            error = std::string{"cannot connect ("} + std::strerror(errno) + ")";
        }
        ::close(fd);
    }
    ::freeaddrinfo(found);
    return std::nullopt;
}

// One line up to '\r' (PJLink's end of line; a '\n' after it is skipped), within the deadline.
std::optional<std::string> read_line(int fd, Clock::time_point until, std::string& error) {
    std::string line;
    for (;;) {
        pollfd wait{fd, POLLIN, 0};
        const int ready = ::poll(&wait, 1, remaining_ms(until));
        if (ready <= 0) {
            error = "the projector did not answer in time";
            return std::nullopt;
        }
        char c = 0;
        const auto n = ::recv(fd, &c, 1, 0);
        if (n <= 0) {
            error = "the projector closed the connection";
            return std::nullopt;
        }
        if (c == '\r') return line;
        if (c == '\n' && line.empty()) continue;
        line += c;
        if (line.size() > 512) {
            error = "the projector's answer is too long (not PJLink?)";
            return std::nullopt;
        }
    }
}

bool send_all(int fd, const std::string& text, Clock::time_point until) {
    std::size_t sent = 0;
    while (sent < text.size()) {
        pollfd wait{fd, POLLOUT, 0};
        if (::poll(&wait, 1, remaining_ms(until)) <= 0) return false;
        const auto n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

std::string error_meaning(const std::string& code) {
    if (code == "ERR1") return "ERR1: the projector does not know the command";
    if (code == "ERR2") return "ERR2: the projector refused the parameter";
    if (code == "ERR3") return "ERR3: the projector cannot do it now (warming up or cooling down)";
    if (code == "ERR4") return "ERR4: the projector reports a failure";
    return "an answer that is not PJLink (" + code + ")";
}

}  // namespace

std::string md5_hex(const std::string& text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(text.data(), text.size(), digest, &size, EVP_md5(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xF];
    }
    return out;
}

PjlinkSwitch::PjlinkSwitch(std::string host, int port, std::string password, PjlinkTimeouts timeouts)
    : m_host{std::move(host)}, m_port{port}, m_password{std::move(password)}, m_timeouts{timeouts} {}

std::string PjlinkSwitch::name() const { return "PJLink " + m_host + ":" + std::to_string(m_port); }

PjlinkSwitch::Reply PjlinkSwitch::command(const std::string& body) const {
    Reply reply;
    const auto connected = connect_to(m_host, m_port, m_timeouts.connect_ms, reply.error);
    if (!connected) return reply;
    Socket socket{*connected};
    const auto until = Clock::now() + std::chrono::milliseconds{m_timeouts.reply_ms};
    const auto greeting = read_line(socket.fd(), until, reply.error);
    if (!greeting) return reply;
    std::string prefix;
    if (*greeting == "PJLINK 0") {
        // no password
    } else if (greeting->rfind("PJLINK 1 ", 0) == 0 && greeting->size() == 17) {
        if (m_password.empty()) {
            reply.error = "the projector asks for a password; set display.power.password";
            return reply;
        }
        prefix = md5_hex(greeting->substr(9) + m_password);
    } else if (*greeting == "PJLINK ERRA") {
        reply.error = "the projector refused the connection (PJLINK ERRA)";
        return reply;
    } else {
        reply.error = "not a PJLink projector (it greeted with \"" + greeting->substr(0, 40) + "\")";
        return reply;
    }
    if (!send_all(socket.fd(), prefix + "%1" + body + "\r", until)) {
        reply.error = "the projector did not take the command";
        return reply;
    }
    const auto answer = read_line(socket.fd(), until, reply.error);
    if (!answer) return reply;
    if (*answer == "PJLINK ERRA") {
        reply.error = "the projector refused the password (PJLINK ERRA); check display.power.password";
        return reply;
    }
    const std::string expected = "%1" + body.substr(0, 4) + "=";
    if (answer->rfind(expected, 0) != 0) {
        reply.error = "an answer that is not PJLink (\"" + answer->substr(0, 40) + "\")";
        return reply;
    }
    const auto value = answer->substr(expected.size());
    if (value.rfind("ERR", 0) == 0) {
        reply.error = error_meaning(value);
        return reply;
    }
    reply.ok = true;
    reply.value = value;
    return reply;
}

SwitchResult PjlinkSwitch::set_power(bool on) {
    const auto reply = command(on ? "POWR 1" : "POWR 0");
    if (!reply.ok) return {false, reply.error};
    if (reply.value != "OK") return {false, "an unexpected answer to POWR (" + reply.value + ")"};
    return {true, {}};
}

StateResult PjlinkSwitch::state() {
    StateResult result;
    const auto power = command("POWR ?");
    if (!power.ok) {
        result.error = power.error;
        return result;
    }
    if (power.value == "0") result.state = PowerState::Off;
    else if (power.value == "1") result.state = PowerState::On;
    else if (power.value == "2") result.state = PowerState::CoolingDown;
    else if (power.value == "3") result.state = PowerState::WarmingUp;
    else result.error = "an unexpected power state (" + power.value + ")";
    // "LAMP ?": hours and on/off per lamp, "1234 1 567 0".
    if (const auto lamps = command("LAMP ?"); lamps.ok) {
        std::string detail;
        int lamp = 0;
        const char* at = lamps.value.c_str();
        long hours = 0;
        int on = 0, used = 0;
        while (std::sscanf(at, "%ld %d%n", &hours, &on, &used) == 2) {
            if (!detail.empty()) detail += ", ";
            detail += "lamp " + std::to_string(++lamp) + ": " + std::to_string(hours) + " h" + (on ? " (on)" : " (off)");
            at += used;
        }
        result.detail = detail.empty() ? "lamp hours: " + lamps.value : detail;
    } else {
        result.detail = "lamp hours unknown (" + lamps.error + ")";
    }
    return result;
}

}  // namespace kiosk::display
