#include "kiosk/tools/draft_videoframe.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <istream>
#include <ostream>
#include <sstream>

#include "kiosk/ai/prompt_builder.hpp"
#include "kiosk/ai/prompt_template.hpp"
#include "kiosk/config/config_error.hpp"
#include "kiosk/config/videoframe_reader.hpp"
#include "kiosk/core/text_rules.hpp"
#include "kiosk/tools/usage_error.hpp"

namespace kiosk::tools {

namespace {

using Json = nlohmann::json;

// The schema as the model reads it: the fields, their limits and the rules the library checks.
constexpr const char* k_schema = R"({
  "id": "a-z, 0-9 and '-', at most 40 characters; a new name, not one of the examples'",
  "status": "draft",
  "title": "at most 80 characters",
  "summary": "when to choose this format, at most 200 characters",
  "goal": "what the hour works towards, one sentence, at most 240 characters",
  "ai_brief": "one or two sentences for the AI: what it makes of the group's input in this format, at most 400 characters",
  "checkin": {"title": "...", "goal": "...", "phone_task": "at most 160 characters", "minutes": 3},
  "stages": [
    {"id": "a-z0-9-", "title": "...", "goal": "...", "questions": ["1 to 4 short questions"], "phone_task": "...",
     "minutes": 12, "contribute": "facts", "max_per_person": 3},
    {"id": "...", "contribute": "statements", "max_per_person": 1, "dots": 3, "minutes": 8, "...": "..."},
    {"id": "...", "contribute": "ideas", "dots": 3, "winners": 3, "minutes": 15, "...": "..."},
    {"id": "...", "contribute": "constraints", "minutes": 10, "...": "..."},
    {"id": "...", "contribute": "scores", "vote_minutes": 3, "result_minutes": 3, "minutes": 12, "...": "..."}
  ],
  "reflection_questions": ["8 to 20 questions, one per week"],
  "framing_questions": ["6 to 10 questions of the didactic frame"],
  "criteria": [{"name": "at most 40 characters", "description": "at most 200 characters"}],
  "surprises": [{"stage": "a stage id", "after_minutes": 5, "show_minutes": 2,
                 "cards": [{"kind": "question | constraint | role | exercise | quote", "text": "at most 160 characters", "by": "a quote's author only"}]}]
}
Rules: the check-in and the five stages add up to 60 minutes; a stage with dots or scores has more minutes than its
vote_minutes + result_minutes (2 + 2 when not given); a surprise pool's after_minutes + show_minutes fits in its stage's
writing time; stage ids are unique; 5 to 8 criteria; 2 or 3 surprise pools of 3 to 6 cards.)";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The library's default format and one other ready one, as their files say them: the examples.
std::pair<std::string, std::string> examples(const Config& config, const std::string& language) {
    const auto first = config.library->default_format();
    std::shared_ptr<const Content> second;
    for (const auto& format : config.library->ready())
        if (format != first && !second) second = format;
    const auto file_of = [&](const std::shared_ptr<const Content>& format) {
        if (!format) return std::string{"(none)"};
        const auto path = config.dir / "videoframes" / (format->id + "." + language + ".json");
        return std::filesystem::exists(path) ? read_file(path) : std::string{"(none)"};
    };
    return {file_of(first), file_of(second)};
}

ai::Prompt draft_prompt(const Config& config, const ai::PromptTemplate& tmpl, const DraftRequest& request) {
    const auto& content = *config.library->default_format();
    std::string steps, frame;
    for (std::size_t i = 1; i < content.steps.size(); ++i) steps += "- " + content.steps[i].title + ": " + content.steps[i].goal + "\n";
    for (const auto& question : content.framing_questions) frame += "- " + question + "\n";
    const auto [one, two] = examples(config, request.language);
    ai::Prompt prompt;
    prompt.marker = ai::new_marker();
    const std::map<std::string, std::string> system{{"language", request.language == "nl" ? "Nederlands" : "English"},
                                                    {"marker", prompt.marker}, {"schema", k_schema}, {"steps", steps},
                                                    {"frame", frame}, {"example_one", one}, {"example_two", two}};
    const std::string topic = "<<<" + prompt.marker + " BEGIN topic>>>\n" + request.topic + "\n<<<" + prompt.marker + " END topic>>>";
    prompt.system = ai::fill_placeholders(tmpl.system, system);
    prompt.user = ai::fill_placeholders(tmpl.user, {{"topic", topic}});
    prompt.shown = "## System\n\n" + prompt.system + "\n\n## User\n\n" + prompt.user;
    return prompt;
}

// The answer, by the provider configured or pasted by a person (the manual route).
std::string ask(const Config& config, const ai::Prompt& prompt, std::istream& in, std::ostream& out, std::string& failure) {
    auto settings = config.settings.ai;
    if (settings.provider == ai::Provider::Manual) {
        out << prompt.shown << "\n\n---\n" << (config.settings.language == "nl"
            ? "Plak het antwoord van het taalmodel hieronder en sluit af met een regel met alleen een punt (.) of Ctrl+D.\n"
            : "Paste the language model's answer below and end with a line holding only a full stop (.) or Ctrl+D.\n");
        std::string answer, line;
        while (std::getline(in, line) && line != ".") answer += line + "\n";
        return answer;
    }
    settings.max_words = 2000;  // a whole format is long (the answer may be 12 bytes a word)
    const ai::AiClient client{settings, ai::read_api_key(settings)};
    std::string answer;
    const std::atomic<bool> cancel{false};
    const auto outcome = client.ask(prompt, [&](const std::string& text) { answer += text; }, cancel);
    if (!outcome.complete) failure = outcome.failure + (outcome.detail.empty() ? "" : " (" + outcome.detail + ")");
    return answer;
}

