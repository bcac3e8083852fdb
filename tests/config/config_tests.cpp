#include <catch2/catch.hpp>

#include <fstream>

#include "kiosk/config/config_error.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/config/json_reader.hpp"
#include "tests/config/config_copy.hpp"

using namespace kiosk;
using kiosk::testing::ConfigCopy;


TEST_CASE("The shipped configuration is valid and loads in both languages") {
    const auto problems = check_config(std::filesystem::path{KIOSK_SOURCE_DIR} / "config");
    CHECK(problems.empty());
    for (const std::string language : {"nl", "en"}) {
        const auto config = load_config(std::filesystem::path{KIOSK_SOURCE_DIR} / "config", language);
        CHECK(config.content->language == language);
        CHECK(config.content->stage_count() == 5);
        CHECK(config.content->steps[0].duration == std::chrono::minutes{3});
        CHECK(config.content->reflection_questions.size() == 12);
        CHECK(config.content->framing_questions.size() == 10);
        CHECK(config.content->criteria.size() == 8);
        CHECK(config.settings.slots.size() == 4);
        CHECK(config.strings.text("paused") != "paused");
    }
}

TEST_CASE("A missing file names the file and how to point at the right folder") {
    ConfigCopy config;
    std::filesystem::remove(config.dir / "kiosk.json");
    CHECK(config.problems() == std::vector<std::string>{
        config.file("kiosk.json") + ": cannot open the file (No such file or directory); check "
        "that it exists and is readable, or pass --config DIR"});
}

TEST_CASE("Broken JSON names the line and column of the mistake") {
    ConfigCopy config;
    config.write_text("kiosk.json", "{\n  \"room_name\": \"A\",\n  \"language\" \"nl\"\n}\n");
    const auto problems = config.problems();
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith(config.file("kiosk.json") + ": invalid JSON at line 3, column 17"));
    CHECK_THAT(problems[0], Catch::EndsWith("; fix the syntax there"));
}

TEST_CASE("A file that is not an object at the top level is refused") {
    ConfigCopy config;
    config.write_text("kiosk.json", "[1, 2]");
    CHECK(config.problems() == std::vector<std::string>{
        config.file("kiosk.json") + ": must hold one JSON object { ... } at the top level"});
}

