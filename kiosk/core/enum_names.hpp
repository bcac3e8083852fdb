#pragma once
// An enum's names, declared once as a table: kiosk.json reads them (ObjectReader::read), the
// exports, the outcome record and the phone page write them.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

template <typename Enum>
using EnumNames = std::vector<std::pair<std::string, Enum>>;

// The name of `value`; the first name when the table misses it (never, for a whole table).
template <typename Enum>
const std::string& name_of(Enum value, const EnumNames<Enum>& names) {
    for (const auto& [name, e] : names)
        if (e == value) return name;
    return names.front().first;
}

template <typename Enum>
std::optional<Enum> value_named(std::string_view name, const EnumNames<Enum>& names) {
    for (const auto& [n, e] : names)
        if (n == name) return e;
    return std::nullopt;
}

}  // namespace kiosk
