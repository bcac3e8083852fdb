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

// Placeholders filled with participants' text. They may appear only in [user], where each
// becomes a delimited data block; the instructions must name the blocks' marker ({{marker}}).
const std::vector<std::string>& data_placeholders();
// Every placeholder a template may (and must) use, data ones included.
const std::vector<std::string>& known_placeholders();

// Parses a template; nullopt with the problems added ("file: line N: what; fix") when it is
// not usable.
std::optional<PromptTemplate> parse_prompt_template(std::string_view text, const std::string& file,
                                                    std::vector<std::string>& problems);
std::optional<PromptTemplate> load_prompt_template(const std::filesystem::path& path,
                                                   std::vector<std::string>& problems);

// Replaces every {{name}} in `text` with values[name]. Values are inserted as they are and not
// scanned again, so a value holding "{{marker}}" stays literal.
std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace kiosk::ai