TEST_CASE("Each field rule gives its own exact message") {
    ConfigCopy config;
    using Edit = std::function<void(Json&)>;
    struct Case {
        std::string file;
        Edit edit;
        std::string message;
    };
    const std::vector<Case> cases{
        {"kiosk.json", [](Json& j) { j.erase("room_name"); }, "room_name: missing; add it as a text"},
        {"kiosk.json", [](Json& j) { j["room_name"] = 42; }, "room_name: must be a text in quotes, not a number"},
        {"kiosk.json", [](Json& j) { j["room_name"] = "   "; }, "room_name: must not be empty; write the text it should show"},
        {"kiosk.json", [](Json& j) { j["room_name"] = std::string(61, 'x'); }, "room_name: is 61 bytes long; shorten it to at most 60"},
        {"kiosk.json", [](Json& j) { j["language"] = "de"; }, "language: must be one of \"nl\", \"en\" (found \"de\")"},
        {"kiosk.json", [](Json& j) { j["display"]["fulscreen"] = true; }, "display.fulscreen: unknown key; check the spelling (known here: fullscreen, height, power, width) or remove it"},
        {"kiosk.json", [](Json& j) { j["display"]["power"] = {{"method", "beamer"}}; }, "display.power.method: must be one of \"dpms\", \"pjlink\", \"cec\", \"ddc\", \"none\" (found \"beamer\")"},
        {"kiosk.json", [](Json& j) { j["display"]["power"] = {{"method", "pjlink"}}; }, "display.power.host: is needed for \"pjlink\": the projector's address, e.g. \"192.168.1.40\" or \"beamer-zaal3\""},
        {"kiosk.json", [](Json& j) { j["display"]["power"] = {{"method", "pjlink"}, {"host", "zaal 3"}}; }, "display.power.host: must be an address or a name without spaces or slashes, e.g. \"192.168.1.40\""},
        {"kiosk.json", [](Json& j) { j["display"]["power"] = {{"method", "cec"}, {"host", "192.168.1.40"}}; }, "display.power.host: is only for \"method\": \"pjlink\"; remove it (method is \"cec\")"},
        {"kiosk.json", [](Json& j) { j["display"]["power"] = {{"method", "pjlink"}, {"host", "10.0.0.4"}, {"warmup_seconds", 900}}; }, "display.power.warmup_seconds: "},
        {"kiosk.json", [](Json& j) { j["display"]["fullscreen"] = "yes"; }, "display.fullscreen: must be true or false (without quotes), not a text"},
        {"kiosk.json", [](Json& j) { j["display"] = 3; }, "display: must be an object { ... }, not a number"},
        {"kiosk.json", [](Json& j) { j["network"]["port"] = 70000; }, "network.port: must be between 1 and 65535 (found 70000)"},
        {"kiosk.json", [](Json& j) { j["network"]["port"] = "8080"; }, "network.port: must be a whole number between 1 and 65535, not a text"},
        {"kiosk.json", [](Json& j) { j["network"]["public_url"] = "kiosk.local:8080"; }, "network.public_url: must start with http:// or https:// (or be \"\" to detect the LAN address)"},
        {"kiosk.json", [](Json& j) { j["network"]["public_url"] = "http://a b"; }, "network.public_url: must not contain spaces"},
        {"kiosk.json", [](Json& j) { j["data_dir"] = ""; }, "data_dir: must not be empty; remove it for /var/lib/vitale-kiosk, or write a folder, e.g. \"data\""},
        {"kiosk.json", [](Json& j) { j["timers"]["extend_minutes"] = 0; }, "timers.extend_minutes: must be between 1 and 15 (found 0)"},
        {"kiosk.json", [](Json& j) { j["timers"]["warning_seconds"] = 1.5; }, "timers.warning_seconds: must be a whole number between 10 and 300, not a decimal number"},
        {"kiosk.json", [](Json& j) { j["chime"] = 1; }, "chime: must be true or false (without quotes), not a number"},
        {"kiosk.json", [](Json& j) { j["schedule"]["slots"][1]["day"] = "tuesday"; }, "schedule.slots[1].day: must be one of \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\" (found \"tuesday\")"},
        {"kiosk.json", [](Json& j) { j["schedule"]["slots"][0]["start"] = "9:00"; }, "schedule.slots[0].start: must be a time as \"HH:MM\", e.g. \"09:00\""},
        {"kiosk.json", [](Json& j) { j["schedule"]["slots"][0]["end"] = "08:00"; }, "schedule.slots[0].end: must be later than start"},
        {"kiosk.json", [](Json& j) { j["schedule"]["slots"][2] = "thu"; }, "schedule.slots[2]: must be an object like {\"day\": \"mon\", \"start\": \"09:00\", \"end\": \"10:00\"}"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][2]["minutes"] = 0; }, "stages[2].minutes: must be between 1 and 90 (found 0)"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][2]["minutes"] = 91; }, "stages[2].minutes: must be between 1 and 90 (found 91)"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][0].erase("goal"); }, "stages[0].goal: missing; add it as a text"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][1]["questions"] = Json::array(); }, "stages[1].questions: must hold between 1 and 4 items (found 0)"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][1]["questions"][1] = ""; }, "stages[1].questions[1]: must be a non-empty text"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][3]["contribute"] = "wishes"; }, "stages[3].contribute: must be one of \"none\", \"facts\", \"statements\", \"ideas\", \"constraints\", \"scores\" (found \"wishes\")"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][1]["dots"] = 11; }, "stages[1].dots: must be between 0 and 10 (found 11)"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][0]["titel"] = "x"; }, "stages[0].titel: unknown key; check the spelling (known here: contribute, dots, goal, id, max_per_person, media, minutes, phone_task, questions, result_minutes, runoff_seconds, title, vote_minutes, winners) or remove it"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][1]["vote_minutes"] = 20; }, "stages[1].minutes: must be more than vote_minutes + result_minutes (22), so there is time to write (or score) before the vote"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][3]["dots"] = 2; }, "stages[3].dots: only works with \"contribute\": \"statements\", \"ideas\" or \"facts\"; remove it or set it to 0"},
        {"kiosk.json", [](Json& j) { j["retention_days"] = 0; }, "retention_days: must be between 1 and 3650 (found 0)"},
        {"kiosk.json", [](Json& j) { j["phones"]["max_text"] = 5; }, "phones.max_text: must be between 20 and 1000 (found 5)"},
        {"kiosk.json", [](Json& j) { j["phones"]["show_names"] = "ja"; }, "phones.show_names: must be true or false (without quotes), not a text"},
        {"phone.en.json", [](Json& j) { j.erase("err_slow_down"); }, "err_slow_down: missing; add it as a text"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["checkin"]["minutes"] = 120; }, "checkin.minutes: must be between 1 and 90 (found 120)"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"] = Json::array(); }, "stages: must hold between 1 and 8 items (found 0)"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][4] = 5; }, "stages[4]: must be an object { \"id\": ..., \"title\": ..., \"minutes\": ... }"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j.erase("criteria"); }, "criteria: missing; add it as a list [ ... ]"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["criteria"][0].erase("name"); }, "criteria[0].name: missing; add it as a text"},
        {"videoframes/werksituatie.nl.json", [](Json& j) { j["reflection_questions"] = "Wat?"; }, "reflection_questions: must be a list [ ... ], not a text"},
        {"strings.en.json", [](Json& j) { j.erase("paused"); }, "paused: missing; add it as a text"},
        {"strings.en.json", [](Json& j) { j["pauzed"] = "Paused"; }, "pauzed: unknown key; check the spelling (known here: " /* long list */},
    };
    for (const auto& test : cases) {
        ConfigCopy copy;
        copy.edit(test.file, test.edit);
        const auto problems = copy.problems();
        INFO(test.file << ": " << test.message);
        REQUIRE(problems.size() == 1);
        if (test.message.back() == ' ')  // the unknown-key list of every UI string is long
            CHECK_THAT(problems[0], Catch::StartsWith(copy.file(test.file) + ": " + test.message));
        else
            CHECK(problems[0] == copy.file(test.file) + ": " + test.message);
    }
}

