#pragma once
// Actions as the phones' JSON: a request body decoded into an action's payload by its field
// specs, and the limits of every phone action served to the page. Both read the action table
// (kiosk/core/actions.hpp), so the API, the engine and the page share one declaration.
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

#include "kiosk/core/actions.hpp"

namespace kiosk::net {

// A body that does not fit the action: which field, and why (HTTP 400 or 422).
struct DecodeError : std::runtime_error {
    DecodeError(int http_status, std::string error_code, std::string_view field_name)
        : std::runtime_error{error_code}, status{http_status}, code{std::move(error_code)}, field{field_name} {}
    int status;
    std::string code;  // "missing_field", "bad_field"
    std::string_view field;
};

// The action's payload from a request's JSON object. Fields the engine chooses are never read.
// Types are checked here; values and limits by check_payload() afterwards.
Payload decode_payload(const ActionSpec& spec, const nlohmann::json& body);

// {"warning_seconds": N, "fields": {"/api/notes": {"text": {"kind": "line", "max": 280}, ...}, ...}}
nlohmann::json limits_json(const FieldBounds& bounds, int warning_seconds);

}  // namespace kiosk::net
