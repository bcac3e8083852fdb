#include "kiosk/config/json_reader.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kiosk {

void Problems::add(const std::string& file, const std::string& field, const std::string& message) {
    m_lines.push_back(field.empty() ? file + ": " + message : file + ": " + field + ": " + message);
}

std::string json_type_name(const Json& value) {
    switch (value.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "true/false";
    case Json::value_t::string: return "a text";
    case Json::value_t::array: return "a list";
    case Json::value_t::object: return "an object";
    case Json::value_t::number_float: return "a decimal number";
    default: return "a number";
    }
}

namespace {

// nlohmann reports a byte offset; people need a line and a column.
std::string line_and_column(const std::string& text, std::size_t byte) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string join(const std::set<std::string>& names) {
    std::string result;
    for (const auto& name : names) result += (result.empty() ? "" : ", ") + name;
    return result;
}

}  // namespace

std::optional<Json> read_json_file(const std::filesystem::path& path, Problems& problems) {
    std::ifstream in{path, std::ios::binary};
    if (!in) {
        problems.add(path.string(), "",
                     std::string{"cannot open the file ("} + std::strerror(errno) +
                         "); check that it exists and is readable, or pass --config DIR");
        return std::nullopt;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    try {
        return Json::parse(text);
    } catch (const Json::parse_error& error) {
        std::string what = error.what();
        // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
        const auto colon = what.find(": ", what.find("parse error"));
        const std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
        problems.add(path.string(), "",
                     "invalid JSON at " + line_and_column(text, error.byte == 0 ? 0 : error.byte - 1) +
                         " (" + reason + "); fix the syntax there");
        return std::nullopt;
    }
}

ObjectReader::ObjectReader(const Json& object, std::string file, std::string where,
                           Problems& problems)
    : m_object{object}, m_file{std::move(file)}, m_where{std::move(where)}, m_problems{problems} {}

ObjectReader::~ObjectReader() {
    if (!m_object.is_object()) return;
    for (const auto& item : m_object.items()) {
        if (m_known.count(item.key()) == 0)
            problem(item.key(), "unknown key; check the spelling (known here: " + join(m_known) +
                                    ") or remove it");
    }
}

const Json* ObjectReader::raw(const std::string& key) {
    m_known.insert(key);
    const auto found = m_object.find(key);
    return found == m_object.end() ? nullptr : &*found;
}

std::string ObjectReader::path(const std::string& key) const {
    return m_where.empty() ? key : m_where + "." + key;
}

void ObjectReader::problem(const std::string& key, const std::string& message) {
    m_problems.add(m_file, path(key), message);
}

const Json* ObjectReader::member(const std::string& key, bool required, const char* expected) {
    m_known.insert(key);
    if (!m_object.is_object()) return nullptr;
    const auto found = m_object.find(key);
    if (found == m_object.end()) {
        if (required) problem(key, std::string{"missing; add it as "} + expected);
        return nullptr;
    }
    return &*found;
}

std::string ObjectReader::text(const std::string& key, std::optional<std::string> fallback,
                               std::size_t max_length) {
    const Json* value = member(key, !fallback, "a text");
    if (!value) return fallback.value_or("");
    if (!value->is_string()) {
        problem(key, "must be a text in quotes, not " + json_type_name(*value));
        return fallback.value_or("");
    }
    auto result = value->get<std::string>();
    if (!fallback && result.find_first_not_of(" \t\r\n") == std::string::npos) {
        problem(key, "must not be empty; write the text it should show");
        return result;
    }
    if (result.size() > max_length)
        problem(key, "is " + std::to_string(result.size()) + " bytes long; shorten it to at most " +
                         std::to_string(max_length));
    return result;
}

int ObjectReader::integer(const std::string& key, int min, int max, std::optional<int> fallback) {
    const Json* value = member(key, !fallback, "a whole number");
    if (!value) return fallback.value_or(min);
    const std::string range = "must be a whole number between " + std::to_string(min) + " and " +
                              std::to_string(max);
    if (!value->is_number_integer()) {
        problem(key, range + ", not " + json_type_name(*value));
        return fallback.value_or(min);
    }
    const auto number = value->get<long long>();
    if (number < min || number > max) {
        problem(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                         " (found " + std::to_string(number) + ")");
        return fallback.value_or(min);
    }
    return static_cast<int>(number);
}

bool ObjectReader::boolean(const std::string& key, bool fallback) {
    const Json* value = member(key, false, "true or false");
    if (!value) return fallback;
    if (!value->is_boolean()) {
        problem(key, "must be true or false (without quotes), not " + json_type_name(*value));
        return fallback;
    }
    return value->get<bool>();
}

std::string ObjectReader::choice(const std::string& key, const std::vector<std::string>& allowed,
                                 std::optional<std::string> fallback) {
    std::string options;
    for (const auto& option : allowed) options += (options.empty() ? "\"" : ", \"") + option + "\"";
    const Json* value = member(key, !fallback, ("one of " + options).c_str());
    if (!value) return fallback.value_or(allowed.front());
    if (value->is_string()) {
        const auto text = value->get<std::string>();
        for (const auto& option : allowed)
            if (option == text) return text;
    }
    problem(key, "must be one of " + options + " (found " + value->dump() + ")");
    return fallback.value_or(allowed.front());
}

std::vector<std::string> ObjectReader::text_list(const std::string& key, std::size_t min_count,
                                                 std::size_t max_count) {
    std::vector<std::string> result;
    const Json* list = array(key, min_count > 0, min_count, max_count);
    if (!list) return result;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& item = (*list)[i];
        const std::string where = key + "[" + std::to_string(i) + "]";
        if (!item.is_string() || item.get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos)
            problem(where, "must be a non-empty text");
        else
            result.push_back(item.get<std::string>());
    }
    return result;
}

const Json* ObjectReader::object(const std::string& key, bool required) {
    const Json* value = member(key, required, "an object { ... }");
    if (value && !value->is_object()) {
        problem(key, "must be an object { ... }, not " + json_type_name(*value));
        return nullptr;
    }
    return value;
}

const Json* ObjectReader::array(const std::string& key, bool required, std::size_t min_count,
                                std::size_t max_count) {
    const Json* value = member(key, required, "a list [ ... ]");
    if (!value) return nullptr;
    if (!value->is_array()) {
        problem(key, "must be a list [ ... ], not " + json_type_name(*value));
        return nullptr;
    }
    if (value->size() < min_count || value->size() > max_count) {
        problem(key, "must hold between " + std::to_string(min_count) + " and " +
                         std::to_string(max_count) + " items (found " +
                         std::to_string(value->size()) + ")");
        return nullptr;
    }
    return value;
}

}  // namespace kiosk
