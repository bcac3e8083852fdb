// The projector-size check: every scene, drawn as --screenshot draws it with 0, 1, 8 and 60
// phones' worth of sample content (--demo N), at the sizes meeting-room projectors have. The
// canvas notes where each text went and the box it was given; no text may run out of the
// screen or its box, over another text, or under a panel or image drawn after it.
#include <catch2/catch.hpp>

#include "kiosk/tools/screenshot.hpp"
#include "kiosk/ui/layout_log.hpp"
#include "tests/screen_fixture.hpp"

using namespace kiosk;

namespace {

// A fixed moment, so the week's question and line are the same in every run (2026-W48).
const WallTime k_monday{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + std::chrono::hours{8}};

const std::vector<std::pair<int, int>> k_projector_sizes{{1024, 768}, {1280, 800}, {1920, 1080}, {1920, 1200}};

// The scenes --screenshot knows with `demo` sample phones: the catalogue, the AI stage's later
// looks when there is sample content, the lobby with its codes closed, and the help overlay.
std::vector<std::pair<std::string, bool>> screens(const Content& content, int demo) {
    std::vector<std::pair<std::string, bool>> result;
    for (const auto& name : scenes::scene_names(content)) result.emplace_back(name, false);
    for (const auto& step : content.steps)
        if (step.contribution == Contribution::Constraints && demo > 0)
            for (const char* variant : {"-proposal", "-failed", "-prompt"}) result.emplace_back(step.id + variant, false);
    result.emplace_back("lobby-codes-closed", false);
    result.emplace_back("brainstorm", true);
    return result;
}

}  // namespace

TEST_CASE("No text runs out of its box or under another element, at every projector size and amount of content") {
    const auto language = GENERATE(as<std::string>{}, "nl", "en");
    const auto config = load_config(std::filesystem::path{KIOSK_SOURCE_DIR} / "config", language);
    const scenes::Room room{"Leerruimte Test", "http://127.0.0.1:18080", config.settings.slots};
    for (const auto& [width, height] : k_projector_sizes) {
        auto surface = ui::make_rgb_surface(width, height);
        ui::Canvas canvas{surface.get(), testing::system_fonts()};
        ui::LayoutLog log;
        canvas.record_layout(&log);
        for (const int demo : {0, 1, 8, 60})
            for (const auto& [scene, help] : screens(*config.content, demo)) {
                log = {};
                tools::draw_screenshot(config, room, canvas, scene, help, demo, k_monday);
                INFO(scene << (help ? " with the help overlay" : "") << " at " << width << "x" << height << ", --demo " << demo << ", " << language);
                if (scene != "coffee-night") CHECK(log.items.size() > 3);  // it drew something (the night: a dark screen)
                const auto problems = ui::layout_problems(log, {0, 0, width, height});
                for (const auto& problem : problems) FAIL_CHECK(problem);
            }
    }
}

TEST_CASE("The layout check sees a text out of its box, two texts on each other and a panel over a text") {
    ui::LayoutLog log;
    using Kind = ui::LayoutItem::Kind;
    log.items.push_back({Kind::Text, {10, 10, 200, 40}, SDL_Rect{10, 10, 150, 600}, "Te lang voor de kolom", 0});
    log.items.push_back({Kind::Text, {10, 40, 100, 40}, std::nullopt, "Eronder", 0});
    log.items.push_back({Kind::Fill, {50, 70, 300, 300}, std::nullopt, "", 0});
    log.items.push_back({Kind::Text, {1000, 10, 100, 40}, std::nullopt, "Rechts eraf", 0});
    log.items.push_back({Kind::Text, {60, 100, 100, 40}, std::nullopt, "Op het paneel", 0});
    log.items.push_back({Kind::Text, {10, 10, 100, 40}, std::nullopt, "Op de overlay", 1});
    const auto problems = ui::layout_problems(log, {0, 0, 1024, 768});
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].find("\"Te lang voor de kolom\" (200x40+10+10) runs out of its box") == 0);
    CHECK(problems[1].find("\"Te lang voor de kolom\"") == 0);
    CHECK(problems[1].find("\"Eronder\"") != std::string::npos);
    CHECK(problems[1].find("overlap") != std::string::npos);
    CHECK(problems[2] == "\"Eronder\" (100x40+10+40) is under a fill (300x300+50+70)");
    CHECK(problems[3].find("\"Rechts eraf\"") == 0);
    CHECK(problems[3].find("runs out of the screen") != std::string::npos);
}

TEST_CASE("A text that does not fit its box at its smallest size is cut after what fits, with an ellipsis") {
    auto surface = ui::make_rgb_surface(1024, 768);
    ui::Canvas canvas{surface.get(), testing::system_fonts()};
    ui::LayoutLog log;
    canvas.record_layout(&log);
    const SDL_Rect box{100, 100, 300, 40};
    const ui::TextStyle style{ui::type::body, ui::Weight::Regular, ui::theme::text};
    SECTION("words") {
        const auto rect = canvas.text_fit("Eén eigenaar per klantvraag tot die is opgelost, en daarna nog veel meer woorden", style, box, ui::type::small);
        CHECK(rect.w <= box.w);
        CHECK(rect.h <= box.h);
        REQUIRE(log.items.size() == 1);
        CHECK(log.items[0].text.rfind("Eén eigenaar", 0) == 0);
        CHECK(log.items[0].text.find("meer woorden") == std::string::npos);
    }
    SECTION("one long word of accented letters, cut between two characters") {
        std::string word;
        for (int i = 0; i < 40; ++i) word += "é";
        const auto rect = canvas.text_fit(word, style, box, ui::type::small);
        CHECK(rect.w <= box.w);
        REQUIRE(log.items.size() == 1);
        auto shown = log.items[0].text;  // its first 40 bytes, in whole characters
        if (shown.ends_with("\u2026")) shown.resize(shown.size() - 3);
        CHECK(shown.size() < word.size());
        REQUIRE(shown.size() % 2 == 0);
        for (std::size_t i = 0; i < shown.size(); i += 2) CHECK(shown.substr(i, 2) == "é");
    }
    SECTION("the same text again is measured once: the second frame draws the same") {
        const auto first = canvas.text_fit("Een regel die niet past in een smal vak op een klein scherm", style, box, ui::type::small);
        canvas.next_frame();
        const auto second = canvas.text_fit("Een regel die niet past in een smal vak op een klein scherm", style, box, ui::type::small);
        CHECK(first.w == second.w);
        CHECK(first.h == second.h);
    }
}
