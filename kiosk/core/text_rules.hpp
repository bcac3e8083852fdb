#pragma once
// What counts as acceptable text from a phone. Shared by the HTTP layer (to answer with a
// precise message) and the engine (the last gate, also for replayed journals).
#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

enum class TextProblem { None, Empty, TooLong, InvalidUtf8, ControlCharacter };

struct CleanText {
    TextProblem problem = TextProblem::None;
    std::string text;  // trimmed, line breaks and tabs turned into spaces; valid when no problem
};

// Checks and tidies one contribution. `max_chars` counts code points, not bytes.
// Rejected: invalid or overlong UTF-8, control characters other than line breaks and tabs
// (C0, DEL, C1), and the invisible bidirectional overrides and isolates that can disguise text.
// Dropped: invisible format characters (zero-width spaces and joiners, soft hyphens, direction
// marks, word joiners, byte-order marks, tag characters), except a joiner inside an emoji
// sequence and the tags of a subdivision flag.
// With keep_line_breaks (a pasted AI answer in Markdown) line breaks stay as '\n'.
CleanText clean_text(std::string_view raw, std::size_t max_chars, bool keep_line_breaks = false);

// The system's own text (an AI answer's pieces), which is kept exactly as it came: only
// invalid UTF-8, NUL and more than `max_bytes` are problems.
TextProblem check_raw_text(std::string_view text, std::size_t max_bytes);

std::string_view to_string(TextProblem problem);

// Text made safe to put inside HTML (elements and quoted attributes): & < > " ' escaped.
std::string escape_html(std::string_view text);

// A-Z made a-z, every other byte kept: for names that compare without case (HTTP headers and
// Host names, content types, the participants' names the prompt leaves out).
std::string ascii_lower(std::string_view text);

}  // namespace kiosk
