// Every parser that reads what others send has a bound: the AI service's event stream here
// (1 MB a line and an event), the Markdown layout's nesting in screen_tests.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kiosk/ai/sse_parser.hpp"

using kiosk::ai::SseParser;

TEST_CASE("An event stream's event may hold 1 MB, a larger one ends the stream as garbage") {
    std::vector<std::string> events;
    SseParser parser{[&](const std::string&, const std::string& data) { events.push_back(data); }};
    // Just under the cap: many short data lines make one event.
    const std::string line = "data: " + std::string(1000, 'a') + "\n";
    for (int i = 0; i < 1000; ++i) parser.feed(line);
    parser.feed("\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0].size() == 1000 * 1000 + 999);
    CHECK_FALSE(parser.overflowed());
    // Over it: data lines that never end in a blank line are not gathered without end.
    for (int i = 0; i < 1100; ++i) parser.feed(line);
    CHECK(parser.overflowed());
    parser.feed("\ndata: after\n\n");  // nothing more is read once it is over
    CHECK(events.size() == 1);
}

TEST_CASE("One line longer than 1 MB ends the stream as garbage") {
    int seen = 0;
    SseParser parser{[&](const std::string&, const std::string&) { ++seen; }};
    parser.feed("data: x\n\n");
    parser.feed("data: " + std::string(1024 * 1024 + 10, 'b'));
    CHECK(parser.overflowed());
    parser.feed("\n\n");
    CHECK(seen == 1);
}
