#pragma once
// The UI texts of one language, from config/strings.<lang>.json. Immutable after loading.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kiosk {

class Strings {
public:
    Strings() = default;
    explicit Strings(std::map<std::string, std::string> texts) : m_texts{std::move(texts)} {}

    // The text for key; the key itself if missing, so a gap shows up on screen, not a crash.
    const std::string& text(const std::string& key) const;
    // text(key) with each "{name}" replaced by its value.
    std::string format(const std::string& key,
                       const std::vector<std::pair<std::string, std::string>>& values) const;

    const std::map<std::string, std::string>& all() const { return m_texts; }

    // Every key the screen uses (strings.<lang>.json) and the phone page uses
    // (phone.<lang>.json); config validation demands each in every language. Generated from the
    // English files at build time (string_keys.cmake): a new text is added to config/*.en.json
    // and the other languages, and nowhere else.
    static const std::vector<std::string>& required_keys();
    static const std::vector<std::string>& phone_keys();

private:
    std::map<std::string, std::string> m_texts;
};

}  // namespace kiosk
