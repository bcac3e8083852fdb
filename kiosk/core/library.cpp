#include "kiosk/core/library.hpp"

#include <algorithm>
#include <iterator>

namespace kiosk {

std::shared_ptr<const Content> Library::find(std::string_view id) const {
    const auto found = std::find_if(formats.begin(), formats.end(), [&](const auto& format) { return format->id == id; });
    return found == formats.end() ? nullptr : *found;
}

std::shared_ptr<const Content> Library::default_format() const {
    if (auto named = find(default_id); named && named->ready()) return named;
    const auto first_ready = std::find_if(formats.begin(), formats.end(), [](const auto& format) { return format->ready(); });
    if (first_ready != formats.end()) return *first_ready;
    return formats.empty() ? nullptr : formats.front();
}

std::vector<std::shared_ptr<const Content>> Library::ready() const {
    std::vector<std::shared_ptr<const Content>> result;
    std::copy_if(formats.begin(), formats.end(), std::back_inserter(result), [](const auto& format) { return format->ready(); });
    return result;
}

std::shared_ptr<const Library> Library::of(std::shared_ptr<const Content> content) {
    auto library = std::make_shared<Library>();
    library->default_id = content->id;
    library->formats.push_back(std::move(content));
    return library;
}

std::vector<std::string> least_used(const Library& library, const std::vector<std::string>& used, std::size_t most) {
    struct Use {
        std::string id;
        long count = 0;
    };
    std::vector<Use> uses;
    for (const auto& format : library.ready())
        uses.push_back({format->id, std::count(used.begin(), used.end(), format->id)});
    std::stable_sort(uses.begin(), uses.end(), [&](const Use& a, const Use& b) {
        if (a.count != b.count) return a.count < b.count;
        return a.id == library.default_id && b.id != library.default_id;
    });
    std::vector<std::string> offered;
    for (std::size_t i = 0; i < uses.size() && i < most; ++i) offered.push_back(uses[i].id);
    return offered;
}

std::shared_ptr<const Content> coffee_format(const Library& library, const std::map<int, std::string>& week_formats, int week) {
    const auto after = week_formats.lower_bound(week);  // the first of this week or later
    if (after != week_formats.begin())
        if (auto last = library.find(std::prev(after)->second); last && last->ready()) return last;
    return library.default_format();
}

}  // namespace kiosk
