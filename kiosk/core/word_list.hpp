#pragma once
// The coffee corner's word list (config/blocked-words.<lang>.txt), and finding its words in
// what a phone wrote however it was disguised. Both sides are brought to one form first:
//   - invisible and format characters are gone (zero-width spaces, soft hyphens, joiners, BOM);
//   - case, accents, full-width and other compatibility forms are folded ("ＩＤＩÓＯＴ" is
//     "idioot"), and Cyrillic or Greek letters that look Latin read as the Latin letter;
//   - digits and signs used for letters count as those letters within a word that has letters
//     ("1d10t", "$ukk3l", "kl@@tzak"; "1", "!" and "|" as i or l); a number alone stays a number;
//   - a letter held longer ("kuttt", "idiooooot") is the same letter;
//   - letters split by spaces, dots or dashes ("s u k k e l", "i.d.i.o.o.t", "suk-kel") are one word.
// Entries match whole words and phrases only: "dom" holds back "DOM idee", not "domein" or
// "doom"; "ass" not "class" (no Scunthorpe).
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

class WordList {
public:
    WordList() = default;
    // The entries as the file holds them (one word or phrase each); each is brought to the
    // common form once, here. Implicit: a list of words is a word list.
    WordList(std::vector<std::string> entries);  // NOLINT(google-explicit-constructor)

    // True when `text` holds one of the entries as a whole word or phrase.
    bool found_in(std::string_view text) const;

    const std::vector<std::string>& entries() const { return m_entries; }
    bool empty() const { return m_entries.empty(); }

private:
    std::vector<std::string> m_entries;
    std::vector<std::vector<std::u32string>> m_phrases;  // each entry's words in the common form
};

}  // namespace kiosk
