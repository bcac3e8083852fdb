#include "kiosk/core/word_list.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>
#include <utility>

namespace kiosk {

namespace {

// Capitals from other scripts that look like a Latin capital, read before case folding (their
// lower case often does not look Latin: Cyrillic "Т" is "т", Greek "Η" is "η").
constexpr std::pair<char32_t, char32_t> k_latin_capitals[] = {
    // Cyrillic
    {U'\u0410', U'A'},
    {U'\u0412', U'B'},
    {U'\u0415', U'E'},
    {U'\u041A', U'K'},
    {U'\u041C', U'M'},
    {U'\u041D', U'H'},
    {U'\u041E', U'O'},
    {U'\u0420', U'P'},
    {U'\u0421', U'C'},
    {U'\u0422', U'T'},
    {U'\u0425', U'X'},
    {U'\u0405', U'S'},
    {U'\u0406', U'I'},
    {U'\u0408', U'J'},
    // Greek
    {U'\u0391', U'A'},
    {U'\u0392', U'B'},
    {U'\u0395', U'E'},
    {U'\u0396', U'Z'},
    {U'\u0397', U'H'},
    {U'\u0399', U'I'},
    {U'\u039A', U'K'},
    {U'\u039C', U'M'},
    {U'\u039D', U'N'},
    {U'\u039F', U'O'},
    {U'\u03A1', U'P'},
    {U'\u03A4', U'T'},
    {U'\u03A5', U'Y'},
    {U'\u03A7', U'X'},
};

// Letters that look like a Latin one, as a reader of the screen sees them (after case folding:
// lower case only): other scripts' look-alikes, and stroked letters, which have no accent to drop.
constexpr std::pair<char32_t, char32_t> k_latin_lookalikes[] = {
    // Stroked and dotless Latin letters
    {U'\u00F8', U'o'},
    {U'\u0142', U'l'},
    {U'\u0111', U'd'},
    {U'\u00F0', U'd'},
    {U'\u0131', U'i'},
    {U'\u0127', U'h'},
    {U'\u0167', U't'},
    {U'\u0180', U'b'},
    {U'\u0268', U'i'},
    {U'\u0289', U'u'},
    // Cyrillic
    {U'\u0430', U'a'},
    {U'\u0435', U'e'},
    {U'\u043E', U'o'},
    {U'\u0440', U'p'},
    {U'\u0441', U'c'},
    {U'\u0445', U'x'},
    {U'\u0443', U'y'},
    {U'\u043A', U'k'},
    {U'\u043C', U'm'},
    {U'\u0456', U'i'},
    {U'\u0458', U'j'},
    {U'\u0455', U's'},
    {U'\u0501', U'd'},
    {U'\u051B', U'q'},
    {U'\u051D', U'w'},
    {U'\u04BB', U'h'},
    {U'\u04AF', U'y'},
    // Greek
    {U'\u03B1', U'a'},
    {U'\u03B5', U'e'},
    {U'\u03B9', U'i'},
    {U'\u03BA', U'k'},
    {U'\u03BD', U'v'},
    {U'\u03BF', U'o'},
    {U'\u03C1', U'p'},
    {U'\u03C4', U't'},
    {U'\u03C5', U'u'},
    {U'\u03C7', U'x'},
};

// The Latin letter `c` reads as by `table`, or `c`.
template <std::size_t N>
char32_t read_as(const std::pair<char32_t, char32_t> (&table)[N], char32_t c) {
    const auto found = std::find_if(std::begin(table), std::end(table), [c](const auto& pair) { return pair.first == c; });
    return found == std::end(table) ? c : found->second;
}

// Folds case and compatibility forms and drops default-ignorable characters (NFKC_Casefold),
// then drops accents (the marks of the canonical decomposition) and reads look-alikes as Latin.
std::u32string fold(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const auto* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    const auto* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return {};
    const auto given = icu::UnicodeString::fromUTF8(icu::StringPiece{text.data(), static_cast<int32_t>(text.size())});
    icu::UnicodeString source;
    for (int32_t i = 0; i < given.length();) {
        const UChar32 c = given.char32At(i);
        i += U16_LENGTH(c);
        source.append(static_cast<UChar32>(read_as(k_latin_capitals, static_cast<char32_t>(c))));
    }
    const auto folded = nfkc_cf->normalize(source, status);
    const auto decomposed = nfd->normalize(folded, status);
    if (U_FAILURE(status)) return {};
    std::u32string out;
    out.reserve(static_cast<std::size_t>(decomposed.length()));
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        const auto type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) continue;
        if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
        out += read_as(k_latin_lookalikes, static_cast<char32_t>(c));
    }
    return out;
}

bool is_alnum(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) != 0; }
bool is_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0; }
// Signs written for a letter: at the start of a word or inside it ("$ukkel", "kl@@tzak").
bool is_leading_sign(char32_t c) { return c == U'@' || c == U'$' || c == U'\u20AC'; }
// Signs written for i or l, only between letters ("id!oot"; "idioot!" ends a sentence).
bool is_inner_sign(char32_t c) { return c == U'!' || c == U'|'; }

// The letter a digit or sign stands for; `ambiguous` picks i (false) or l (true) for 1 ! |.
char32_t as_letter(char32_t c, bool ambiguous_l) {
    switch (c) {
    case U'0': return U'o';
    case U'1': case U'!': case U'|': return ambiguous_l ? U'l' : U'i';
    case U'3': return U'e';
    case U'4': case U'@': return U'a';
    case U'5': case U'$': return U's';
    case U'7': return U't';
    case U'8': return U'b';
    case U'9': return U'g';
    case U'\u20AC': return U'e';
    default: return c;
    }
}