TEST_CASE("A stage id with spaces or capitals is refused because it names a scene") {
    ConfigCopy config;
    config.edit("videoframes/werksituatie.nl.json", [](Json& j) { j["stages"][0]["id"] = "Analyse 1"; });
    config.edit("videoframes/werksituatie.en.json", [](Json& j) { j["stages"][0]["id"] = "Analyse 1"; });
    const auto problems = config.problems();
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == config.file("videoframes/werksituatie.en.json") + ": stages[0].id: may hold only a-z, 0-9 and '-' (it names the scene)");
}

TEST_CASE("Languages must agree on the stages") {
    ConfigCopy config;
    config.edit("videoframes/werksituatie.en.json", [](Json& j) { j["stages"][1]["id"] = "problem"; });
    CHECK(config.problems() == std::vector<std::string>{
        config.file("videoframes/werksituatie.en.json") + ": stages[1].id: is \"problem\" but werksituatie.nl.json has "
        "\"probleemstelling\"; use the same ids in every language"});

    ConfigCopy fewer;
    fewer.edit("videoframes/werksituatie.en.json", [](Json& j) {
        j["stages"].erase(4);
        j["surprises"].erase(2);  // its pool was the validation's
    });
    CHECK(fewer.problems() == std::vector<std::string>{
        fewer.file("videoframes/werksituatie.en.json") + ": stages: has 4 stages but werksituatie.nl.json has 5; "
        "every language needs the same stages"});
}

TEST_CASE("Every problem in every file is reported in one run") {
    ConfigCopy config;
    config.edit("kiosk.json", [](Json& j) {
        j["network"]["port"] = 0;
        j["language"] = "fr";
    });
    config.edit("videoframes/werksituatie.en.json", [](Json& j) { j["stages"][2]["minutes"] = 500; });
    std::filesystem::remove(config.dir / "strings.nl.json");
    const auto problems = config.problems();
    CHECK(problems.size() == 4);
}

TEST_CASE("load_config throws a ConfigError holding every problem, and refuses an unknown --lang") {
    ConfigCopy config;
    config.edit("kiosk.json", [](Json& j) { j["room_name"] = ""; });
    try {
        load_config(config.dir);
        FAIL("expected a ConfigError");
    } catch (const ConfigError& error) {
        CHECK(error.problems().size() == 1);
    }
    ConfigCopy good;
    try {
        load_config(good.dir, std::string{"de"});
        FAIL("expected a ConfigError");
    } catch (const ConfigError& error) {
        CHECK(error.problems() == std::vector<std::string>{"--lang: must be nl or en (found \"de\")"});
    }
}

TEST_CASE("Optional settings fall back to documented defaults") {
    ConfigCopy config;
    config.write("kiosk.json", Json{{"room_name", "Kamer"}});
    const auto loaded = load_config(config.dir);
    CHECK(loaded.settings.language == "nl");
    CHECK(loaded.settings.port == 8080);
    CHECK(loaded.settings.display.fullscreen);
    CHECK(loaded.settings.data_dir.empty());  // none: /var/lib/vitale-kiosk (config_location.hpp)
    CHECK(loaded.settings.timers.extend_step == std::chrono::minutes{2});
    CHECK(loaded.settings.timers.warning == std::chrono::seconds{60});
    CHECK(loaded.settings.chime);
    CHECK(loaded.settings.slots.empty());
}
