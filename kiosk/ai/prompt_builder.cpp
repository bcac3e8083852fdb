#include "kiosk/ai/prompt_builder.hpp"

#include <map>

#include "kiosk/ai/redact.hpp"
#include "kiosk/core/random_key.hpp"

namespace kiosk::ai {

namespace {

struct LanguageWords {
    std::string name, none, dots, system_heading, user_heading;
    RedactLabels labels;
};

const LanguageWords& words_for(const std::string& language) {
    static const LanguageWords nl{"Nederlands", "(geen)", "stippen", "Instructies", "Verzoek",
                                  {"[e-mail]", "[telefoonnummer]", "[naam]"}};
    static const LanguageWords en{"English", "(none)", "dots", "Instructions", "Request",
                                  {"[email]", "[phone number]", "[name]"}};
    return language == "en" ? en : nl;
}

// The notes the step's vote chose (View::choices), with their dots; nobody voted: everything
// written goes in, oldest first.
std::vector<std::pair<std::string, int>> chosen_or_all(const View& view, int step) {
    std::map<int, int> dots;
    for (const auto& ranked : view.ranking(step)) dots[ranked.note] = ranked.dots;
    std::vector<std::pair<std::string, int>> out;
    for (const auto* note : view.chosen(step)) out.emplace_back(note->text, dots[note->id]);
    if (out.empty())
        for (const auto* note : view.notes_of(step)) out.emplace_back(note->text, 0);
    if (out.size() > 12) out.resize(12);
    return out;
}

}  // namespace

PromptInputs inputs_from(const View& view, const std::string& room, int max_words) {
    PromptInputs inputs;
    inputs.room = room;
    inputs.language = view.content->language;
    inputs.max_words = max_words;
    for (const int index : view.framing)
        if (index >= 0 && index < static_cast<int>(view.content->framing_questions.size()))
            inputs.framing.push_back(view.content->framing_questions[static_cast<std::size_t>(index)]);
    inputs.situation = view.situation;
    inputs.videoframe = view.content->title;
    inputs.videoframe_goal = view.content->goal;
    inputs.ai_brief = view.content->ai_brief;
    const auto& steps = view.content->steps;
    for (std::size_t i = 1; i < steps.size(); ++i) {
        const int step = static_cast<int>(i);
        switch (steps[i].contribution) {
        case Contribution::Facts:
            for (const auto* note : view.notes_of(step)) inputs.facts.push_back(note->text);
            break;
        case Contribution::Statements: inputs.statements = chosen_or_all(view, step); break;
        case Contribution::Ideas: inputs.ideas = chosen_or_all(view, step); break;
        case Contribution::Constraints:
            for (const auto* note : view.notes_of(step)) inputs.constraints.push_back(note->text);
            break;
        default: break;
        }
    }
    for (const auto& person : view.participants)
        if (!person.name.empty()) inputs.names.push_back(person.name);
    return inputs;
}

Prompt build_prompt(const PromptTemplate& tmpl, const PromptInputs& inputs, const std::string& marker) {
    const auto& words = words_for(inputs.language);
    Prompt prompt;
    prompt.marker = marker;
    const auto clean = [&](const std::string& text) {
        auto redacted = redact(text, inputs.names, words.labels);
        prompt.removed += redacted.removed;
        return redacted.text;
    };
    // One data block: the marker opens and closes it; each item on its own line.
    const auto block = [&](const std::string& name, const std::vector<std::string>& lines) {
        std::string out = "<<<" + marker + " BEGIN " + name + ">>>\n";
        if (lines.empty()) out += words.none + "\n";
        for (const auto& line : lines) out += "- " + clean(line) + "\n";
        return out + "<<<" + marker + " END " + name + ">>>";
    };
    const auto with_dots = [&](const std::vector<std::pair<std::string, int>>& items) {
        std::vector<std::string> lines;
        for (const auto& [text, dots] : items) lines.push_back("(" + std::to_string(dots) + " " + words.dots + ") " + text);
        return lines;
    };
    std::string framing;
    for (const auto& question : inputs.framing) framing += (framing.empty() ? "- " : "\n- ") + question;
    if (framing.empty()) framing = words.none;

    const std::map<std::string, std::string> shared{{"room", inputs.room},
                                                    {"language", words.name},
                                                    {"length", std::to_string(inputs.max_words)},
                                                    {"marker", marker},
                                                    {"framing_questions", framing},
                                                    {"videoframe", inputs.videoframe},
                                                    {"videoframe_goal", inputs.videoframe_goal.empty() ? words.none : inputs.videoframe_goal},
                                                    {"ai_brief", inputs.ai_brief.empty() ? words.none : inputs.ai_brief}};
    auto user_values = shared;
    user_values["situation"] = block("situation", inputs.situation.empty() ? std::vector<std::string>{} : std::vector<std::string>{inputs.situation});
    user_values["facts"] = block("facts", inputs.facts);
    user_values["problem_statement"] = block("problem_statement", with_dots(inputs.statements));
    user_values["ideas"] = block("ideas", with_dots(inputs.ideas));
    user_values["constraints"] = block("constraints", inputs.constraints);
    prompt.system = fill_placeholders(tmpl.system, shared);
    prompt.user = fill_placeholders(tmpl.user, user_values);
    prompt.shown = "## " + words.system_heading + "\n\n" + prompt.system + "\n\n## " + words.user_heading + "\n\n" + prompt.user;
    return prompt;
}

std::string new_marker() { return "DATA-" + random_key().substr(0, 16); }  // 64 random bits

}  // namespace kiosk::ai
