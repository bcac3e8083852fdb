#pragma once
// The providers' wire formats: how a prompt becomes an HTTP request, and how the streamed (or
// whole) answer and the error bodies are read. Pure functions; the transfer is ai_client's.
#include <string>
#include <utility>
#include <vector>

#include "kiosk/ai/ai_settings.hpp"
#include "kiosk/ai/prompt_builder.hpp"

namespace kiosk::ai {

struct HttpCall {
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

// `key` may be empty (a local server without authentication).
HttpCall make_request(const Settings& settings, const std::string& key, const Prompt& prompt);

// One decoded piece of an answer.
struct Piece {
    std::string text;   // text to append (may be empty)
    bool done = false;  // the answer is complete
    std::string error;  // the service reported an error (or sent something unreadable)
};

// A streamed event: OpenAI-compatible sends only data lines; Anthropic names its events.
Piece decode_stream_event(Provider provider, const std::string& event, const std::string& data);
// A whole (non-streamed) JSON answer.
Piece decode_whole_answer(Provider provider, const std::string& body);
// A short description of an HTTP error from its body ("overloaded_error: Overloaded"), or "".
std::string error_detail(const std::string& body);

}  // namespace kiosk::ai
