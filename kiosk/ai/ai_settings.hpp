#pragma once
// kiosk.json "ai": which language model the AI stage asks, and how patiently. Plain data.
#include <string>

#include "kiosk/core/enum_names.hpp"

namespace kiosk::ai {

enum class Provider {
    Manual,     // no service: the group copies the prompt into its own approved assistant
    OpenAi,     // OpenAI-compatible chat completions (OpenAI, Azure, Ollama, llama.cpp, vLLM, LM Studio)
    Anthropic,  // Anthropic Messages
};

struct Settings {
    Provider provider = Provider::Manual;
    std::string base_url;      // the API root, e.g. "http://localhost:11434/v1"
    std::string model;         // shown on screen beside the proposal
    std::string api_key_env;   // the environment variable holding the key ("" for none)
    std::string api_key_file;  // or a file readable only by the kiosk's user
    std::string deployment;    // Azure OpenAI: the deployment name (then the URL is Azure's)
    std::string api_version;   // Azure OpenAI: "api-version", e.g. "2024-06-01"
    int timeout_seconds = 120;       // the whole answer
    int connect_seconds = 10;        // reaching the service
    int first_byte_seconds = 45;     // the first piece of the answer
    int stall_seconds = 30;          // silence in the middle of a stream
    int retries = 2;                 // after 429 / 5xx / 529, before anything arrived
    int constraints_seconds = 90;    // the phones' window for constraints (0: send at once)
    int max_words = 350;             // asked for in the prompt; answers far longer are cut off
};

// "openai", "anthropic", "manual"
const EnumNames<Provider>& provider_names();
const char* provider_name(Provider provider);

}  // namespace kiosk::ai

namespace kiosk::ai {

// The API key named by the settings: the environment variable api_key_env, or the first line
// of api_key_file, which must not be readable by others. "" when none is configured. Throws
// std::runtime_error with a message naming the setting and the fix when it cannot be had.
std::string read_api_key(const Settings& settings);

}  // namespace kiosk::ai
