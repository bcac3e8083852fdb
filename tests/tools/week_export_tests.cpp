// The coffee corner's week in the week export (--export week:YYYY-Www), read from the journal.
#include <catch2/catch.hpp>

#include "kiosk/core/local_time.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/tools/record_commands.hpp"
#include "tests/engine_room.hpp"
#include "tests/temp_dir.hpp"

using namespace kiosk;
using namespace kiosk::testing;

namespace {

std::string visitor(int n) { return "visitor-key-000000000000000000" + std::to_string(10 + n); }

LocalMoment at(int y, unsigned m, unsigned d, int hh, int mm) {
    return {std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}, hh * 60 + mm};
}

}  // namespace

TEST_CASE("The week export holds the week's question and the answers shown at its end") {
    testing::TempDir temp;
    const auto config = load_config(KIOSK_SOURCE_DIR "/config");
    FakeClock clock{wall_of(at(2026, 12, 1, 10, 0))};  // Tuesday of 2026-W49
    store::Journal journal{temp.path()};
    Engine engine{config.content, config.settings.timers, config.settings.session, counting_keys()};
    const auto record = [&](Event event) {
        event.at = clock.monotonic();
        engine.prepare(event);
        journal.append({event}, clock);
        return engine.apply(event);
    };
    const auto say = [&](int n, const std::string& text) {
        return record({EventKind::CoffeeAnswer, Sender::visitor(visitor(n)), CoffeeAnswerPayload{text, false}});
    };
    record({EventKind::CoffeeWeek, Sender::system(), CoffeeWeekPayload{202649, {}, {}}});
    say(1, "Eerste antwoord");
    say(2, "Tweede antwoord");
    say(1, "Eerste antwoord, gewijzigd");
    say(3, "Ingetrokken");
    record({EventKind::CoffeeWithdraw, Sender::visitor(visitor(3)), NoPayload{}});
    // Shown, then taken down by the room's key (Del on the answers panel): it stays out.
    const int shown_then_hidden = say(5, "Van het scherm gehaald").id;
    REQUIRE(record({EventKind::CoffeeModerate, Sender::room(), CoffeeModeratePayload{shown_then_hidden, "hide"}}).ok());
    record({EventKind::CoffeeQuestion, Sender::system(), CoffeeQuestionPayload{202650, "Wat gaf je energie?"}});
    clock.advance(std::chrono::hours{24 * 7});
    record({EventKind::CoffeeWeek, Sender::system(), CoffeeWeekPayload{202650, {}, {}}});
    say(4, "Volgende week");

    const auto week49 = tools::week_coffee(journal, config, 202649);
    CHECK(week49.held);
    CHECK(week49.question == "Wat verraste je deze week in je werk?");
    CHECK(week49.answers == std::vector<std::string>{"Eerste antwoord, gewijzigd", "Tweede antwoord"});
    const auto week50 = tools::week_coffee(journal, config, 202650);
    CHECK(week50.question == "Wat gaf je energie?");  // the group's question (question_source group_first)
    CHECK(week50.answers == std::vector<std::string>{"Volgende week"});
    CHECK_FALSE(tools::week_coffee(journal, config, 202648).held);
    const auto markdown = store::export_week("2026-W49", {}, "Leerruimte", store::ExportFormat::Markdown,
                                             {"nl", &config.strings}, week49);
    CHECK(markdown.find("## De vraag van de week") != std::string::npos);
    CHECK(markdown.find("2 antwoorden") != std::string::npos);
    CHECK(markdown.find("- Tweede antwoord") != std::string::npos);
    CHECK(markdown.find("Ingetrokken") == std::string::npos);
}
