// The videoframe library as config/ holds it: the shipped formats, the older single file, and
// what a broken or half-translated library is told.
#include <catch2/catch.hpp>

#include <algorithm>

#include "kiosk/config/config_error.hpp"
#include "kiosk/config/config_loader.hpp"
#include "tests/config/config_copy.hpp"

using namespace kiosk;
using kiosk::testing::ConfigCopy;

namespace {

std::vector<std::string> ids_of(const Library& library) {
    std::vector<std::string> ids;
    for (const auto& format : library.formats) ids.push_back(format->id);
    return ids;
}

}  // namespace

TEST_CASE("The shipped library holds four ready formats in both languages, each a whole hour") {
    const auto dir = std::filesystem::path{KIOSK_SOURCE_DIR} / "config";
    for (const std::string language : {"nl", "en"}) {
        const auto config = load_config(dir, language);
        CHECK(ids_of(*config.library) == std::vector<std::string>{"innovatie", "terugblik", "vaardigheid", "werksituatie"});
        CHECK(config.content->id == "werksituatie");  // the default: the format the kiosk had before the library
        for (const auto& format : config.library->formats) {
            INFO(format->id << " in " << language);
            CHECK(format->ready());
            CHECK(format->language == language);
            CHECK_FALSE(format->summary.empty());
            CHECK_FALSE(format->goal.empty());
            Millis hour{0};
            for (const auto& step : format->steps) hour += step.duration;
            CHECK(hour == std::chrono::minutes{60});
            // The engine finds its AI stage and its validation by what they ask of phones.
            CHECK(std::count_if(format->steps.begin(), format->steps.end(), [](const StepSpec& s) { return s.contribution == Contribution::Constraints; }) == 1);
            CHECK(std::count_if(format->steps.begin(), format->steps.end(), [](const StepSpec& s) { return s.contribution == Contribution::Scores; }) == 1);
            CHECK_FALSE(format->surprises.empty());
        }
    }
    const auto listing = list_videoframes(dir, "en");
    REQUIRE(listing.size() == 4);
    CHECK(listing[0].id == "innovatie");
    CHECK(listing[0].status == "ready");
    CHECK(listing[0].languages == std::vector<std::string>{"en", "nl"});
}

TEST_CASE("A config with the older single videoframe file works as a library of one format and says how to move it") {
    ConfigCopy config;
    for (const std::string language : {"nl", "en"}) {
        auto json = config.read("videoframes/werksituatie." + language + ".json");
        for (const char* added : {"id", "status", "summary", "goal", "ai_brief", "surprises"}) json.erase(added);
        config.write("videoframe." + language + ".json", json);
    }
    std::filesystem::remove_all(config.dir / "videoframes");
    CHECK(config.problems().empty());
    const auto loaded = load_config(config.dir, "nl");
    CHECK(ids_of(*loaded.library) == std::vector<std::string>{"werksituatie"});
    CHECK(loaded.content->title == "Een werksituatie verbeteren");
    REQUIRE(loaded.notes.size() == 1);
    CHECK_THAT(loaded.notes[0], Catch::Contains("read as a library of one format (\"werksituatie\")"));
    CHECK_THAT(loaded.notes[0], Catch::Contains("videoframes/werksituatie.<lang>.json"));
}

TEST_CASE("An older single file beside the library is no longer read, and the log says where its changes belong") {
    ConfigCopy config;
    config.write("videoframe.nl.json.dpkg-bak", config.read("videoframes/werksituatie.nl.json"));
    const auto loaded = load_config(config.dir, "nl");
    REQUIRE(loaded.notes.size() == 1);
    CHECK(loaded.notes[0] == config.file("videoframe.nl.json.dpkg-bak") + ": no longer read, the library in videoframes/ is; move any changes of yours into " +
                                 config.file("videoframes/werksituatie.nl.json") + " and remove this file");
}

