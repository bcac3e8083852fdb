#include <catch2/catch.hpp>

#include <set>

#include "kiosk/ui/theme.hpp"
#include "scenes/scene_catalog.hpp"
#include "scenes/widgets.hpp"
#include "tests/screen_fixture.hpp"
#include "tests/temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using testing::Screen;
using testing::count_pixels;
using testing::rgb;

namespace {

const std::vector<std::pair<int, int>> k_sizes{{1280, 720}, {1920, 1080}, {3840, 2160}, {1920, 1200}};


// Share of pixels that differ from the background, sampled on a grid.
double drawn_share(const Screen& screen) {
    int drawn = 0, total = 0;
    for (int y = 0; y < screen.surface->h; y += 7)
        for (int x = 0; x < screen.surface->w; x += 7, ++total)
            if (screen.pixel(x, y) != rgb(ui::theme::background)) ++drawn;
    return static_cast<double>(drawn) / total;
}


bool same_pixels(const Screen& a, const Screen& b) {
    for (int y = 0; y < a.surface->h; ++y)
        for (int x = 0; x < a.surface->w; ++x)
            if (a.pixel(x, y) != b.pixel(x, y)) return false;
    return true;
}

SDL_Rect timer_area(const Screen& screen) {
    return scenes::timer_panel_area(*screen.canvas, scenes::make_grid(*screen.canvas, 50));
}

}  // namespace

TEST_CASE("Every scene renders at 720p, 1080p, 4K and 16:10 with a readable QR code for the phones") {
    testing::TempDir temp;
    const auto names = scenes::scene_names(*testing::shipped_config().content);
    REQUIRE(names.size() == 20);
    for (const auto& [width, height] : k_sizes) {
        for (const auto& name : names) {
            // The coffee corner's panels have their own tests (coffee_scene_tests.cpp).
            if (scenes::coffee_panel_named(name) || scenes::is_coffee_night(name)) continue;
            INFO(name << " at " << width << "x" << height);
            Screen screen{width, height};
            screen.go_to(name);
            screen.draw();
            const double share = drawn_share(screen);
            CHECK(share > 0.05);  // not blank
            CHECK(share < 0.95);  // not one colour all over
            const auto png = screen.save(temp.path() / (name + "-" + std::to_string(width) + ".png"));
            // With a session open the QR carries its join token; the wrap-up's, the outcome's download
            // page; the idle screen (the coffee corner) has no answer link before the kiosk set a week.
            const std::string url = "http://127.0.0.1:18080";
            const auto& token = screen.view().join_token;
            CHECK(testing::decode_qr(png) == (name == "idle" ? "" : url + (name == "wrapup" ? "/x/" : "/j/") + token));
            if (name != "idle") CHECK(screen.view().join_token == "sample1000001");
        }
    }
}

TEST_CASE("The countdown changes between two renders a minute apart, and only the timer panel does") {
    Screen before{1920, 1080}, after{1920, 1080};
    for (auto* screen : {&before, &after}) screen->go_to("probleemstelling");
    after.wait(1min);
    before.draw();
    after.draw();
    const auto timer = timer_area(before);
    int differing_inside = 0, differing_outside = 0;
    for (int y = 0; y < 1080; ++y)
        for (int x = 0; x < 1920; ++x) {
            if (before.pixel(x, y) == after.pixel(x, y)) continue;
            const bool inside = x >= timer.x && x < timer.x + timer.w && y >= timer.y && y < timer.y + timer.h;
            ++(inside ? differing_inside : differing_outside);
        }
    CHECK(differing_inside > 1000);
    CHECK(differing_outside == 0);
}

TEST_CASE("Redrawing only the ticking countdown gives the same picture as a full redraw") {
    for (const auto& [width, height] : k_sizes) {
        INFO(width << "x" << height);
        Screen partial{width, height}, full{width, height};
        for (auto* screen : {&partial, &full}) screen->go_to("analyse");
        partial.draw();
        for (auto* screen : {&partial, &full}) screen->wait(11min + 1s);  // into the warning minute
        const auto area = partial.draw_ticking();
        full.draw();
        CHECK(area.w > 0);
        CHECK(same_pixels(partial, full));
    }
}

TEST_CASE("The timer turns amber in the last minute and blue-grey with a label when paused") {
    Screen screen{1920, 1080};
    screen.go_to("brainstorm");
    screen.draw();
    const auto timer = timer_area(screen);
    CHECK(count_pixels(screen, timer, ui::theme::text) > 2000);
    CHECK(count_pixels(screen, timer, ui::theme::warning) == 0);

    screen.wait(14min + 1s);
    screen.draw();
    CHECK(count_pixels(screen, timer, ui::theme::warning) > 2000);

    screen.press(EventKind::TogglePause);
    screen.draw();
    CHECK(count_pixels(screen, timer, ui::theme::warning) == 0);
    CHECK(count_pixels(screen, timer, ui::theme::paused) > 2000);
}

