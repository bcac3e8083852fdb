#pragma once
// One session as a room lives it, for the soak. The room's keys go to the engine loop as the
// screen loop posts them; the phones go through the HTTP API on 127.0.0.1: they join with the
// QR's token and hold live streams, fill in the lobby, write notes of varying length, place
// their dots, say they are ready (which moves the stages on), take the AI stage's manual route
// (copy the prompt, paste an answer, mark its paragraphs), score and decide in the validation,
// and share reflections at the wrap-up; then the room closes the session. Driven from the
// bench's main thread; in each round every phone acts on a thread of its own, as people tap at
// the same time.
#include <cstddef>
#include <functional>
#include <map>
#include <string>

#include "bench/soak_kiosk.hpp"
#include "bench/soak_texts.hpp"

namespace kiosk::bench {

struct SessionSetup {
    SoakKiosk& kiosk;
    const SoakTexts& texts;
    int phones = 12;
    int number = 1;             // which session of the month: varies what is said and chosen
    bool own_addresses = true;  // phone i connects from 127.0.0.(2 + i); else all from 127.0.0.1
    std::function<void(const View&)> show;  // the screen draws the View (once per stage and part)
};

struct SessionTally {
    bool reached_wrap_up = false;
    int notes = 0;              // on the wall at the wrap-up
    std::size_t said = 0;       // bytes of text the phones wrote that the kiosk took
    int requests = 0;
    int refused = 0;            // answers other than 2xx (3xx for pages); none are expected
    int slowed = 0;             // "429 slow down" answers, retried after 100 ms
    int streams = 0;            // live streams opened
    std::size_t streamed = 0;   // bytes they received
    std::string first_refusal;  // "POST /api/vote: 409 {…}"
    std::map<std::string, int> refusals;  // "POST /api/vote 409" -> how often
};

SessionTally run_session(const SessionSetup& setup);

}  // namespace kiosk::bench
