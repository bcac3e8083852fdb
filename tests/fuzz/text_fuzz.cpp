// libFuzzer target: the text rules (kiosk/core/text_rules.hpp) that every text from a phone and
// from the AI passes, and the key shapes (random_key.hpp) that every request's key passes.
//
// Input: byte 0 the limit (0 to 255 characters; 4 times that in bytes for raw text), bit 0 of
// byte 1 keep_line_breaks, the rest the text.
//
// Nothing is thrown by design. Findings besides crashes: a cleaned text that is longer than the
// limit in characters, untrimmed, holds a control character, a bidirectional override or a line
// break it should not, or does not come out of a second cleaning unchanged; a refusal for the
// wrong reason (too long when something else is wrong, invalid UTF-8 for valid UTF-8); raw text
// judged against its length wrongly; escaped HTML with markup left in it or that does not read
// back; an issued key the engine would not take.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

#include "kiosk/core/random_key.hpp"
#include "kiosk/core/text_rules.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace kiosk;

namespace {

constexpr auto k_unlimited = std::numeric_limits<std::size_t>::max();

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++count;  // not a continuation byte
    return count;
}

std::uint8_t byte_at(std::string_view text, std::size_t at) {
    return at < text.size() ? static_cast<std::uint8_t>(text[at]) : std::uint8_t{0};
}

// A character clean_text never lets through: C0 (but the line break it keeps), DEL, C1, the
// bidirectional embeddings, overrides and isolates, a byte-order mark, and the Unicode line
// and paragraph separators (they become line breaks).
bool has_forbidden(std::string_view text, bool keep_line_breaks) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        const auto b = byte_at(text, at);
        const auto next = byte_at(text, at + 1), last = byte_at(text, at + 2);
        if (b < 0x20 && !(keep_line_breaks && b == '\n')) return true;
        if (b == 0x7F) return true;
        if (b == 0xC2 && next >= 0x80 && next <= 0x9F) return true;
        if (b == 0xE2 && next == 0x80 && last >= 0xA8 && last <= 0xAE) return true;  // U+2028, U+2029, U+202A-202E
        if (b == 0xE2 && next == 0x81 && last >= 0xA6 && last <= 0xA9) return true;  // U+2066-2069
        if (b == 0xEF && next == 0xBB && last == 0xBF) return true;
    }
    return false;
}

void check_clean(std::string_view raw, std::size_t max_chars, bool keep_line_breaks) {
    const auto clean = clean_text(raw, max_chars, keep_line_breaks);
    const auto raw_problem = check_raw_text(raw, k_unlimited);
    if (clean.problem != TextProblem::None) {
        fuzz::require(clean.text.empty(), "a refused text gives no text");
        if (raw_problem == TextProblem::None)
            fuzz::require(clean.problem != TextProblem::InvalidUtf8, "valid UTF-8 is not refused as invalid");
        if (clean.problem == TextProblem::TooLong) {
            const auto unlimited = clean_text(raw, k_unlimited, keep_line_breaks);
            fuzz::require(unlimited.problem == TextProblem::None, "a text refused as too long has no other problem");
            fuzz::require(code_points(unlimited.text) > max_chars, "a text refused as too long is longer than the limit");
        }
        return;
    }
    const auto& text = clean.text;
    fuzz::require(raw_problem == TextProblem::None, "an accepted text is valid UTF-8 without NUL");
    fuzz::require(check_raw_text(text, k_unlimited) == TextProblem::None, "a cleaned text is valid UTF-8 without NUL");
    fuzz::require(!text.empty() && code_points(text) <= max_chars, "a cleaned text fits the limit in characters");
    fuzz::require(text.front() != ' ' && text.back() != ' ' && text.front() != '\n' && text.back() != '\n',
                  "a cleaned text is trimmed");
    fuzz::require(!has_forbidden(text, keep_line_breaks), "a cleaned text holds no control or invisible direction character");
    const auto again = clean_text(text, max_chars, keep_line_breaks);
    fuzz::require(again.problem == TextProblem::None && again.text == text, "cleaning a cleaned text changes nothing");
    const auto roomier = clean_text(raw, max_chars + 1, keep_line_breaks);
    fuzz::require(roomier.problem == TextProblem::None && roomier.text == text, "a larger limit gives the same text");
}

void check_raw(std::string_view raw, std::size_t max_bytes) {
    const auto problem = check_raw_text(raw, max_bytes);
    fuzz::require((problem == TextProblem::TooLong) == (raw.size() > max_bytes),
                  "raw text is too long exactly when it has more bytes than allowed");
    fuzz::require(problem != TextProblem::Empty, "raw text may be empty");
    if (raw.size() <= max_bytes && raw.find('\0') != std::string_view::npos)
        fuzz::require(problem != TextProblem::None, "raw text with NUL is refused");
}

std::string unescape_html(std::string_view html) {
    static constexpr std::pair<std::string_view, char> entities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string out;
    for (std::size_t at = 0; at < html.size();) {
        bool matched = false;
        for (const auto& [entity, c] : entities)
            if (html.substr(at, entity.size()) == entity) {
                out += c;
                at += entity.size();
                matched = true;
                break;
            }
        if (!matched) out += html[at++];
    }
    return out;
}

void check_escape(std::string_view raw) {
    const auto html = escape_html(raw);
    fuzz::require(html.find_first_of("<>\"'") == std::string::npos, "escaped HTML holds no markup characters");
    fuzz::require(unescape_html(html) == raw, "escaped HTML reads back as the text");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::size_t limit = data[0];
    const bool keep_line_breaks = (data[1] & 1u) != 0;
    const auto raw = fuzz::as_text(data + 2, size - 2);

    check_clean(raw, limit, keep_line_breaks);
    check_raw(raw, limit * 4);
    check_escape(raw);
    for (const auto problem : {TextProblem::None, TextProblem::Empty, TextProblem::TooLong, TextProblem::InvalidUtf8,
                               TextProblem::ControlCharacter})
        fuzz::require(!to_string(problem).empty() && to_string(problem) != "unknown", "every text problem has a name");
    if (is_issued_key(raw)) fuzz::require(is_key_shaped(raw), "a key the kiosk issues is one the engine takes");
    return 0;
}
