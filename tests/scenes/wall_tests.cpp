// The wall of notes, the vote and the result on the big screen, rendered headlessly and read
// back with OCR and pixel counts.
#include <catch2/catch.hpp>

#include "kiosk/ui/theme.hpp"
#include "scenes/markdown_text.hpp"
#include "scenes/note_wall.hpp"
#include "scenes/widgets.hpp"
#include "tests/screen_fixture.hpp"
#include "tests/temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using testing::Screen;
using testing::count_pixels;
using testing::rgb;

namespace {



// The rows of `area` that hold pixels of exactly `color`, with a margin: where a label is.
SDL_Rect rows_of(const Screen& screen, const SDL_Rect& area, ui::Color color) {
    int top = -1, bottom = -1;
    for (int y = area.y; y < area.y + area.h; ++y)
        for (int x = area.x; x < area.x + area.w; ++x)
            if (screen.pixel(x, y) == rgb(color)) {
                if (top < 0) top = y;
                bottom = y;
                break;
            }
    const int margin = screen.canvas->u(1);
    return {area.x, top - margin, area.w, bottom - top + 2 * margin};
}

// The wall's column: the main column between the title block and the phone band.
SDL_Rect wall_column(const Screen& screen) {
    const auto grid = scenes::make_grid(*screen.canvas, 50);
    return {grid.main.x, screen.canvas->u(34), grid.main.w, scenes::phone_band_top(*screen.canvas) - screen.canvas->u(34)};
}

std::vector<std::string> numbered(int count) {
    std::vector<std::string> texts;
    for (int i = 1; i <= count; ++i) texts.push_back("Feit nummer " + std::to_string(1000 + i) + " over de overdracht");
    return texts;
}

}  // namespace

TEST_CASE("One note on the wall is drawn large enough to read from the back of the room") {
    testing::TempDir temp;
    Screen screen{1920, 1080};
    screen.go_to("analyse");
    REQUIRE(screen.harness.add_notes(1, {"De klant belde drie keer over dezelfde vraag"}, 1) == 1);
    screen.wait(1s);
    screen.draw();
    const auto text = screen.read_text(wall_column(screen), 1.0, temp.path() / "wall.png");
    CHECK_THAT(text, Catch::Contains("De klant belde drie keer"));
    // The largest wall size: 3.4 units, 36 px capitals at 1080p. Count the card's rows of text
    // by the text colour in the card: a line of large type has many such pixels.
    CHECK(count_pixels(screen, wall_column(screen), ui::theme::text) > 3000);
}

TEST_CASE("Two hundred notes: the newest stay on the wall and a count says how many more") {
    testing::TempDir temp;
    Screen screen{1920, 1080};
    screen.go_to("analyse");
    REQUIRE(screen.harness.add_notes(200, numbered(200), 70) == 200);
    screen.wait(1s);
    screen.draw();
    const auto column = wall_column(screen);
    const auto text = screen.read_text(column, 1.5, temp.path() / "wall.png");
    CHECK_THAT(text, Catch::Contains("1200"));        // the newest note
    CHECK_THAT(text, !Catch::Contains("1001 "));      // the oldest is off the wall
    CHECK_THAT(text, Catch::Matches(R"((.|\n)*\+1[0-9]{2} meer(.|\n)*)"));
    // Nothing spills over the phone band below the wall.
    const SDL_Rect band{column.x, scenes::phone_band_top(*screen.canvas), column.w, screen.canvas->u(13)};
    CHECK(count_pixels(screen, band, ui::theme::panel_light) == 0);
}

TEST_CASE("The wall's type shrinks as notes come in, and stays readable") {
    Screen few{1920, 1080}, many{1920, 1080};
    for (auto* screen : {&few, &many}) screen->go_to("analyse");
    few.harness.add_notes(3, numbered(3), 3);
    many.harness.add_notes(12, numbered(12), 4);  // all still on the wall, at a smaller size
    for (auto* screen : {&few, &many}) {
        screen->wait(1s);
        screen->draw();
    }
    // Same texts, smaller type: fewer text-coloured pixels per note.
    const auto per_note = [](const Screen& s, int notes) {
        return count_pixels(s, wall_column(s), ui::theme::text) / notes;
    };
    CHECK(per_note(many, 12) < per_note(few, 3));
    CHECK(per_note(many, 12) > per_note(few, 3) / 4);  // not shrunk to dust
}

TEST_CASE("A new note fades in over half a second, and the screen asks for frames meanwhile") {
    Screen fresh{1920, 1080}, settled{1920, 1080};
    for (auto* screen : {&fresh, &settled}) {
        screen->go_to("analyse");
        screen->harness.add_notes(1, {"Nieuw feit"}, 1);
    }
    settled.wait(1s);
    fresh.wait(100ms);
    fresh.draw();
    settled.draw();
    CHECK(count_pixels(fresh, wall_column(fresh), ui::theme::panel_light) == 0);  // still blended
    CHECK(count_pixels(settled, wall_column(settled), ui::theme::panel_light) > 1000);
    CHECK(scenes::scene_for(fresh.view()).until_change(fresh.frame()) <= 33ms);
    CHECK(scenes::scene_for(settled.view()).until_change(settled.frame()) > 33ms);
}

