#include "kiosk/store/event_row.hpp"

#include <charconv>
#include <limits>
#include <type_traits>

#include "kiosk/core/actions.hpp"
#include "kiosk/store/journal.hpp"

namespace kiosk::store {

namespace {

std::string join_numbers(const std::vector<int>& numbers) {
    std::string out;
    for (const int n : numbers) out += (out.empty() ? "" : ",") + std::to_string(n);
    return out;
}

std::vector<int> split_numbers(const std::string& text) {
    std::vector<int> numbers;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        int value = 0;
        const auto [rest, error] = std::from_chars(text.data() + start, text.data() + end, value);
        if (error != std::errc{} || rest != text.data() + end) throw StoreError{"a list of numbers is not numbers: " + text};
        numbers.push_back(value);
        start = end + 1;
    }
    return numbers;
}

int to_int(long long value) {
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
        throw StoreError{"a number is out of range: " + std::to_string(value)};
    return static_cast<int>(value);
}

}  // namespace

EventRow to_row(const Event& event) {
    EventRow row;
    row.kind = std::string{to_string(event.kind)};
    row.sender = std::string{to_string(event.from.kind)};
    row.participant = event.from.key;
    Payload payload = event.payload;  // for_each_field hands out members to change; this only reads
    for_each_field(payload, [&](const FieldSpec& field, const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) (field.column == Column::Stage ? row.stage : row.text) = value;
        else if constexpr (std::is_same_v<T, std::vector<int>>) row.dots = join_numbers(value);
        else if constexpr (std::is_same_v<T, bool>) row.flag = value;
        else if (field.column == Column::Dots) row.dots = std::to_string(value);  // an int kept in the list column
        else row.note = value;
    });
    return row;
}

Event from_row(const EventRow& row) {
    const auto kind = event_kind_from(row.kind);
    if (!kind) throw StoreError{"an event of kind '" + row.kind + "' that this version does not know"};
    const auto sender = sender_kind_from(row.sender);
    if (!sender) throw StoreError{"an event from '" + row.sender + "', a sender this version does not know"};
    Event event{*kind};
    event.from = {*sender, *sender == SenderKind::Participant || *sender == SenderKind::Visitor ? row.participant : std::string{}};
    for_each_field(event.payload, [&](const FieldSpec& field, auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) value = field.column == Column::Stage ? row.stage : row.text;
        else if constexpr (std::is_same_v<T, std::vector<int>>) value = split_numbers(row.dots);
        else if constexpr (std::is_same_v<T, bool>) value = row.flag;
        else if (field.column == Column::Dots) {
            const auto numbers = split_numbers(row.dots);
            value = numbers.empty() ? 0 : numbers.front();
        } else {
            value = to_int(row.note);
        }
    });
    return event;
}

}  // namespace kiosk::store
