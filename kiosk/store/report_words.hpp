#pragma once
// The room's words as the report builders use them: its strings.<lang>.json, with the plural
// and date rules every report needs. Without strings the keys show, as on the screen, so a
// missing text is seen rather than guessed. Lives as long as one export call.
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/spoken_date.hpp"
#include "kiosk/core/strings.hpp"
#include "kiosk/store/session_export.hpp"

namespace kiosk::store {

class ReportWords {
public:
    // `dates` when given, else the date words of the strings (without either, dates stay ISO).
    explicit ReportWords(const ExportLanguage& language, const DateWords& dates = {})
        : m_strings{language.strings ? *language.strings : no_strings()},
          m_dates{dates.pattern.empty() ? date_words(m_strings) : dates} {}

    const std::string& text(const std::string& key) const { return m_strings.text(key); }
    std::string format(const std::string& key, const std::vector<std::pair<std::string, std::string>>& values) const {
        return m_strings.format(key, values);
    }
    // "1 sessie" from `<key>_one`, "2 sessies" / "0 sessies" from `<key>` with {n}: Dutch and
    // English need no more forms than these two.
    std::string count(const std::string& key, long long n) const {
        return n == 1 ? text(key + "_one") : format(key, {{"n", std::to_string(n)}});
    }
    // A date as the room reads it ("ma 7 december"); "" for 0.
    std::string date(int yyyymmdd) const { return spoken_date(yyyymmdd, m_dates); }

private:
    static const Strings& no_strings() {
        static const Strings none;
        return none;
    }

    const Strings& m_strings;
    DateWords m_dates;
};

}  // namespace kiosk::store
