#pragma once
// Obvious personal data is taken out of participants' text before it leaves the kiosk:
// e-mail addresses, phone numbers and the first names of people who joined. What is removed
// is replaced by a label in the session's language and counted, so the screen can say so.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ai {

struct RedactLabels {
    std::string email = "[e-mail]";
    std::string phone = "[telefoonnummer]";
    std::string name = "[naam]";
};

struct Redacted {
    std::string text;
    int removed = 0;
};

// `names`: first names of participants (whole words, any case); names shorter than 2 letters
// are ignored.
Redacted redact(std::string_view text, const std::vector<std::string>& names, const RedactLabels& labels);

}  // namespace kiosk::ai
