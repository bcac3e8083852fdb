#pragma once
// The prompt templates in prompts/ (proposal.<lang>.txt), written by learning professionals:
// plain text in two sections, "[system]" (the instructions) and "[user]" (the request), with
// named placeholders such as {{facts}}. Unknown, missing or misplaced placeholders are config
// errors that name the file and the line.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ai {

struct PromptTemplate {
    std::string file;    // for messages
    std::string system;  // the instructions
    std::string user;    // the request with the group's material
};

// What one kind of template holds: the proposal's (proposal.<lang>.txt) or the drafting of a
// session format's (videoframe.<lang>.txt).
struct TemplateKind {
    std::vector<std::string> known;     // every placeholder it may use
    std::vector<std::string> data;      // outside text (participants', a topic): only in [user], as data blocks
    std::vector<std::string> system;    // where a missing one goes: [system] (the others: [user])
    std::vector<std::string> optional;  // may be left out (the rest must be used)

    static const TemplateKind& proposal();
    static const TemplateKind& videoframe();
};

// Placeholders filled with participants' text. They may appear only in [user], where each
// becomes a delimited data block; the instructions must name the blocks' marker ({{marker}}).
const std::vector<std::string>& data_placeholders();
// Every placeholder a proposal template may use, data ones included.
const std::vector<std::string>& known_placeholders();

// Parses a template; nullopt with the problems added ("file: line N: what; fix") when it is
// not usable.
std::optional<PromptTemplate> parse_prompt_template(std::string_view text, const std::string& file,
                                                    std::vector<std::string>& problems,
                                                    const TemplateKind& kind = TemplateKind::proposal());
std::optional<PromptTemplate> load_prompt_template(const std::filesystem::path& path, std::vector<std::string>& problems,
                                                   const TemplateKind& kind = TemplateKind::proposal());

// Replaces every {{name}} in `text` with values[name]. Values are inserted as they are and not
// scanned again, so a value holding "{{marker}}" stays literal.
std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace kiosk::ai
