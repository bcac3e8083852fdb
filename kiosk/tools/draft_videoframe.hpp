#pragma once
// --draft-videoframe "TOPIC": a new session format drafted by the configured language model and
// checked against the library's schema before a person reviews it. The prompt comes from
// prompts/videoframe.<lang>.txt (the schema, the five steps, the didactic frame and two of the
// library's formats as examples); the topic is data in a marked block, never instructions. An
// answer that does not fit goes back once with its problems; what still does not fit is
// reported by field and nothing is written. A fitting draft is written with "status": "draft"
// and "drafted_with", so the lobby never offers it until a person sets it ready.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/ai/ai_client.hpp"
#include "kiosk/config/config_loader.hpp"

namespace kiosk::tools {

struct DraftRequest {
    std::string topic;
    std::string language;                     // "nl" or "en"
    std::optional<std::filesystem::path> out;  // default: <config>/videoframes/<id>.<lang>.json
    std::string date;                          // "YYYY-MM-DD", for drafted_with
};

struct DraftResult {
    bool written = false;
    std::filesystem::path file;
    int asked = 0;                       // 1, or 2 after a repair
    std::vector<std::string> problems;   // by field, when nothing was written
};

// Asks the model (the manual route: prints the prompt to `out` and reads the pasted answer from
// `in` up to a line "." or the end) and checks the answer. Throws UsageError for a topic or
// language that cannot be used, ConfigError for a broken template.
DraftResult draft_videoframe(const Config& config, const DraftRequest& request, std::istream& in, std::ostream& out);

// The JSON in a model's answer: without a Markdown fence or words around it; "" when there is none.
std::string json_in_answer(const std::string& answer);

}  // namespace kiosk::tools