TEST_CASE("Every format needs a file in every language, named by its id, with the same stages and pools") {
    ConfigCopy missing;
    std::filesystem::remove(missing.dir / "videoframes/innovatie.en.json");
    CHECK(missing.problems() == std::vector<std::string>{
        missing.file("videoframes/innovatie.en.json") + ": is missing: every format needs a file in every language "
        "(innovatie has one in another language); translate it, or remove the format's other files"});

    ConfigCopy renamed;
    renamed.edit("videoframes/terugblik.nl.json", [](Json& j) { j["id"] = "terugkijken"; });
    CHECK(renamed.problems() == std::vector<std::string>{
        renamed.file("videoframes/terugblik.nl.json") + ": id: is \"terugkijken\" but the file is named terugblik.nl.json; "
        "the id and the file name must be the same"});

    ConfigCopy pools;
    pools.edit("videoframes/vaardigheid.en.json", [](Json& j) { j["surprises"][0]["cards"].erase(0); });
    CHECK(pools.problems() == std::vector<std::string>{
        pools.file("videoframes/vaardigheid.en.json") + ": surprises: differs from vaardigheid.nl.json; every language needs "
        "the same pools (stage, after_minutes, show_minutes) with as many cards, in the same order"});

    ConfigCopy stray;
    stray.write("videoframes/Nieuw formaat.json", Json::object());
    CHECK(stray.problems() == std::vector<std::string>{
        stray.file("videoframes/Nieuw formaat.json") + ": is not named <id>.<lang>.json (e.g. innovatie.nl.json, with a-z, 0-9 "
        "and '-' in the id and nl or en as the language); rename it or move it out of videoframes/"});
}

TEST_CASE("A surprise pool names a stage of its format and shows its card while people still write") {
    struct Case {
        std::function<void(Json&)> edit;
        std::string message;
    };
    const std::vector<Case> cases{
        {[](Json& j) { j["surprises"][0]["stage"] = "koffie"; }, "surprises[0].stage: \"koffie\" is not a stage id of this file; name one of its stages"},
        {[](Json& j) { j["surprises"][1]["after_minutes"] = 9; },
         "surprises[1].after_minutes: plus show_minutes (12) must fit in the stage's 11 minutes of writing, so the card is gone before the vote"},
        {[](Json& j) { j["surprises"][0]["cards"][0]["kind"] = "joke"; },
         "surprises[0].cards[0].kind: must be one of \"question\", \"constraint\", \"role\", \"exercise\", \"quote\" (found \"joke\")"},
        {[](Json& j) { j["surprises"][0]["cards"][0]["by"] = "Cruijff"; j["surprises"][0]["cards"][0]["kind"] = "role"; },
         "surprises[0].cards[0].by: names a quote's author; use it with \"kind\": \"quote\", or remove it"},
        {[](Json& j) { j["surprises"][0]["show_minutes"] = 0; }, "surprises[0].show_minutes: must be between 1 and 10 (found 0)"},
        {[](Json& j) { j.erase("status"); }, "status: missing; add it as one of \"draft\", \"ready\""},
    };
    for (const auto& test : cases) {
        ConfigCopy config;
        config.edit("videoframes/werksituatie.nl.json", test.edit);
        config.edit("videoframes/werksituatie.en.json", test.edit);
        const auto problems = config.problems();
        INFO(test.message);
        REQUIRE(problems.size() >= 1);
        CHECK(problems[0] == config.file("videoframes/werksituatie.en.json") + ": " + test.message);
    }
}

