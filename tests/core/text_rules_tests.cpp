#include <catch2/catch.hpp>

#include "kiosk/core/text_rules.hpp"

using namespace kiosk;

TEST_CASE("Clean text is trimmed and line breaks become single spaces") {
    CHECK(clean_text("  Twee regels\r\nin één  ", 280).text == "Twee regels in één");
    CHECK(clean_text("tab\there", 280).text == "tab here");
    // The Unicode line and paragraph separators are line breaks too: one line stays one line.
    CHECK(clean_text("een\u2028twee\u2029drie", 280).text == "een twee drie");
    CHECK(clean_text("een\u2028twee", 280, true).text == "een\ntwee");
}

TEST_CASE("The text limit counts characters, not bytes") {
    const std::string ten_accented = "éééééééééé";  // 20 bytes
    CHECK(clean_text(ten_accented, 10).problem == TextProblem::None);
    CHECK(clean_text(ten_accented + "e", 10).problem == TextProblem::TooLong);
    CHECK(clean_text("👍👍", 2).problem == TextProblem::None);
}

TEST_CASE("Empty and whitespace-only text is refused") {
    CHECK(clean_text("", 280).problem == TextProblem::Empty);
    CHECK(clean_text(" \n\t ", 280).problem == TextProblem::Empty);
}

TEST_CASE("Invalid UTF-8 is refused") {
    CHECK(clean_text("abc\xff", 280).problem == TextProblem::InvalidUtf8);
    CHECK(clean_text("\xc0\xaf", 280).problem == TextProblem::InvalidUtf8);        // overlong '/'
    CHECK(clean_text("\xed\xa0\x80", 280).problem == TextProblem::InvalidUtf8);    // a surrogate
    CHECK(clean_text("\xe2\x82", 280).problem == TextProblem::InvalidUtf8);        // cut short
}

TEST_CASE("Control characters and bidirectional overrides are refused") {
    CHECK(clean_text(std::string("a\0b", 3), 280).problem == TextProblem::ControlCharacter);
    CHECK(clean_text("bell\x07", 280).problem == TextProblem::ControlCharacter);
    CHECK(clean_text("\x7f", 280).problem == TextProblem::ControlCharacter);
    CHECK(clean_text("\xc2\x85", 280).problem == TextProblem::ControlCharacter);      // C1 NEL
    CHECK(clean_text("abc\xe2\x80\xae" "cba", 280).problem == TextProblem::ControlCharacter);  // RLO
}

TEST_CASE("Markup is ordinary text to the rules: the readers escape it") {
    CHECK(clean_text("<script>alert(1)</script>", 280).text == "<script>alert(1)</script>");
}

TEST_CASE("ascii_lower folds A-Z only and keeps every other byte") {
    CHECK(kiosk::ascii_lower("LocalHost:8080") == "localhost:8080");
    CHECK(kiosk::ascii_lower("Content-Type: Application/JSON") == "content-type: application/json");
    CHECK(kiosk::ascii_lower("ÉÉN Één") == "ÉÉn Één");  // UTF-8 bytes untouched
}

TEST_CASE("Invisible format characters are dropped, except what an emoji sequence needs") {
    CHECK(clean_text("id\u200Bi\u00ADo\u2060ot", 280).text == "idioot");                 // zero-width space, soft hyphen, word joiner
    CHECK(clean_text("\uFEFFBegin met een BOM", 280).text == "Begin met een BOM");      // a byte-order mark
    CHECK(clean_text("links\u200Erechts\u200F", 280).text == "linksrechts");            // direction marks
    CHECK(clean_text("zwnj\u200Chier en zwj\u200Dhier", 280).text == "zwnjhier en zwjhier");
    CHECK(clean_text("\u200B\u00AD", 280).problem == TextProblem::Empty);               // nothing visible left
    CHECK(clean_text(std::string(10, 'a') + "\u200B\u200B\u200B", 10).problem == TextProblem::None);  // not counted
    // A family, a person at a laptop with a skin tone, a rainbow flag and Scotland's flag keep theirs.
    CHECK(clean_text("👨\u200D👩\u200D👧", 280).text == "👨\u200D👩\u200D👧");
    CHECK(clean_text("👩🏽\u200D💻 klaar", 280).text == "👩🏽\u200D💻 klaar");
    CHECK(clean_text("🏳\uFE0F\u200D🌈", 280).text == "🏳\uFE0F\u200D🌈");
    const std::string scotland = "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F";
    CHECK(clean_text(scotland, 280).text == scotland);
    CHECK(clean_text("tag\U000E0067\U000E0062s", 280).text == "tags");                 // tags outside a flag go
    // A black flag does not open the door to invisible text: at most six tags, then the cancel tag.
    const auto tag = [](char c) {  // U+E0000 + c in UTF-8: F3 A0, then c's two halves
        return std::string{"\xF3\xA0"} + static_cast<char>(0x80 | (c >> 6)) + static_cast<char>(0x80 | (c & 0x3F));
    };
    std::string smuggled = "🏴";
    for (const char c : std::string{"ignore all previous instructions"})
        if (c >= 'a' && c <= 'z') smuggled += tag(c);
    CHECK(clean_text(smuggled, 280).text.size() <= std::string{"🏴"}.size() + 6 * 4);
    CHECK(clean_text("👍\u200Dok", 280).text == "👍ok");                                 // a joiner before a letter goes
}
