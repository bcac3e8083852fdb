#pragma once
// Asks a language model over HTTP with libcurl and streams the answer back piece by piece.
// Every way a service can fail ends in an Outcome with a short reason, never an exception and
// never a hang: connect, first-byte, stall and total time limits, bounded retries (honouring
// Retry-After on 429) before any text arrived, a cap on the answer's length, and cancellation.
#include <atomic>
#include <functional>
#include <string>

#include "kiosk/ai/ai_settings.hpp"
#include "kiosk/ai/prompt_builder.hpp"

namespace kiosk::ai {

struct AskOutcome {
    bool complete = false;
    // Why it ended early: "timeout", "stalled", "refused", "dns", "http_429", "garbage", "empty",
    // "too_long", "disconnected", "error" (the service said so mid-stream), "cancelled".
    std::string failure;
    std::string detail;  // for the log: the service's own words (the key removed)
    int attempts = 0;
};

class AiClient {
public:
    AiClient(Settings settings, std::string key);

    // Blocks until the answer is complete or has failed; on_text runs on this thread for each
    // piece. `cancel` is checked several times a second.
    AskOutcome ask(const Prompt& prompt, const std::function<void(const std::string&)>& on_text,
                   const std::atomic<bool>& cancel) const;

    // The answer is cut off beyond this many bytes (far longer than the prompt asks for).
    std::size_t max_answer_bytes() const;

private:
    Settings m_settings;
    std::string m_key;
};

}  // namespace kiosk::ai
