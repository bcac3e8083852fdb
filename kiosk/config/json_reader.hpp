#pragma once
// Reads one JSON object field by field while collecting problems instead of stopping at the
// first, so an operator sees every mistake in one run. Each problem names the file, the field
// path and the fix. Keys never read are reported as unknown: typos must not pass silently.
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <utility>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk {

using Json = nlohmann::json;

class Problems {
public:
    void add(const std::string& file, const std::string& field, const std::string& message);
    // A problem already phrased as "file: ...: what; fix".
    void add_line(std::string line) { m_lines.push_back(std::move(line)); }
    const std::vector<std::string>& lines() const { return m_lines; }
    bool empty() const { return m_lines.empty(); }

private:
    std::vector<std::string> m_lines;
};

// Parses a file; on failure records why (missing, unreadable, or the line and column of the
// syntax error) and returns nullopt.
std::optional<Json> read_json_file(const std::filesystem::path& path, Problems& problems);

class ObjectReader {
public:
    // `where` is the field path of this object ("" for the top level, "stages[2]").
    ObjectReader(const Json& object, std::string file, std::string where, Problems& problems);
    ~ObjectReader();  // reports unknown keys
    ObjectReader(const ObjectReader&) = delete;
    ObjectReader& operator=(const ObjectReader&) = delete;

    // Required when no fallback is given. Problems are recorded; the fallback is returned.
    std::string text(const std::string& key, std::optional<std::string> fallback = std::nullopt,
                     std::size_t max_length = 400);
    int integer(const std::string& key, int min, int max, std::optional<int> fallback = std::nullopt);
    bool boolean(const std::string& key, bool fallback);
    std::string choice(const std::string& key, const std::vector<std::string>& allowed,
                       std::optional<std::string> fallback = std::nullopt);
    // In place: a field keeps its value (the default its struct was made with) when the key is
    // absent, or wrong (then a problem is recorded). Defaults are written once, in the structs.
    void read(const std::string& key, int min, int max, int& field) { field = integer(key, min, max, field); }
    void read(const std::string& key, bool& field) { field = boolean(key, field); }
    void read(const std::string& key, std::string& field, std::size_t max_length) { field = text(key, field, max_length); }
    // kiosk.json counts whole minutes or seconds (Unit); the structs hold milliseconds.
    template <typename Unit>
    void read(const std::string& key, int min, int max, std::chrono::milliseconds& field) {
        field = Unit{integer(key, min, max, static_cast<int>(std::chrono::duration_cast<Unit>(field).count()))};
    }
    // One of `names` (name, value); the field's present value names the fallback.
    template <typename Enum>
    void read(const std::string& key, const std::vector<std::pair<std::string, Enum>>& names, Enum& field) {
        std::vector<std::string> allowed;
        std::string fallback;
        for (const auto& [name, value] : names) {
            allowed.push_back(name);
            if (value == field) fallback = name;
        }
        const auto chosen = choice(key, allowed, fallback);
        for (const auto& [name, value] : names)
            if (name == chosen) field = value;
    }

    // A list of non-empty texts with a count in [min_count, max_count].
    std::vector<std::string> text_list(const std::string& key, std::size_t min_count,
                                       std::size_t max_count);
    // The raw member for nested objects and arrays, checked for its type; nullptr if absent
    // (a problem when required) or of the wrong type.
    const Json* object(const std::string& key, bool required);
    const Json* array(const std::string& key, bool required, std::size_t min_count,
                      std::size_t max_count);

    // A list of objects under `key`, each read by read_item(ObjectReader& item, std::size_t index);
    // an entry that is no object is a problem showing `shape` ("{ \"name\": ... }"). False when
    // the list is absent (a problem when required) or no list.
    template <typename ReadItem>
    bool each_object(const std::string& key, bool required, std::size_t min_count, std::size_t max_count,
                     const std::string& shape, ReadItem&& read_item) {
        const Json* list = array(key, required, min_count, max_count);
        if (!list) return false;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string where = path(key) + "[" + std::to_string(i) + "]";
            if (!(*list)[i].is_object()) {
                m_problems.add(m_file, where, "must be an object " + shape);
                continue;
            }
            ObjectReader item{(*list)[i], m_file, where, m_problems};
            read_item(item, i);
        }
        return true;
    }

    std::string path(const std::string& key) const;
    void problem(const std::string& key, const std::string& message);
    // The value of `key` as it is (a field of more than one shape), marked as known; nullptr when absent.
    const Json* raw(const std::string& key);
    const std::string& file() const { return m_file; }
    Problems& problems() const { return m_problems; }

private:
    const Json* member(const std::string& key, bool required, const char* expected);

    const Json& m_object;
    std::string m_file;
    std::string m_where;
    Problems& m_problems;
    std::set<std::string> m_known;
};

std::string json_type_name(const Json& value);

}  // namespace kiosk