TEST_CASE("A media entry names a file of its kind inside the media folder and when it shows and its text alternative") {
    const auto clip = [](Json extra) {
        Json entry = {{"kind", "video"}, {"file", "clips/intro.mp4"}, {"alt", "Twee collega's aan de balie"}};
        for (auto& [key, value] : extra.items()) entry[key] = value;
        return Json::array({entry});
    };
    struct Case {
        Json media;
        std::string message;
    };
    const std::vector<Case> cases{
        {clip({{"kind", "film"}}), "stages[0].media[0].kind: must be one of \"video\", \"image\", \"audio\" (found \"film\")"},
        {clip({{"file", "../../etc/passwd.mp4"}}),
         "stages[0].media[0].file: \"../../etc/passwd.mp4\" must be a path inside the media folder (no leading '/', no '..'); copy the file there"},
        {clip({{"file", "/srv/intro.mp4"}}),
         "stages[0].media[0].file: \"/srv/intro.mp4\" must be a path inside the media folder (no leading '/', no '..'); copy the file there"},
        {clip({{"file", "clips/intro.avi"}}),
         "stages[0].media[0].file: \"clips/intro.avi\" is no video file the kiosk plays; use .mp4 or .webm (H.264 or VP9), or change \"kind\""},
        {clip({{"kind", "audio"}, {"file", "uitleg.mp3"}, {"show", "full"}}),
         "stages[0].media[0].show: a sound has no picture to fill the screen; remove \"show\" or use \"panel\""},
        {clip({{"when", {{"after_minutes", 12}}}}), "stages[0].media[0].when.after_minutes: must be less than the 12 minutes it belongs to, or the media never shows"},
        {clip({{"when", "halfway"}}), "stages[0].media[0].when: must be one of \"at_start\", \"on_key\" (found \"halfway\")"},
        {Json::array({Json{{"kind", "image"}, {"file", "situatie.png"}}}), "stages[0].media[0].alt: missing; add it as a text"},
    };
    for (const auto& test : cases) {
        ConfigCopy config;
        const auto edit = [&](Json& j) { j["stages"][0]["media"] = test.media; };
        config.edit("videoframes/werksituatie.nl.json", edit);
        config.edit("videoframes/werksituatie.en.json", edit);
        const auto problems = config.problems();
        INFO(test.message);
        REQUIRE(problems.size() >= 1);
        CHECK(problems[0] == config.file("videoframes/werksituatie.en.json") + ": " + test.message);
    }
    // A well-formed entry is read as written (the file itself is --check-config's to probe).
    ConfigCopy config;
    const auto edit = [&](Json& j) {
        j["stages"][1]["media"] = clip({{"show", "full"}, {"when", {{"after_minutes", 2}}}});
        j["surprises"][0]["cards"][0]["media"] = clip({{"kind", "image"}, {"file", "kaart.jpg"}, {"when", "on_key"}});
    };
    config.edit("videoframes/werksituatie.nl.json", edit);
    config.edit("videoframes/werksituatie.en.json", edit);
    REQUIRE(config.problems().empty());
    const auto loaded = load_config(config.dir);
    const auto& media = loaded.content->steps[2].media;
    REQUIRE(media.size() == 1);
    CHECK(media[0].kind == MediaKind::Video);
    CHECK(media[0].file == "clips/intro.mp4");
    CHECK(media[0].show == MediaShow::Full);
    CHECK(media[0].when == MediaWhen::AfterMinutes);
    CHECK(media[0].after == std::chrono::minutes{2});
    CHECK(media[0].alt == "Twee collega's aan de balie");
    const auto& card = loaded.content->surprises[0].cards[0].media;
    REQUIRE(card.size() == 1);
    CHECK(card[0].kind == MediaKind::Image);
    CHECK(card[0].when == MediaWhen::OnKey);
    CHECK(loaded.content->media_items().size() == 2);
    CHECK(loaded.media_dir == (config.dir / "../media").lexically_normal());
}

TEST_CASE("A slot and kiosk.json's default may only name ready formats, and a library needs one") {
    ConfigCopy slot;
    slot.edit("kiosk.json", [](Json& j) { j["schedule"]["slots"][0]["videoframe"] = "yoga"; });
    CHECK(slot.problems() == std::vector<std::string>{
        slot.file("kiosk.json") + ": schedule.slots[0].videoframe: is \"yoga\", which is not a ready format in \"en\"; "
        "name one that --list-videoframes shows as ready, or remove it to let the lobby choose"});

    ConfigCopy drafts;
    for (const auto* id : {"innovatie", "terugblik", "vaardigheid", "werksituatie"})
        for (const std::string language : {"nl", "en"})
            drafts.edit(std::string{"videoframes/"} + id + "." + language + ".json", [](Json& j) { j["status"] = "draft"; });
    const auto problems = drafts.problems();
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == drafts.file("videoframes") + ": has no format with \"status\": \"ready\" in \"nl\"; the lobby offers "
                         "only ready formats: review a draft and set its status to \"ready\"");

    ConfigCopy named;
    named.edit("kiosk.json", [](Json& j) { j["videoframe"] = "innovatie"; });
    CHECK(load_config(named.dir, "nl").content->id == "innovatie");
}
