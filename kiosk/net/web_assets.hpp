#pragma once
// The phone page's files (kiosk/net/web/), compiled into the binary so the kiosk needs no
// files beside it and phones never load anything from elsewhere.
#include <string_view>

namespace kiosk::net {

struct WebAsset {
    std::string_view name;          // "app.js"
    std::string_view content_type;  // "text/javascript; charset=utf-8"
    std::string_view body;
    bool is_public;                 // served as /<name>; templates are filled in by the API
};

const WebAsset* find_web_asset(std::string_view name);

}  // namespace kiosk::net
