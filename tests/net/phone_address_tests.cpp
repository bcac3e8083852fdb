// The phones' URL in the QR code, and the Host headers the kiosk answers to.
#include <catch2/catch.hpp>

#include <algorithm>

#include "kiosk/net/phone_address.hpp"

using namespace kiosk;

TEST_CASE("The phone URL comes from public_url when set, else from the LAN address") {
    CHECK(net::phone_url("http://kiosk.example:8080/", 9000, "10.0.0.5") == "http://kiosk.example:8080");
    CHECK(net::phone_url("", 9000, std::string{"10.0.0.5"}) == "http://10.0.0.5:9000");
    CHECK(net::phone_url("", 9000, std::nullopt) == "http://127.0.0.1:9000");
    CHECK(net::phone_url("http://127.0.0.1:{port}", 41234, std::nullopt) == "http://127.0.0.1:41234");
}

TEST_CASE("The kiosk answers to its phone URL's host, loopback and its own addresses, with the port") {
    const auto has = [](const std::vector<std::string>& hosts, const std::string& host) {
        return std::find(hosts.begin(), hosts.end(), host) != hosts.end();
    };
    auto hosts = net::accepted_hosts("http://192.168.1.20:8080", 8080);
    CHECK(has(hosts, "192.168.1.20:8080"));
    CHECK(has(hosts, "127.0.0.1:8080"));
    CHECK(has(hosts, "localhost:8080"));
    CHECK_FALSE(has(hosts, "127.0.0.1"));
    CHECK_FALSE(has(hosts, "192.168.1.20"));
    // Behind a proxy the phone URL's name, as written; on port 80 browsers send no port.
    CHECK(has(net::accepted_hosts("https://kiosk.example/", 8080), "kiosk.example"));
    hosts = net::accepted_hosts("http://10.0.0.5", 80);
    CHECK(has(hosts, "10.0.0.5"));
    CHECK(has(hosts, "127.0.0.1"));
    CHECK(has(hosts, "localhost:80"));
}