// What does not fit in the answer, by field; the draft's JSON in `draft` (in the model's order of
// fields, for the person who reviews it) when it fits.
std::vector<std::string> check_answer(const Config& config, const DraftRequest& request, const std::string& answer,
                                      nlohmann::ordered_json& draft) {
    const auto text = json_in_answer(answer);
    if (text.empty()) return {"the answer holds no JSON object { ... }"};
    try {
        draft = nlohmann::ordered_json::parse(text);
    } catch (const nlohmann::ordered_json::parse_error& error) {
        return {std::string{"the answer is not valid JSON: "} + error.what()};
    }
    if (!draft.is_object()) return {"the answer must be one JSON object { ... }"};
    const auto& ai = config.settings.ai;
    draft["status"] = "draft";  // whatever the model says: a person decides when it is ready
    draft["drafted_with"] = {{"provider", ai::provider_name(ai.provider)}, {"model", ai.model.empty() ? "(pasted)" : ai.model},
                             {"date", request.date}};
    Problems problems;
    const auto content = read_content(Json::parse(draft.dump()), "answer", request.language, true, problems);
    auto lines = problems.lines();
    if (!lines.empty()) return lines;
    // Taken in any language: a second draft under the same id would not match the first.
    std::error_code ignored;
    for (const auto& language : k_languages)
        if (std::filesystem::exists(config.dir / "videoframes" / (content.id + "." + language + ".json"), ignored)) {
            lines.push_back("answer: id: \"" + content.id + "\" is a format of the library already; choose a new id");
            break;
        }
    Millis hour{0};
    for (const auto& step : content.steps) hour += step.duration;
    if (hour != std::chrono::minutes{60})
        lines.push_back("answer: stages: the check-in and the stages take " + std::to_string(hour / std::chrono::minutes{1}) +
                        " minutes; a session is an hour (60)");
    return lines;
}

std::string repair_request(const ai::Prompt& first, const std::string& answer, const std::vector<std::string>& problems, bool dutch) {
    std::string list;
    for (const auto& problem : problems) list += "- " + problem + "\n";
    return first.user + "\n\n" +
           (dutch ? "Je vorige antwoord paste niet bij het schema. Dit ging mis:\n"
                  : "Your previous answer did not fit the schema. These were the problems:\n") +
           list + "\n<<<" + first.marker + " BEGIN previous_answer>>>\n" + answer + "\n<<<" + first.marker + " END previous_answer>>>\n\n" +
           (dutch ? "Antwoord opnieuw met het hele, verbeterde JSON-object en niets anders."
                  : "Answer again with the whole corrected JSON object and nothing else.");
}

}  // namespace

std::string json_in_answer(const std::string& answer) {
    const auto first = answer.find('{');
    const auto last = answer.rfind('}');
    if (first == std::string::npos || last == std::string::npos || last < first) return {};
    return answer.substr(first, last - first + 1);  // a fence or words around it stay out
}

DraftResult draft_videoframe(const Config& config, const DraftRequest& request, std::istream& in, std::ostream& out) {
    if (request.topic.find_first_not_of(" \t\r\n") == std::string::npos || check_raw_text(request.topic, 300) != TextProblem::None)
        throw UsageError{"--draft-videoframe needs a topic of one line, at most 300 characters, e.g. --draft-videoframe \"feedback geven\""};
    std::vector<std::string> template_problems;
    const auto path = beside_config(config.dir, config.settings.prompts_dir) / ("videoframe." + request.language + ".txt");
    const auto tmpl = ai::load_prompt_template(path, template_problems, ai::TemplateKind::videoframe());
    if (!tmpl) throw ConfigError{template_problems};
    DraftResult result;
    auto prompt = draft_prompt(config, *tmpl, request);
    nlohmann::ordered_json draft;
    std::string answer;
    for (result.asked = 1; result.asked <= 2; ++result.asked) {
        std::string failure;
        answer = ask(config, prompt, in, out, failure);
        result.problems = failure.empty() ? check_answer(config, request, answer, draft)
                                          : std::vector<std::string>{"the language model did not answer: " + failure};
        if (result.problems.empty() || !failure.empty()) break;
        if (result.asked == 2) break;
        prompt.user = repair_request(prompt, answer, result.problems, request.language == "nl");  // once, with what went wrong
        prompt.shown = "## System\n\n" + prompt.system + "\n\n## User\n\n" + prompt.user;
    }
    result.asked = std::min(result.asked, 2);
    if (!result.problems.empty()) return result;
    result.file = request.out.value_or(config.dir / "videoframes" / (draft.at("id").get<std::string>() + "." + request.language + ".json"));
    if (std::filesystem::exists(result.file)) {
        result.problems.push_back(result.file.string() + ": exists already; pass --out FILE to write the draft elsewhere");
        return result;
    }
    {
        std::ofstream file{result.file, std::ios::binary};
        file << draft.dump(2) << '\n';
        if (!file) result.problems.push_back(result.file.string() + ": cannot be written; check the folder and its permissions");
    }
    // The kiosk must still start with it (a file name unlike its id, in videoframes/): else it goes again.
    if (result.problems.empty()) result.problems = check_config(config.dir);
    if (!result.problems.empty()) std::filesystem::remove(result.file);
    result.written = result.problems.empty();
    return result;
}

}  // namespace kiosk::tools