// One word of the text: how it may be read (digits as digits when it has no letter; else
// with 1 ! | as i, and as l when it holds one of them).
using Readings = std::vector<std::u32string>;

Readings readings(const std::u32string& word) {
    const bool has_letter = std::any_of(word.begin(), word.end(), [](char32_t c) { return u_isalpha(static_cast<UChar32>(c)) != 0; });
    if (!has_letter) return {word};
    Readings out(1);
    bool ambiguous = false;
    for (const char32_t c : word) {
        out[0] += as_letter(c, false);
        ambiguous = ambiguous || c == U'1' || is_inner_sign(c);
    }
    if (ambiguous) {
        out.emplace_back();
        for (const char32_t c : word) out[1] += as_letter(c, true);
    }
    return out;
}

// The words of a folded text, read two ways: split at every sign that is not a letter
// ("dom-idee" is "dom" and "idee"), and split at spaces only, with the signs inside a word
// dropped ("i.d.i.o.o.t" is "idioot") and runs of three or more single letters joined
// ("s u k k e l").
struct Words {
    std::vector<Readings> split;
    std::vector<Readings> joined;
};

Words words_of(const std::u32string& text) {
    Words out;
    std::vector<std::u32string> spaced;  // per space-separated word: its letters without signs
    std::u32string piece;
    std::u32string whole;
    const auto end_piece = [&] {
        if (!piece.empty()) out.split.push_back(readings(piece));
        piece.clear();
    };
    const auto end_word = [&] {
        end_piece();
        if (!whole.empty()) spaced.push_back(whole);
        whole.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        const char32_t before = i > 0 ? text[i - 1] : U' ';
        const char32_t after = i + 1 < text.size() ? text[i + 1] : U' ';
        const bool part = is_alnum(c) ||
                          (is_leading_sign(c) && (is_alnum(after) || is_leading_sign(after))) ||
                          (is_inner_sign(c) && (is_alnum(before) || is_leading_sign(before)) && is_alnum(after));
        if (part) {
            piece += c;
            whole += c;
        } else if (is_space(c)) {
            end_word();
        } else {
            end_piece();
        }
    }
    end_word();
    for (std::size_t i = 0; i < spaced.size();) {
        std::size_t run = i;
        while (run < spaced.size() && spaced[run].size() == 1) ++run;
        if (run - i >= 3) {
            // Joined; and without its first or last letter, which may be a word of its own
            // ("what a d i c k", "ik vind u k u t").
            std::u32string letters;
            for (std::size_t k = i; k < run; ++k) letters += spaced[k];
            Readings ways = readings(letters);
            for (const auto& part : {letters.substr(1), letters.substr(0, letters.size() - 1), letters.substr(1, letters.size() - 2)}) {
                if (part.size() < 2) continue;
                const auto more = readings(part);
                ways.insert(ways.end(), more.begin(), more.end());
            }
            out.joined.push_back(std::move(ways));
            i = run;
        } else {
            out.joined.push_back(readings(spaced[i]));
            ++i;
        }
    }
    return out;
}

// The same word, a letter held longer allowed: "kuttt" and "idiooooot" are "kut" and
// "idioot", but "doom" is not "dom" (a doubled letter is a different word; three or more is
// emphasis).
bool same_word(const std::u32string& text, const std::u32string& word) {
    std::size_t t = 0, w = 0;
    while (t < text.size() && w < word.size()) {
        if (text[t] != word[w]) return false;
        const char32_t letter = word[w];
        std::size_t in_text = 0, in_word = 0;
        while (t < text.size() && text[t] == letter) ++t, ++in_text;
        while (w < word.size() && word[w] == letter) ++w, ++in_word;
        if (in_text != in_word && !(in_text >= 3 && in_text > in_word)) return false;
    }
    return t == text.size() && w == word.size();
}

bool holds_phrase(const std::vector<Readings>& words, const std::vector<std::u32string>& phrase) {
    if (phrase.empty() || words.size() < phrase.size()) return false;
    for (std::size_t at = 0; at + phrase.size() <= words.size(); ++at) {
        bool all = true;
        for (std::size_t k = 0; all && k < phrase.size(); ++k) {
            const auto& ways = words[at + k];
            all = std::any_of(ways.begin(), ways.end(), [&](const std::u32string& way) { return same_word(way, phrase[k]); });
        }
        if (all) return true;
    }
    return false;
}

}  // namespace

WordList::WordList(std::vector<std::string> entries) : m_entries{std::move(entries)} {
    for (const auto& entry : m_entries) {
        std::vector<std::u32string> phrase;
        for (const auto& word : words_of(fold(entry)).split) phrase.push_back(word.front());
        if (!phrase.empty()) m_phrases.push_back(std::move(phrase));
    }
}

bool WordList::found_in(std::string_view text) const {
    if (m_phrases.empty()) return false;
    const auto words = words_of(fold(text));
    return std::any_of(m_phrases.begin(), m_phrases.end(), [&](const std::vector<std::u32string>& phrase) {
        return holds_phrase(words.split, phrase) || holds_phrase(words.joined, phrase);
    });
}

}  // namespace kiosk
