// libFuzzer target: the prompt template parser (prompts/proposal.<lang>.txt as an organisation
// may edit it) on arbitrary text; a template it accepts is filled with a small session in
// both languages. The same text also goes through fill_placeholders and through redaction as
// a participant's note would.
//
// Input: the template's text. Nothing is thrown by design: every exception is a finding, and so
// is a broken promise: participants' text never in the instructions, the personal details in
// it taken out, every data block in the request, each problem of a template named with its file.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ai/prompt_builder.hpp"
#include "kiosk/ai/prompt_template.hpp"
#include "kiosk/ai/redact.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace kiosk;

namespace {

constexpr const char* k_file = "prompts/fuzz.txt";
constexpr const char* k_marker = "DATA-0123456789abcdef";
// Planted in what participants wrote (see session()).
constexpr std::string_view k_email = "sanne@example.org";
constexpr std::string_view k_phone = "06-12345678";

// A small session; `planted`: its participants' texts are longer and hold personal details,
// otherwise the same session with plain texts.
ai::PromptInputs session(const std::string& language, bool planted) {
    const auto typed = [planted](const std::string& text) { return planted ? text + " (zie ook de notulen)" : text; };
    ai::PromptInputs inputs;
    inputs.room = "Leerruimte Vitaal";
    inputs.language = language;
    inputs.max_words = 350;
    inputs.framing = {"Wat is de concrete situatie: wie, wat, waar, wanneer?"};
    inputs.situation = typed("De overdracht tussen de dag- en de avonddienst");
    inputs.facts = {typed(planted ? "Bel Sanne op 06-12345678 of mail sanne@example.org" : "Bel de coordinator of mail het team"),
                    typed("De medicatielijst ontbreekt vaak")};
    inputs.statements = {{typed("Hoe kunnen we de overdracht verbeteren zodat niets blijft liggen?"), 3}};
    inputs.ideas = {{typed("Vijf vaste vragen"), 2}, {typed("Een overdrachtsbord"), 1}};
    inputs.constraints = {typed("Binnen het huidige rooster")};
    inputs.names = {"Sanne"};
    return inputs;
}

std::size_t count(std::string_view text, std::string_view part) {
    std::size_t found = 0;
    for (auto at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1)) ++found;
    return found;
}

bool holds(std::string_view text, std::string_view part) { return count(text, part) > 0; }

void check_prompt(const ai::PromptTemplate& tmpl, const std::string& language) {
    const auto prompt = ai::build_prompt(tmpl, session(language, true), k_marker);
    // The same template with plain texts: whatever the template and the room's own values
    // form by themselves (also across a placeholder's edge) is in both alike.
    const auto plain = ai::build_prompt(tmpl, session(language, false), k_marker);
    fuzz::require(prompt.marker == k_marker, "the prompt keeps its marker");
    fuzz::require(prompt.system == plain.system, "the instructions are the same whatever participants typed");
    for (const auto secret : {k_email, k_phone})
        fuzz::require(count(prompt.user, secret) == count(plain.user, secret), "personal details are taken out of the request");
    for (const auto* block : {"situation", "facts", "problem_statement", "ideas", "constraints"}) {
        fuzz::require(holds(prompt.user, std::string{"<<<"} + k_marker + " BEGIN " + block + ">>>"),
                      "each data block opens in the request");
        fuzz::require(holds(prompt.user, std::string{"<<<"} + k_marker + " END " + block + ">>>"),
                      "each data block closes in the request");
    }
    fuzz::require(holds(prompt.shown, prompt.system) && holds(prompt.shown, prompt.user),
                  "the prompt shown holds what is sent");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fuzz::as_text(data, size);
    (void)ai::fill_placeholders(text, {{"room", "Leerruimte"}, {"marker", k_marker}, {"facts", "{{facts}}"}});
    // At most as long as the longest note a room may allow (phones.max_text is at most 1000).
    (void)ai::redact(text.substr(0, 1000), {"Sanne", "Jo", "Ali"}, ai::RedactLabels{});

    std::vector<std::string> problems;
    const auto tmpl = ai::parse_prompt_template(text, k_file, problems);
    fuzz::require(tmpl.has_value() == problems.empty(), "a template is refused exactly when it has problems");
    for (const auto& problem : problems)
        fuzz::require(problem.rfind(std::string{k_file} + ":", 0) == 0, "each problem names the template's file");
    if (!tmpl) return 0;
    check_prompt(*tmpl, "nl");
    check_prompt(*tmpl, "en");
    return 0;
}
