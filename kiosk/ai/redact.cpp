#include "kiosk/ai/redact.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "kiosk/core/text_rules.hpp"

namespace kiosk::ai {

namespace {

int count_digits(const std::string& text) {
    return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
}


// Letters, digits and every non-ASCII byte count as part of a word (names like "Zoë").
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80); }

// Replaces each match of `pattern` that `accept` agrees with.
template <typename Accept>
std::string replace_matches(const std::string& text, const std::regex& pattern, const std::string& label, int& removed,
                            Accept accept) {
    std::string out;
    auto last = text.cbegin();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
        const auto& match = *it;
        if (!accept(match.str())) continue;
        out.append(last, match[0].first);
        out += label;
        last = match[0].second;
        ++removed;
    }
    out.append(last, text.cend());
    return out;
}

}  // namespace

Redacted redact(std::string_view input, const std::vector<std::string>& names, const RedactLabels& labels) {
    static const std::regex email{R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})"};
    // A run that starts like a phone number (+31, 06, 020, 0031) and holds 9 or more digits.
    static const std::regex phone{R"((\+|\b0)[0-9][0-9 ()./\-]{6,}[0-9])"};
    Redacted result;
    std::string text{input};
    text = replace_matches(text, email, labels.email, result.removed, [](const std::string&) { return true; });
    text = replace_matches(text, phone, labels.phone, result.removed,
                           [](const std::string& match) { return count_digits(match) >= 9 && count_digits(match) <= 15; });
    for (const auto& name : names) {
        if (name.size() < 2) continue;
        const auto needle = ascii_lower(name);
        std::string out;
        std::size_t at = 0;
        const auto haystack = ascii_lower(text);
        for (auto found = haystack.find(needle); found != std::string::npos; found = haystack.find(needle, found + 1)) {
            const bool starts = found == 0 || !word_char(haystack[found - 1]);
            const auto end = found + needle.size();
            const bool ends = end == haystack.size() || !word_char(haystack[end]);
            if (!starts || !ends || found < at) continue;
            out.append(text, at, found - at);
            out += labels.name;
            at = end;
            ++result.removed;
        }
        out.append(text, at, std::string::npos);
        text = std::move(out);
    }
    result.text = std::move(text);
    return result;
}

}  // namespace kiosk::ai
