#include "kiosk/core/strings.hpp"

namespace kiosk {

const std::string& Strings::text(const std::string& key) const {
    const auto found = m_texts.find(key);
    return found == m_texts.end() ? key : found->second;
}

std::string Strings::format(const std::string& key,
                            const std::vector<std::pair<std::string, std::string>>& values) const {
    std::string result = text(key);
    for (const auto& [name, value] : values) {
        const std::string mark = "{" + name + "}";
        for (auto at = result.find(mark); at != std::string::npos;
             at = result.find(mark, at + value.size()))
            result.replace(at, mark.size(), value);
    }
    return result;
}

}  // namespace kiosk
