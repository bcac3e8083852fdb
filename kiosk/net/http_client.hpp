#pragma once
// A small blocking HTTP/1.1 client for the kiosk's own phone API on 127.0.0.1: the demo
// phones use it so they go through exactly what real phones go through.
#include <string>

namespace kiosk::net {

struct ClientReply {
    int status = 0;  // 0 when the request could not be made
    std::string body;
};

// POSTs a JSON body to http://127.0.0.1:<port><path>. Never throws.
ClientReply post_json(int port, const std::string& path, const std::string& body);

}  // namespace kiosk::net
