#pragma once
// Where phones reach the kiosk: the URL its QR code encodes, and the port it holds for them.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::net {

// First IPv4 address of an interface that is up and not loopback, e.g. "192.168.1.20".
std::optional<std::string> detect_lan_ipv4();

// Every IPv4 address of this machine's interfaces that are up, loopback included.
std::vector<std::string> local_ipv4_addresses();

// The Host headers phones and the machine itself may send: the phone URL's host[:port], and
// 127.0.0.1, localhost and each local address with the port.
std::vector<std::string> accepted_hosts(const std::string& phone_url, int port);

// The phone URL: public_url when set (without a trailing slash; "{port}" in it becomes the
// port), else http://<lan>:<port>.
// Falls back to 127.0.0.1 when the machine has no LAN address (phones cannot reach that;
// the caller warns).
std::string phone_url(const std::string& public_url, int port, const std::optional<std::string>& lan);

class PortError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Takes the phones' TCP port (all interfaces, listening) at start-up, so a clash is found at
// once with a clear message rather than when the first phone scans. The phone server then
// takes the socket over.
class PortReservation {
public:
    explicit PortReservation(int port);  // throws PortError; port 0 picks a free port
    ~PortReservation();
    PortReservation(const PortReservation&) = delete;
    PortReservation& operator=(const PortReservation&) = delete;
    int port() const { return m_port; }
    int release();  // hands the listening socket over; the caller closes it

private:
    int m_fd = -1;
    int m_port;
};

}  // namespace kiosk::net
