#pragma once
// A finished session's recorded outcome: the session as it closed (its View, with the videoframe
// and the decision rule it ran with) as JSON, written into the journal when it closes. History
// reads this record: the next lobby's earlier decisions, the coffee corner's decisions, --export
// and the week export. It is never worked out again, so an upgrade (new rules, another
// videoframe) cannot rewrite what a group decided. Also the facts' JSON (fact.hpp).
// Plain functions; any thread.
#include <string>

#include "kiosk/core/fact.hpp"
#include "kiosk/core/view.hpp"

namespace kiosk::store {

// Bumped when the record's shape changes; a reader refuses a newer one (StoreError).
inline constexpr int k_outcome_record_version = 1;

std::string outcome_record(const View& closed);
// The View the record was made from (its content and rules its own); throws StoreError when
// the text is not a record this version can read.
View view_from_record(const std::string& record);

std::string fact_json(const Fact& fact);
// nullopt for a fact kind this version does not know (a newer kiosk's; skipped, not guessed).
std::optional<Fact> fact_from(const std::string& kind, const std::string& json);

}  // namespace kiosk::store