TEST_CASE("While voting the screen says how many voted but shows no dots, the result ranks them") {
    testing::TempDir temp;
    Screen screen{1920, 1080};
    screen.go_to("brainstorm");
    screen.harness.add_notes(6, {"Een gedeeld bord", "Vaste terugbeltijden", "Dagelijks afstemmen"}, 3);
    screen.press(EventKind::Next);
    REQUIRE(screen.view().part() == Part::Vote);
    REQUIRE(screen.harness.add_votes() == 3);
    screen.draw();
    // The label line above the wall, small and amber: OCR reads it best enlarged.
    const auto column = wall_column(screen);
    const auto label = rows_of(screen, {column.x, column.y, column.w, screen.canvas->u(8)}, ui::theme::warning);
    CHECK_THAT(screen.read_text(label, 1.0, temp.path() / "label.png"), Catch::Contains("3 van 3 hebben gestemd"));
    const auto during = screen.read_text(column, 1.0, temp.path() / "vote.png");
    CHECK_THAT(during, Catch::Contains("Een gedeeld bord"));
    CHECK_THAT(during, !Catch::Contains("stippen\n"));

    screen.press(EventKind::Next);
    REQUIRE(screen.view().part() == Part::Results);
    screen.harness.settle_tie();  // the sample votes may tie at a deciding place
    REQUIRE(screen.view().open_choice() == nullptr);
    screen.draw();
    const auto heading = rows_of(screen, {column.x, column.y, column.w, screen.canvas->u(8)}, ui::theme::accent);
    CHECK_THAT(screen.read_text(heading, 1.0, temp.path() / "result-label.png"), Catch::Contains("Uitslag van de stemming"));
    const auto result = screen.read_text(wall_column(screen), 1.0, temp.path() / "result.png");
    const auto ranking = screen.view().ranking(screen.view().step);
    REQUIRE_FALSE(ranking.empty());
    CHECK_THAT(result, Catch::Contains("1. " + screen.view().note(ranking[0].note)->text));
    CHECK_THAT(result, Catch::Contains(std::to_string(ranking[0].dots) + " stippen"));
}

TEST_CASE("The host code shows its own QR over the scene while it is valid") {
    testing::TempDir temp;
    Screen screen{1920, 1080};
    screen.go_to("analyse");
    screen.press(EventKind::OfferHost);
    screen.draw();
    const auto png = screen.save(temp.path() / "host.png");
    const auto token = screen.view().join_token;  // copied: the next change replaces the View
    CHECK(testing::decode_qr(png) == "http://127.0.0.1:18080/j/" + token + "?host=" + screen.view().host_offer->code);
    screen.wait(61s);
    screen.draw();
    CHECK(testing::decode_qr(screen.save(temp.path() / "after.png")) == "http://127.0.0.1:18080/j/" + token);
}

TEST_CASE("The idle screen and the lobby show what the last session chose") {
    testing::TempDir temp;
    for (const char* scene : {"idle", "lobby"}) {
        Screen screen{1920, 1080};
        screen.go_to("probleemstelling");
        screen.harness.add_notes(2, {"Hoe kunnen we terugbellen zichtbaar maken?", "Hoe kunnen we korter overdragen?"}, 2);
        screen.press(EventKind::Next);
        screen.harness.add_votes();
        while (screen.view().phase != Phase::WrapUp) screen.press(EventKind::Next);
        screen.press(EventKind::Start);  // closed: idle
        if (std::string{scene} == "lobby") screen.press(EventKind::Start);
        screen.draw();
        const auto text = screen.read_text({0, 0, screen.canvas->u(170), 1080}, 1.0, temp.path() / "screen.png");
        CHECK_THAT(text, Catch::Contains("Vorige keer: Hoe kunnen we"));
    }
}

TEST_CASE("Markdown nested deeper than the layout follows is read as plain text, without recursion") {
    // 20 000 quote markers, list markers and emphasis in a paste: the text is all still there.
    const auto deep_quote = std::string(20000, '>') + " diep citaat";
    auto blocks = kiosk::scenes::parse_markdown(deep_quote);
    std::string text;
    for (const auto& block : blocks)
        for (const auto& run : block.runs) text += run.text;
    CHECK(text.find("diep citaat") != std::string::npos);
    std::string deep_list;
    for (int i = 0; i < 2000; ++i) deep_list += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- punt" + std::to_string(i) + "\n";
    blocks = kiosk::scenes::parse_markdown(deep_list);
    int deepest = 0;
    text.clear();
    for (const auto& block : blocks) {
        deepest = std::max(deepest, block.level);
        for (const auto& run : block.runs) text += run.text;
    }
    CHECK(deepest <= 13);
    CHECK(text.find("punt1999") != std::string::npos);
    const auto deep_emphasis = std::string(20000, '*') + "nadruk" + std::string(20000, '*');
    blocks = kiosk::scenes::parse_markdown(deep_emphasis);
    text.clear();
    for (const auto& block : blocks)
        for (const auto& run : block.runs) text += run.text;
    CHECK(text.find("nadruk") != std::string::npos);
}
