#pragma once
// Requests and replies as the phone API sees them: plain data, free of the HTTP library, so
// the API's rules can be read and tested without a socket.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::net {

struct HttpRequest {
    std::string method;  // "GET", "POST", ...
    std::string path;    // without the query, percent-decoding left to the routes
    std::map<std::string, std::string> query;
    std::string content_type;
    std::string host;    // the Host header as sent ("192.168.1.20:8080"); empty when absent
    std::string body;
    std::string remote;  // the peer's IP address
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

// Splits "a=1&b=x%20y" into decoded pairs; malformed escapes are kept as they are.
std::map<std::string, std::string> parse_query(const std::string& query);

}  // namespace kiosk::net
