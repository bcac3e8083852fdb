#pragma once
// One HTTP request read from raw bytes exactly as the server reads it from a socket (same
// header and body limits, same refusals), without a socket: for the fuzz target that sends
// arbitrary bytes through the server's request handling into the phone API.
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/net/http_message.hpp"
#include "kiosk/net/http_server.hpp"

namespace kiosk::net {

// The request, or the reply the server would send instead (413, 431, 400). Bytes after the
// first complete request are ignored; an incomplete request is a 400 (a socket would wait).
std::variant<HttpRequest, HttpResponse> read_request(std::string_view bytes, const ServerLimits& limits,
                                                     const std::string& remote = "127.0.0.1");

}  // namespace kiosk::net
