#pragma once
// The videoframe library in one language: every session format the config holds (drafts too,
// which the lobby never offers), and the one a session uses when nobody chooses. Plain data;
// immutable once loaded and shared between threads by shared_ptr<const Library>.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content.hpp"

namespace kiosk {

struct Library {
    std::vector<std::shared_ptr<const Content>> formats;  // in the order of their ids
    std::string default_id = k_first_format_id;           // kiosk.json "videoframe"

    std::shared_ptr<const Content> find(std::string_view id) const;  // nullptr when there is none
    // default_id when it is there and ready, else the first ready format, else the first.
    std::shared_ptr<const Content> default_format() const;
    std::vector<std::shared_ptr<const Content>> ready() const;
    // The library of tools, tests and replays that know one videoframe.
    static std::shared_ptr<const Library> of(std::shared_ptr<const Content> content);
};

// The formats a lobby offers: the ready ones this trajectory used least (`used`: the format of
// each session so far), at most `most`, least used first; on equal use the default first (a new
// trajectory starts where the kiosk always started), then in library order.
std::vector<std::string> least_used(const Library& library, const std::vector<std::string>& used, std::size_t most = 3);

// Whose reflection questions the coffee corner of ISO week `week` (yyyyww) asks all week: the
// format of the last session closed before that week began (`week_formats`: yyyyww -> the format
// of the week's last session), as long as the library still has it ready; else the default format.
// Decided once for the week, so the answers on the wall all answer the same question.
std::shared_ptr<const Content> coffee_format(const Library& library, const std::map<int, std::string>& week_formats, int week);

}  // namespace kiosk