TEST_CASE("A scene that only changes with the View asks for no wake-ups, a running countdown for the next second") {
    Screen screen{1280, 720};
    screen.go_to("lobby");
    CHECK_FALSE(scenes::scene_for(screen.view()).until_change(screen.frame()));
    screen.press(EventKind::Start);
    screen.wait(250ms);
    CHECK(scenes::scene_for(screen.view()).until_change(screen.frame()) == 750ms);
    screen.press(EventKind::TogglePause);
    CHECK_FALSE(scenes::scene_for(screen.view()).until_change(screen.frame()));
}

TEST_CASE("Countdowns round up so the display reaches 0:00 exactly when time runs out") {
    CHECK(scenes::format_countdown(12min) == "12:00");
    CHECK(scenes::format_countdown(59s + 1ms) == "1:00");
    CHECK(scenes::format_countdown(1ms) == "0:01");
    CHECK(scenes::format_countdown(0ms) == "0:00");
    CHECK(scenes::format_countdown(90min) == "90:00");
}

TEST_CASE("The stage screen is readable: OCR finds the title, the stage number and the time") {
    testing::TempDir temp;
    Screen screen{1920, 1080};
    screen.go_to("probleemstelling");
    screen.draw();
    const auto text = screen.read_text({0, 0, 1300, 1080}, 1.0, temp.path() / "main.png");
    CHECK_THAT(text, Catch::Contains("Probleemstelling"));
    CHECK_THAT(text, Catch::Contains("Fase 2 van 5"));
    CHECK_THAT(text, Catch::Contains("Hoe kunnen we"));
    CHECK_THAT(text, Catch::Contains("verdeel daarna 3 stippen"));
    // The countdown is drawn far larger than OCR likes: read it scaled down.
    CHECK_THAT(screen.read_text(timer_area(screen), 0.3, temp.path() / "timer.png"), Catch::Contains("8:00"));
}

TEST_CASE("The help overlay lists the key bindings over the scene") {
    testing::TempDir temp;
    Screen screen{1920, 1080};
    screen.go_to("analyse");
    screen.draw();
    const double without = drawn_share(screen);
    const std::vector<scenes::HelpRow> rows{{"PageDown", "Volgende fase"}, {"Ctrl+Alt+Q", "Afsluiten"}};
    const auto frame = screen.frame();
    scenes::draw_frame(*screen.canvas, {frame.view, frame.strings, frame.room, frame.now, frame.wall, frame.local, true, &rows});
    CHECK(drawn_share(screen) > without);  // the dimmed scene is no longer background colour
    // Read the panel only: given the dimmed page around it, tesseract finds no text at all.
    const auto text = screen.read_text({300, 330, 1320, 420}, 1.0, temp.path() / "help.png");
    CHECK_THAT(text, Catch::Contains("Bediening"));
    CHECK_THAT(text, Catch::Contains("Volgende fase"));
    CHECK_THAT(text, Catch::Contains("Afsluiten"));
}

// The countdown's text is drawn without the texture cache (Canvas::text_once): at 4K one
// second's text is about 1.9 MB, so caching each would fill the cache's 132 MB budget in about
// a minute and push out what the scene reuses. Ten minutes keep it at a few textures.
TEST_CASE("Ten minutes of countdown at 4K leave the texture cache at a few textures") {
    Screen screen{3840, 2160};
    screen.go_to("analyse");
    std::size_t most = 0;
    for (int second = 1; second <= 600; ++second) {
        screen.wait(1s);
        if (screen.view().phase != Phase::Step) screen.go_to("analyse");
        screen.draw_ticking();
        most = std::max(most, screen.canvas->cache().bytes());
    }
    CHECK(screen.canvas->cache().budget() == 4u * 3840u * 2160u * 4u);
    CHECK(most < screen.canvas->cache().budget() / 8);
    screen.draw();  // still draws correctly
    CHECK(drawn_share(screen) > 0.05);
}

TEST_CASE("A font dropped into fonts/ wins over the system fonts, a Bold file is used for headings") {
    testing::TempDir temp;
    const auto dejavu = std::filesystem::path{"/usr/share/fonts/truetype/dejavu"};
    std::filesystem::copy_file(dejavu / "DejaVuSans.ttf", temp.path() / "DejaVuSans.ttf");
    std::filesystem::copy_file(dejavu / "DejaVuSans-Bold.ttf", temp.path() / "DejaVuSans-Bold.ttf");
    const auto fonts = ui::locate_fonts(temp.path());
    CHECK(fonts.regular == temp.path() / "DejaVuSans.ttf");
    CHECK(fonts.bold == temp.path() / "DejaVuSans-Bold.ttf");
    CHECK(fonts.family == "fonts/DejaVuSans.ttf");

    const auto system = ui::locate_fonts(temp.path() / "empty");
    CHECK(system.family == "Inter");
    CHECK(system.bold.filename() == "Inter-Bold.otf");
}
