#include "kiosk/ai/prompt_template.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk::ai {

namespace {

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

struct Found {
    std::string name;
    int line = 0;
};

// The placeholders of one section, with the file's line numbers; problems for malformed ones.
std::vector<Found> scan(std::string_view text, int first_line, const std::string& file,
                        std::vector<std::string>& problems) {
    std::vector<Found> found;
    int line = first_line;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '\n') ++line;
        if (text.compare(at, 2, "{{") != 0) continue;
        const auto close = text.find("}}", at + 2);
        const auto newline = text.find('\n', at);
        if (close == std::string_view::npos || close > newline) {
            problems.push_back(file + ": line " + std::to_string(line) +
                               ": \"{{\" is not closed on the same line; write placeholders as {{name}}");
            continue;
        }
        const auto name = std::string{text.substr(at + 2, close - at - 2)};
        if (name.empty() || !std::all_of(name.begin(), name.end(), is_name_char)) {
            problems.push_back(file + ": line " + std::to_string(line) + ": \"{{" + name +
                               "}}\" is not a placeholder name; use lower-case letters and _ only");
        } else {
            found.push_back({name, line});
        }
        at = close + 1;
    }
    return found;
}

std::string list_of(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ", ") + ("{{" + name + "}}");
    return out;
}

}  // namespace

const TemplateKind& TemplateKind::proposal() {
    static const TemplateKind kind{
        {"room", "language", "length", "marker", "framing_questions", "situation", "facts", "problem_statement", "ideas",
         "constraints", "videoframe", "videoframe_goal", "ai_brief"},
        {"situation", "facts", "problem_statement", "ideas", "constraints"},
        {"marker", "language", "length"},
        // The session's format may be left out: a template written before formats still works.
        {"videoframe", "videoframe_goal", "ai_brief"}};
    return kind;
}

const TemplateKind& TemplateKind::videoframe() {
    static const TemplateKind kind{{"language", "marker", "schema", "steps", "frame", "example_one", "example_two", "topic"},
                                   {"topic"},
                                   {"language", "marker", "schema", "steps", "frame", "example_one", "example_two"},
                                   {}};
    return kind;
}

const std::vector<std::string>& data_placeholders() { return TemplateKind::proposal().data; }

const std::vector<std::string>& known_placeholders() { return TemplateKind::proposal().known; }

namespace {

using Sections = std::map<std::string, std::pair<std::string, int>>;  // name -> text, its first line

// Splits the file at lines that are exactly "[system]" or "[user]"; lines before the first
// section are notes for whoever edits the file.
Sections split_sections(std::string_view text, const std::string& file, std::vector<std::string>& problems) {
    Sections sections;
    std::string current;
    int line_number = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        auto end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        ++line_number;
        at = end + 1;
        if (line == "[system]" || line == "[user]") {
            current = std::string{line.substr(1, line.size() - 2)};
            if (sections.count(current))
                problems.push_back(file + ": line " + std::to_string(line_number) + ": a second [" + current +
                                   "] section; keep one [system] and one [user]");
            sections[current] = {"", line_number + 1};
            continue;
        }
        if (!current.empty()) sections[current].first += std::string{line} + "\n";
    }
    for (const char* name : {"system", "user"})
        if (!sections.count(name))
            problems.push_back(file + ": the [" + std::string{name} +
                               "] section is missing; put a line \"[" + name + "]\" above its text");
    return sections;
}

// Every placeholder known and in its place (participants' text only in [user], the marker in
// [system]), and every known one used but the format's.
void check_placeholders(const Sections& sections, const std::string& file, const TemplateKind& kind,
                        std::vector<std::string>& problems) {
    const auto& data = kind.data;
    const auto& known = kind.known;
    const auto has = [](const std::vector<std::string>& names, const std::string& name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    std::map<std::string, std::vector<std::string>> seen_in;  // placeholder -> sections
    for (const auto& [section, body] : sections) {
        for (const auto& found : scan(body.first, body.second, file, problems)) {
            const auto where = file + ": line " + std::to_string(found.line) + ": ";
            if (std::find(known.begin(), known.end(), found.name) == known.end()) {
                problems.push_back(where + "unknown placeholder {{" + found.name + "}}; known are " + list_of(known));
                continue;
            }
            if (section == "system" && std::find(data.begin(), data.end(), found.name) != data.end())
                problems.push_back(where + "{{" + found.name +
                                   "}} holds participants' text and may only be used in [user]; move it there");
            if (section == "user" && found.name == "marker")
                problems.push_back(where + "{{marker}} belongs in [system], where the instructions explain the data blocks");
            seen_in[found.name].push_back(section);
        }
    }
    for (const auto& name : known)
        if (!seen_in.count(name) && !has(kind.optional, name))
            problems.push_back(file + ": placeholder {{" + name + "}} is missing; add it to [" +
                               (has(kind.system, name) ? "system" : "user") +
                               "] (" + (name == "marker" ? "the instructions must name the data blocks' marker"
                                                          : "the prompt needs it") + ")");
}

}  // namespace

std::optional<PromptTemplate> parse_prompt_template(std::string_view text, const std::string& file,
                                                    std::vector<std::string>& problems, const TemplateKind& kind) {
    const auto before = problems.size();
    auto sections = split_sections(text, file, problems);
    if (problems.size() != before) return std::nullopt;
    check_placeholders(sections, file, kind, problems);
    if (problems.size() != before) return std::nullopt;
    const auto trimmed = [](const std::string& s) {
        const auto first = s.find_first_not_of(" \n");
        const auto last = s.find_last_not_of(" \n");
        return first == std::string::npos ? std::string{} : s.substr(first, last - first + 1);
    };
    return PromptTemplate{file, trimmed(sections["system"].first), trimmed(sections["user"].first)};
}

std::optional<PromptTemplate> load_prompt_template(const std::filesystem::path& path, std::vector<std::string>& problems,
                                                   const TemplateKind& kind) {
    std::ifstream in{path, std::ios::binary};
    if (!in) {
        problems.push_back(path.string() + ": cannot be read; check that the file exists (prompts/ ships " +
                           "proposal.<lang>.txt and videoframe.<lang>.txt for nl and en)");
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_prompt_template(text.str(), path.string(), problems, kind);
}

std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(text.size() * 2);
    std::size_t at = 0;
    while (at < text.size()) {
        const auto open = text.find("{{", at);
        if (open == std::string_view::npos) break;
        const auto close = text.find("}}", open + 2);
        if (close == std::string_view::npos) break;
        const auto value = values.find(std::string{text.substr(open + 2, close - open - 2)});
        out.append(text.substr(at, open - at));
        if (value == values.end()) out.append(text.substr(open, close + 2 - open));
        else out += value->second;
        at = close + 2;
    }
    out.append(text.substr(at));
    return out;
}

}  // namespace kiosk::ai
