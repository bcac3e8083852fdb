#pragma once
// What one phone sees of the session, as the JSON the phone page renders: the stage, its
// question and time, the phone's own notes and dots, and what the group may see (counts; the
// candidates while voting; the ranking after the reveal). Other people's votes and authors
// never leave the kiosk. Pure function of the View; called from the server's threads.
#include <string>

#include "kiosk/core/spoken_date.hpp"
#include "kiosk/core/view.hpp"

namespace kiosk::net {

struct PhoneContext {
    Millis now{0};                  // monotonic, for the time left
    std::string week_question;      // this week's reflection question (the check-in's)
    int extend_minutes = 2;
    DateWords dates;                // review dates as the room reads them ("ma 14 december")
    std::string caption;            // the caption of the clip the screen plays now ("" without)
};

// nullopt-like: an empty string when `key` is not part of the open session.
std::string phone_state_json(const View& view, const std::string& key, const PhoneContext& context);

// The name the phone page and the API use for a contribution kind ("facts", "ideas", ...).
std::string contribution_name(Contribution contribution);

}  // namespace kiosk::net
