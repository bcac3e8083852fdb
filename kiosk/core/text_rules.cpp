#include "kiosk/core/text_rules.hpp"

#include <unicode/uchar.h>

#include <optional>

namespace kiosk {

namespace {

// Decodes one UTF-8 sequence at `at`; nullopt for anything invalid (overlong, surrogate,
// beyond U+10FFFF, truncated).
std::optional<char32_t> decode(std::string_view text, std::size_t& at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    int length = 0;
    char32_t code = 0;
    if (lead < 0x80) { ++at; return lead; }
    if ((lead & 0xE0) == 0xC0) { length = 2; code = lead & 0x1Fu; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; code = lead & 0x0Fu; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; code = lead & 0x07u; }
    else return std::nullopt;
    if (at + static_cast<std::size_t>(length) > text.size()) return std::nullopt;
    for (int i = 1; i < length; ++i) {
        const unsigned char next = byte(at + static_cast<std::size_t>(i));
        if ((next & 0xC0) != 0x80) return std::nullopt;
        code = (code << 6) | (next & 0x3Fu);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return std::nullopt;
    at += static_cast<std::size_t>(length);
    return code;
}

bool is_hostile_control(char32_t code) {
    if (code < 0x20 || code == 0x7F) return true;            // C0 and DEL (breaks handled before)
    if (code >= 0x80 && code <= 0x9F) return true;          // C1
    if (code >= 0x202A && code <= 0x202E) return true;      // bidi embeddings and overrides
    return code >= 0x2066 && code <= 0x2069;                // bidi isolates
}

// Characters that show nothing but can split a word ("id\u200Bioot"), hide text or make two
// equal-looking notes differ: zero-width spaces and joiners, soft hyphens, direction marks,
// word joiners and invisible operators, byte-order marks, tag characters.
bool is_invisible(char32_t code) {
    return code == 0x00AD || code == 0x034F || code == 0x061C || code == 0x180E || (code >= 0x200B && code <= 0x200F) ||
           (code >= 0x2060 && code <= 0x2064) || (code >= 0x206A && code <= 0x206F) || code == 0xFEFF ||
           (code >= 0xFFF9 && code <= 0xFFFB) || code == 0xE0001 || (code >= 0xE0020 && code <= 0xE007F);
}

bool is_pictographic(char32_t code) { return u_hasBinaryProperty(static_cast<UChar32>(code), UCHAR_EXTENDED_PICTOGRAPHIC); }

// What an emoji sequence needs of those: a zero-width joiner between two pictographs (the
// first may carry a skin tone or VS16: "👩🏽\u200D💻"), and the tags of a subdivision flag
// after U+1F3F4: two to six letters or digits ("gbsct") and the cancel tag that ends them.
// `flag_tags` counts the tags kept since U+1F3F4 (-1 outside a flag): no more invisible text
// than a flag holds gets through this way.
bool emoji_needs(char32_t code, char32_t before, char32_t after, int flag_tags) {
    if (code == 0x200D)
        return (is_pictographic(before) || (before >= 0x1F3FB && before <= 0x1F3FF) || before == 0xFE0F) && is_pictographic(after);
    if (flag_tags < 0) return false;
    const bool tag_letter = (code >= 0xE0030 && code <= 0xE0039) || (code >= 0xE0061 && code <= 0xE007A);
    if (tag_letter) return flag_tags < 6;
    return code == 0xE007F && flag_tags >= 2;
}

}  // namespace

CleanText clean_text(std::string_view raw, std::size_t max_chars, bool keep_line_breaks) {
    CleanText result;
    std::string out;
    out.reserve(raw.size());
    std::size_t chars = 0;
    char32_t before = 0;   // the last code point kept
    int flag_tags = -1;    // tags kept since U+1F3F4 (-1: not in a flag)
    for (std::size_t at = 0; at < raw.size();) {
        const std::size_t begin = at;
        const auto code = decode(raw, at);
        if (!code) return {TextProblem::InvalidUtf8, {}};
        // The Unicode line and paragraph separators are line breaks like any other.
        const bool line_break = *code == '\n' || *code == '\r' || *code == 0x2028 || *code == 0x2029;
        if (keep_line_breaks && line_break) {
            // "\r\n" and "\r" become "\n"; Markdown needs its blank lines.
            if (*code == '\r' && at < raw.size() && raw[at] == '\n') ++at;
            out += '\n';
            ++chars;
            continue;
        }
        if (line_break || *code == '\t') {
            // A line break from a phone's text box becomes one space.
            if (!out.empty() && out.back() != ' ') { out += ' '; ++chars; }
            continue;
        }
        if (is_hostile_control(*code)) return {TextProblem::ControlCharacter, {}};
        if (is_invisible(*code)) {
            std::size_t next_at = at;
            const auto next = next_at < raw.size() ? decode(raw, next_at) : std::nullopt;
            if (!emoji_needs(*code, before, next.value_or(0), flag_tags)) continue;  // dropped, not counted
        }
        if (*code == 0x1F3F4) flag_tags = 0;
        else if (flag_tags >= 0 && *code >= 0xE0030 && *code <= 0xE007A) ++flag_tags;
        else flag_tags = -1;  // the cancel tag, or anything else, ends the flag
        before = *code;
        out.append(raw.substr(begin, at - begin));
        ++chars;
    }
    const char* blank = keep_line_breaks ? " \n" : " ";
    const auto first = out.find_first_not_of(blank);
    if (first == std::string::npos) return {TextProblem::Empty, {}};
    const auto last = out.find_last_not_of(blank);
    chars -= first + (out.size() - 1 - last);  // trimmed spaces are one byte, one char each
    out = out.substr(first, last - first + 1);
    if (chars > max_chars) return {TextProblem::TooLong, {}};
    result.text = std::move(out);
    return result;
}

TextProblem check_raw_text(std::string_view text, std::size_t max_bytes) {
    if (text.size() > max_bytes) return TextProblem::TooLong;
    for (std::size_t at = 0; at < text.size();) {
        const auto code = decode(text, at);
        if (!code) return TextProblem::InvalidUtf8;
        if (*code == 0) return TextProblem::ControlCharacter;
    }
    return TextProblem::None;
}

std::string ascii_lower(std::string_view text) {
    std::string out{text};
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string_view to_string(TextProblem problem) {
    switch (problem) {
    case TextProblem::None: return "ok";
    case TextProblem::Empty: return "empty";
    case TextProblem::TooLong: return "too_long";
    case TextProblem::InvalidUtf8: return "invalid_utf8";
    case TextProblem::ControlCharacter: return "control_character";
    }
    return "unknown";
}

}  // namespace kiosk
