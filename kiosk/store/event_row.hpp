#pragma once
// An event as a row of the journal's events table: the action's journal name, the sender, and
// the payload's fields in the columns their FieldSpecs name. Both directions follow the action
// table, so an action added there is stored and replayed without a line here.
#include <string>

#include "kiosk/core/event.hpp"

namespace kiosk::store {

struct EventRow {
    std::string kind;    // the action's journal name
    std::string sender;  // "room", "system", "participant"
    std::string participant;  // the sender's key
    std::string stage;
    std::string text;
    long long note = 0;
    std::string dots;    // comma-separated whole numbers
    bool flag = false;
};

EventRow to_row(const Event& event);
// The event a row holds (event.at is left 0); throws StoreError naming the row's problem (a
// kind or sender this version does not know, numbers that are not numbers).
Event from_row(const EventRow& row);

}  // namespace kiosk::store
