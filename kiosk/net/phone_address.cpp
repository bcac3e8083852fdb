#include "kiosk/net/phone_address.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

namespace kiosk::net {

namespace {

// The IPv4 addresses of the interfaces that are up, in the system's order.
std::vector<std::string> ipv4_addresses(bool with_loopback) {
    std::vector<std::string> found;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return found;
    for (const ifaddrs* item = list; item; item = item->ifa_next) {
        if (!item->ifa_addr || item->ifa_addr->sa_family != AF_INET || (item->ifa_flags & IFF_UP) == 0) continue;
        if (!with_loopback && (item->ifa_flags & IFF_LOOPBACK) != 0) continue;
        sockaddr_in address{};
        std::memcpy(&address, item->ifa_addr, sizeof address);
        char text[INET_ADDRSTRLEN] = {};
        if (inet_ntop(AF_INET, &address.sin_addr, text, sizeof text)) found.emplace_back(text);
    }
    freeifaddrs(list);
    return found;
}

}  // namespace

std::optional<std::string> detect_lan_ipv4() {
    auto found = ipv4_addresses(false);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<std::string> local_ipv4_addresses() { return ipv4_addresses(true); }

std::vector<std::string> accepted_hosts(const std::string& phone_url, int port) {
    const auto with_port = ":" + std::to_string(port);
    std::vector<std::string> hosts{"127.0.0.1" + with_port, "localhost" + with_port};
    for (const auto& address : local_ipv4_addresses()) hosts.push_back(address + with_port);
    // On port 80 browsers leave the port out of the Host header.
    if (port == 80)
        for (const auto& name : std::vector<std::string>{hosts}) hosts.push_back(name.substr(0, name.size() - with_port.size()));
    // The URL's authority exactly as phones send it: "kiosk.example", "192.168.1.20:8080".
    auto rest = phone_url.substr(phone_url.find("://") == std::string::npos ? 0 : phone_url.find("://") + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
    if (!rest.empty()) hosts.push_back(rest);
    return hosts;
}

std::string phone_url(const std::string& public_url, int port, const std::optional<std::string>& lan) {
    if (!public_url.empty()) {
        std::string url = public_url;
        while (!url.empty() && url.back() == '/') url.pop_back();
        // "{port}" stands for the port the kiosk got, e.g. with --port 0 in tests.
        if (const auto at = url.find("{port}"); at != std::string::npos) url.replace(at, 6, std::to_string(port));
        return url;
    }
    return "http://" + lan.value_or("127.0.0.1") + ":" + std::to_string(port);
}

PortReservation::PortReservation(int port) : m_port{port} {
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0) throw PortError{std::string{"cannot open a network socket: "} + std::strerror(errno)};
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    // SO_REUSEADDR lets a restarted kiosk (after a crash) take its port back at once while old
    // connections linger in TIME_WAIT; on Linux it still refuses a port another program listens on.
    const int yes = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(m_fd, SOMAXCONN) != 0) {
        const int error = errno;
        ::close(m_fd);
        m_fd = -1;
        const std::string number = std::to_string(port);
        if (error == EADDRINUSE)
            throw PortError{"port " + number + " is already in use by another program; stop that program or "
                            "start with --port N (or set network.port in kiosk.json)"};
        if (error == EACCES)
            throw PortError{"port " + number + " needs administrator rights; use a port above 1023 with --port N"};
        throw PortError{"cannot use port " + number + ": " + std::strerror(error)};
    }
    // Port 0 asks the system for a free one (tests); say which it gave.
    socklen_t length = sizeof address;
    if (::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) m_port = ntohs(address.sin_port);
}

PortReservation::~PortReservation() {
    if (m_fd >= 0) ::close(m_fd);
}

int PortReservation::release() { return std::exchange(m_fd, -1); }

}  // namespace kiosk::net
