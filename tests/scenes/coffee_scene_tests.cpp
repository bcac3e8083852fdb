// The coffee corner between sessions: which panels it shows and when (on a fake wall clock),
// the words on them, and each panel rendered headlessly at 720p and 4K; the night all black.
#include <catch2/catch.hpp>

#include <array>
#include <map>
#include <regex>
#include <optional>
#include <set>
#include <tuple>

#include "kiosk/ui/crossfade.hpp"
#include "scenes/coffee_panels.hpp"
#include "scenes/coffee_scene.hpp"
#include "scenes/coffee_texts.hpp"
#include "scenes/widgets.hpp"
#include "tests/screen_fixture.hpp"
#include "tests/temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono;
using namespace std::chrono_literals;
using scenes::CoffeePanel;
using testing::Screen;

namespace {

// Monday, Tuesday, Thursday and Friday 09:00-10:00, as in the shipped kiosk.json.
const std::vector<Slot> k_slots{{0, 540, 600, ""}, {1, 540, 600, ""}, {3, 540, 600, ""}, {4, 540, 600, ""}};

WallTime at(year_month_day date, int hour, int minute, int second = 0) {
    return sys_days{date} + hours{hour} + minutes{minute} + seconds{second};
}

// 2024-10-04 00:00 UTC, a Friday in ISO week 40: 1 728 000 000 s after the epoch, a whole
// number of 80 s (four panels of 20 s) turns, so the Question panel starts exactly here.
const WallTime k_friday = at(2024y / October / 4, 0, 0);

// The room's local time, taken as UTC: the tests need no time zone.
LocalMoment local_of(WallTime wall) {
    const auto midnight = std::chrono::floor<days>(wall);
    return {year_month_day{midnight}, static_cast<int>(duration_cast<minutes>(wall - midnight).count())};
}

// A View built by hand (View is plain data), a room and a moment: one Frame of the corner.
struct Corner {
    View view;
    scenes::Room room;
    WallTime wall{};
    LocalMoment local{};
    std::optional<CoffeePanel> forced;
    bool night = false;
    int held = 0;

    explicit Corner(WallTime moment = k_friday) {
        view.content = testing::shipped_config().content;
        room.name = "Leerruimte Test";
        room.phone_url = "http://127.0.0.1:18080";
        set_time(moment);
    }
    void set_time(WallTime moment) {
        wall = moment;
        local = local_of(moment);
    }
    scenes::Frame frame() const {
        scenes::Frame out{view, testing::shipped_config().strings, room, Millis{1'000'000}, wall, local};
        out.coffee_panel = forced;
        out.night = night;
        out.held_this_week = held;
        return out;
    }
    void answer(const std::string& text, bool waiting = false, bool hidden = false) {
        CoffeeAnswer given;
        given.id = view.coffee.next_id++;
        given.key = "phone-" + std::to_string(given.id);
        given.text = text;
        given.order = view.coffee.next_order++;
        given.waiting = waiting;
        given.hidden = hidden;
        view.coffee.answers.push_back(given);
    }
    void decision(const std::string& statement, const std::string& situation, const std::string& review,
                  int review_date, const std::string& owner = "", const std::string& step = "") {
        Decision made;
        made.id = "session-" + std::to_string(view.reviews.size() + 1);
        made.kind = DecisionKind::Do;
        made.statement = statement;
        made.situation = situation;
        made.owner = owner;
        made.first_step = step;
        made.review_date = review_date;
        made.review = review;
        view.reviews.push_back(made);
    }
    // Something on every panel: answers, an open and a running decision, slots, the week's link.
    void fill() {
        answer("Een collega die mijn dienst overnam toen mijn zoon ziek was.");
        answer("De nieuwe planning werkte meteen.");
        decision("Hoe kunnen we sneller terugbellen?", "De balie", "", 20241001, "Sanne", "Een lijst maken");
        decision("", "De overdracht van 8:30", "running", 20241018);
        room.slots = k_slots;
        view.coffee.token = "k7f3a9c2e1d04b6f8a5c3e2d1f0a9b8c";
        view.coffee.code = "123456";
    }
};

scenes::CoffeeRotation rotation(const Corner& corner) { return scenes::coffee_rotation(corner.frame()); }

// The {names} a string uses.
std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> names;
    const std::regex mark{R"(\{([A-Za-z0-9_]+)\})"};
    for (std::sregex_iterator it{text.begin(), text.end(), mark}, end; it != end; ++it) names.insert((*it)[1].str());
    return names;
}

const std::vector<std::pair<int, int>> k_sizes{{1280, 720}, {3840, 2160}};

}  // namespace

// ---- which panels, and when ----------------------------------------------------------------

TEST_CASE("With nothing else to show the coffee corner asks its question, and nothing rotates") {
    Corner corner;
    CHECK(scenes::coffee_panels(corner.frame()) == std::vector<CoffeePanel>{CoffeePanel::Question});
    for (const auto later : {0s, 7s, 20s, 45s, 3600s}) {
        corner.set_time(k_friday + later);
        CHECK(rotation(corner).panel == CoffeePanel::Question);
        CHECK_FALSE(rotation(corner).until_next);
    }
}

TEST_CASE("A panel joins the rotation only when it has something to show") {
    Corner corner;
    corner.answer("Wacht op de moderator", true);
    corner.answer("Verborgen door de moderator", false, true);
    corner.decision("Afgerond besluit", "", "done", 20240901);
    corner.decision("Geparkeerd besluit", "", "dropped", 20240901);
    CHECK(scenes::coffee_panels(corner.frame()) == std::vector<CoffeePanel>{CoffeePanel::Question});

    corner.answer("Dit staat op het scherm");
    CHECK(scenes::coffee_panels(corner.frame()) == std::vector<CoffeePanel>{CoffeePanel::Question, CoffeePanel::Answers});

    corner.decision("Loopt nog", "", "running", 20241101);
    corner.room.slots = k_slots;
    CHECK(scenes::coffee_panels(corner.frame()) ==
          std::vector<CoffeePanel>{CoffeePanel::Question, CoffeePanel::Answers, CoffeePanel::Decisions, CoffeePanel::Next});

    Corner open_only;
    open_only.decision("Nog niet besproken", "", "", 20241101);
    CHECK(scenes::coffee_panels(open_only.frame()) == std::vector<CoffeePanel>{CoffeePanel::Question, CoffeePanel::Decisions});
}

TEST_CASE("The wall clock turns the panels every rotate_seconds, in order, and says when the next turn is") {
    Corner corner;
    corner.fill();
    const std::vector<std::tuple<Millis, CoffeePanel, Millis>> expected{
        {0s, CoffeePanel::Question, 20s},   {5s, CoffeePanel::Question, 15s},   {20s, CoffeePanel::Answers, 20s},
        {45s, CoffeePanel::Decisions, 15s}, {60s, CoffeePanel::Next, 20s},      {79'500ms, CoffeePanel::Next, 500ms},
        {80s, CoffeePanel::Question, 20s},  {101s, CoffeePanel::Answers, 19s}};
    for (const auto& [later, panel, next] : expected) {
        INFO(later.count() << " ms after the start");
        corner.set_time(k_friday + later);
        CHECK(rotation(corner).panel == panel);
        CHECK(rotation(corner).until_next == next);
    }

    // A slower room: 1 728 000 000 s is also a whole number of 4 x 30 s.
    corner.room.rotate_seconds = 30;
    corner.set_time(k_friday + 29s);
    CHECK(rotation(corner).panel == CoffeePanel::Question);
    CHECK(rotation(corner).until_next == 1s);
    corner.set_time(k_friday + 30s);
    CHECK(rotation(corner).panel == CoffeePanel::Answers);
    CHECK(rotation(corner).until_next == 30s);
}

TEST_CASE("Two panels alternate, and a panel that appears joins at the next computation") {
    Corner corner;
    corner.room.slots = k_slots;
    corner.set_time(k_friday + 20s);  // slot 86 400 001: odd
    CHECK(rotation(corner).panel == CoffeePanel::Next);
    corner.set_time(k_friday + 40s);
    CHECK(rotation(corner).panel == CoffeePanel::Question);
    corner.answer("Eerste antwoord");  // three panels now: 86 400 002 % 3 = 2
    CHECK(rotation(corner).panel == CoffeePanel::Next);
}

TEST_CASE("The rotation runs on across a year end as on any other minute") {
    Corner corner;
    corner.fill();
    const WallTime new_year = sys_days{2026y / January / 1};  // 20 454 days: a whole number of 80 s turns
    corner.set_time(new_year - 10s);
    CHECK(corner.local.date == 2025y / December / 31);
    CHECK(rotation(corner).panel == CoffeePanel::Next);
    CHECK(rotation(corner).until_next == 10s);
    corner.set_time(new_year + 10s);
    CHECK(corner.local.date == 2026y / January / 1);
    CHECK(rotation(corner).panel == CoffeePanel::Question);
    CHECK(rotation(corner).until_next == 10s);
    corner.set_time(new_year + 30s);
    CHECK(rotation(corner).panel == CoffeePanel::Answers);
}

TEST_CASE("A panel forced for a screenshot stays, whatever the clock says, and does not rotate") {
    Corner corner;
    corner.fill();
    corner.forced = CoffeePanel::Decisions;
    for (const auto later : {0s, 20s, 40s, 60s}) {
        corner.set_time(k_friday + later);
        CHECK(rotation(corner).panel == CoffeePanel::Decisions);
        CHECK_FALSE(rotation(corner).until_next);
    }
    Corner empty;
    empty.forced = CoffeePanel::Answers;  // even with nothing to show: the screenshot asked for it
    CHECK(rotation(empty).panel == CoffeePanel::Answers);
}

TEST_CASE("The screen wakes at the clock's next minute or the next turn, whichever comes first") {
    const scenes::CoffeeScene scene;
    Corner corner;
    corner.fill();
    corner.set_time(k_friday + 61s);  // the next turn at 80 s, the next minute at 120 s
    CHECK(scene.until_change(corner.frame()) == 19s);
    corner.set_time(k_friday + 79'250ms);
    CHECK(scene.until_change(corner.frame()) == 750ms);
    corner.room.rotate_seconds = 45;  // turns at 45 s and 90 s: the minute at 60 s comes first
    corner.set_time(k_friday + 50s);
    CHECK(scene.until_change(corner.frame()) == 10s);
    corner.room.rotate_seconds = 20;

    Corner alone;  // one panel: only the clock
    alone.set_time(k_friday + 61s);
    CHECK(scene.until_change(alone.frame()) == 59s);
    corner.night = true;  // black, but still asked each minute whether the night is over
    corner.set_time(k_friday + 61s);
    CHECK(scene.until_change(corner.frame()) == 59s);
}

TEST_CASE("The coffee corner's looks have names, reached while the engine stays idle") {
    const auto names = scenes::scene_names(*testing::shipped_config().content);
    REQUIRE(names.size() > 7);
    CHECK(std::vector<std::string>(names.begin(), names.begin() + 7) ==
          std::vector<std::string>{"idle", "coffee-question", "coffee-answers", "coffee-decisions", "coffee-next",
                                   "coffee-night", "lobby"});
    for (const auto panel : scenes::k_coffee_panels) CHECK(scenes::coffee_panel_named(scenes::coffee_panel_name(panel)) == panel);
    CHECK_FALSE(scenes::coffee_panel_named("coffee-night"));
    CHECK_FALSE(scenes::coffee_panel_named("lobby"));
    CHECK(scenes::is_coffee_night("coffee-night"));
    CHECK_FALSE(scenes::is_coffee_night("idle"));
    for (const char* name : {"coffee-question", "coffee-answers", "coffee-decisions", "coffee-next", "coffee-night"}) {
        INFO(name);
        Screen screen{1280, 720};
        CHECK(screen.harness.go_to(name));
        CHECK(screen.view().phase == Phase::Idle);
        CHECK(screen.view().session_number == 0);  // no Next or Start was pressed
    }
}

// ---- the question and its link -------------------------------------------------------------

TEST_CASE("The group's question comes first only when the room wants it, and only in its own week") {
    Corner corner;  // 2024-10-04: ISO week 2024-W40
    const auto rotating = scenes::question_of_the_week(*corner.view.content, corner.local);
    corner.view.coffee.group_questions = {{202441, "Vraag voor volgende week"}};
    CHECK(scenes::coffee_question(corner.frame()) == rotating);
    corner.view.coffee.group_questions.push_back({202440, "Wat gaf jou deze week energie?"});
    CHECK(scenes::coffee_question(corner.frame()) == "Wat gaf jou deze week energie?");
    corner.room.group_question_first = false;  // coffee.question_source "rotation"
    CHECK(scenes::coffee_question(corner.frame()) == rotating);

    // Monday 2024-12-30 is in ISO week 1 of 2025, not in a week of 2024.
    Corner new_year{at(2024y / December / 30, 12, 0)};
    new_year.view.coffee.group_questions = {{202453, "Oude vraag"}, {202501, "Vraag voor het nieuwe jaar"}};
    CHECK(scenes::coffee_question(new_year.frame()) == "Vraag voor het nieuwe jaar");
}

TEST_CASE("The answer link carries the week's token, without a token there is none") {
    Corner corner;
    CHECK(scenes::coffee_url(corner.frame()).empty());
    corner.view.coffee.token = "k7f3";
    CHECK(scenes::coffee_url(corner.frame()) == "http://127.0.0.1:18080/k/k7f3");
    CHECK(scenes::coffee_code_hint(corner.frame()) == "127.0.0.1:18080/k/k7f3");  // no code: the link to type
    corner.view.coffee.code = "123456";
    CHECK(scenes::coffee_code_hint(corner.frame()) == "of typ code 123 456 op 127.0.0.1:18080/c");
    CHECK(scenes::spaced_code("123456") == "123 456");
    CHECK(scenes::spaced_code("12345") == "12345");
}

// ---- the words -----------------------------------------------------------------------------

TEST_CASE("A placeholder the screen does not fill leaves no braces behind, and typed braces stay") {
    const Strings strings{{{"line", "Nu {a} en {b} klaar"}, {"edge", "{gone} begin"}}};
    CHECK(scenes::fill_text(strings, "line", {{"a", "1"}}) == "Nu 1 en klaar");
    CHECK(scenes::fill_text(strings, "line", {{"a", "{b}"}, {"b", "2"}}) == "Nu {b} en 2 klaar");
    CHECK(scenes::fill_text(strings, "edge") == "begin");
}

TEST_CASE("Every coffee-corner text exists in Dutch and English and uses only the placeholders the screen fills") {
    const std::map<std::string, std::set<std::string>> filled{
        {"coffee_code_hint", {"code", "url"}},        {"coffee_answers_label", {"question"}},
        {"coffee_owner", {"owner"}},                  {"coffee_first_step", {"step"}},
        {"coffee_review", {"date"}},                  {"coffee_next_when", {"day", "start"}},
        {"coffee_next_soon", {"day", "start", "countdown"}}, {"coffee_in_minutes", {"minutes"}},
        {"coffee_in_hours", {"hours"}},               {"coffee_in_hours_minutes", {"hours", "minutes"}},
        {"coffee_slot_running", {"start", "end"}},    {"coffee_week_sessions", {"held", "coming"}}};
    static const Config english = load_config(std::filesystem::path{KIOSK_SOURCE_DIR} / "config", "en");
    int keys = 0;
    for (const auto& key : Strings::required_keys()) {
        if (key.rfind("coffee_", 0) != 0) continue;
        ++keys;
        const auto allowed = filled.count(key) ? filled.at(key) : std::set<std::string>{};
        for (const auto* strings : {&testing::shipped_config().strings, &english.strings}) {
            INFO(key << ": " << strings->text(key));
            CHECK(strings->text(key) != key);
            CHECK(placeholders(strings->text(key)) == allowed);
        }
    }
    CHECK(keys == 21);
}

TEST_CASE("Open decisions read as cards, newest first: the statement, the owner, the review date, late ones marked") {
    Corner corner;  // today 2024-10-04
    corner.decision("Hoe kunnen we sneller terugbellen?", "De balie", "", 20241001, "Sanne", "Een lijst maken");
    corner.decision("", "De overdracht van 8:30", "running", 20241004);
    corner.decision("Afgerond", "", "done", 20240901);
    corner.decision("Zonder datum", "", "", 0);
    const auto cards = scenes::decision_cards(corner.frame());
    REQUIRE(cards.size() == 3);
    CHECK(cards[0].what == "Zonder datum");
    CHECK(cards[0].review.empty());
    CHECK(cards[0].people == "Eigenaar: nog niemand");
    CHECK(cards[1].what == "De overdracht van 8:30");  // no statement: the situation
    CHECK(cards[1].status == "loopt");
    CHECK(cards[1].running);
    CHECK_FALSE(cards[1].overdue);  // due today is not late yet
    CHECK(cards[1].review == "Terugkijken: vr 4 oktober");
    CHECK(cards[2].what == "Hoe kunnen we sneller terugbellen?");
    CHECK(cards[2].people == "Eigenaar: Sanne · Eerste stap: Een lijst maken");
    CHECK(cards[2].status == "nog open");
    CHECK(cards[2].overdue);
    CHECK(cards[2].review == "Terugkijken: di 1 oktober · te laat");
}

TEST_CASE("The next session: a countdown today, tomorrow's or a day's name later, and what the week still holds") {
    Corner corner;
    corner.room.slots = k_slots;
    corner.held = 2;
    const auto line_at = [&](WallTime moment) {
        corner.set_time(moment);
        return scenes::next_session_line(corner.frame());
    };
    CHECK(line_at(at(2024y / October / 3, 8, 35)) == "Vandaag 09:00 — over 25 min");  // a Thursday
    CHECK(scenes::week_sessions_line(corner.frame()) == "Deze week: 2 gehouden, 2 te gaan");
    CHECK(line_at(at(2024y / October / 3, 6, 55)) == "Vandaag 09:00 — over 2 uur 5 min");
    CHECK(line_at(at(2024y / October / 3, 7, 0)) == "Vandaag 09:00 — over 2 uur");
    CHECK(line_at(at(2024y / October / 3, 9, 30)) == "Nu bezig: 09:00–10:00");
    CHECK(scenes::week_sessions_line(corner.frame()) == "Deze week: 2 gehouden, 1 te gaan");  // Friday's
    CHECK(line_at(at(2024y / October / 2, 12, 0)) == "Morgen 09:00");     // Wednesday
    CHECK(line_at(at(2024y / October / 1, 12, 0)) == "Donderdag 09:00");  // Tuesday after its slot
    CHECK(line_at(at(2024y / October / 4, 11, 0)) == "Maandag 09:00");    // Friday after the last slot
    CHECK(scenes::week_sessions_line(corner.frame()) == "Deze week: 2 gehouden, 0 te gaan");
    corner.room.slots.clear();
    CHECK(scenes::next_session_line(corner.frame()).empty());
}

// ---- drawn ---------------------------------------------------------------------------------

TEST_CASE("Every panel draws at 720p and 4K, and the question's QR opens the week's answer page") {
    testing::TempDir temp;
    Corner corner;
    corner.fill();
    corner.view.last_outcome = "Hoe kunnen we korter overdragen?";
    corner.answer(std::string(270, 'x').replace(0, 30, "Een heel lang antwoord zonder ") + " einde.");
    for (int i = 0; i < 300; ++i) corner.answer("Antwoord " + std::to_string(i) + " over een collega die hielp");
    for (int i = 0; i < 9; ++i)
        corner.decision("Besluit " + std::to_string(i) + " met een uitleg die langer is dan een regel op het scherm", "",
                        i % 2 == 1 ? "running" : "", 20241001 + i, "Teamcoördinator",
                        "Vijf vragen kiezen met de ochtenddienst");
    for (const auto& [width, height] : k_sizes) {
        for (const auto panel : scenes::k_coffee_panels) {
            INFO(scenes::coffee_panel_name(panel) << " at " << width << "x" << height);
            Screen screen{width, height};
            corner.forced = panel;
            CHECK_NOTHROW(scenes::draw_frame(*screen.canvas, corner.frame()));
            const int background = testing::count_pixels(screen, {0, 0, width, height}, ui::theme::background);
            CHECK(background < width * height * 95 / 100);  // something drawn
            CHECK(background > width * height / 10);        // and room around it
            if (panel == CoffeePanel::Question) {
                const auto png = screen.save(temp.path() / ("question-" + std::to_string(width) + ".png"));
                CHECK(testing::decode_qr(png) == "http://127.0.0.1:18080/k/k7f3a9c2e1d04b6f8a5c3e2d1f0a9b8c");
            }
        }
    }
}

TEST_CASE("Each panel also draws with nothing to show") {
    for (const auto& [width, height] : k_sizes) {
        for (const auto panel : scenes::k_coffee_panels) {
            INFO(scenes::coffee_panel_name(panel) << " at " << width << "x" << height);
            Screen screen{width, height};
            Corner corner;
            corner.forced = panel;
            CHECK_NOTHROW(scenes::draw_frame(*screen.canvas, corner.frame()));
        }
    }
}

TEST_CASE("Without the week's token the question stands alone, without a QR") {
    testing::TempDir temp;
    Screen screen{1280, 720};
    Corner corner;
    scenes::draw_frame(*screen.canvas, corner.frame());
    CHECK(testing::decode_qr(screen.save(temp.path() / "no-token.png")).empty());
    CHECK(testing::count_pixels(screen, {0, 0, 1280, 720}, ui::theme::qr_dark) == 0);
}

TEST_CASE("A decision past its review date is marked in the warning colour, one on time is not") {
    Screen screen{1920, 1080};
    Corner late;
    late.forced = CoffeePanel::Decisions;
    late.decision("Hoe kunnen we sneller terugbellen?", "", "", 20241001, "Sanne");
    scenes::draw_frame(*screen.canvas, late.frame());
    CHECK(testing::count_pixels(screen, {0, 0, 1920, 1080}, ui::theme::warning) > 500);

    Corner on_time;
    on_time.forced = CoffeePanel::Decisions;
    on_time.decision("Hoe kunnen we sneller terugbellen?", "", "running", 20241011, "Sanne");
    scenes::draw_frame(*screen.canvas, on_time.frame());
    CHECK(testing::count_pixels(screen, {0, 0, 1920, 1080}, ui::theme::warning) == 0);
}

TEST_CASE("The next-session panel is readable: OCR finds the countdown and the week") {
    testing::TempDir temp;
    Screen screen{1920, 1080};
    Corner corner{at(2024y / October / 3, 8, 35)};
    corner.room.slots = k_slots;
    corner.held = 2;
    corner.forced = CoffeePanel::Next;
    scenes::draw_frame(*screen.canvas, corner.frame());
    const auto text = screen.read_text({0, screen.canvas->u(30), 1920, screen.canvas->u(61)}, 0.6, temp.path() / "next.png");
    CHECK_THAT(text, Catch::Contains("25 min"));
    CHECK_THAT(text, Catch::Contains("2 te gaan"));
}

TEST_CASE("At night the screen is black, every pixel, at every size") {
    for (const auto& [width, height] : k_sizes) {
        INFO(width << "x" << height);
        Screen screen{width, height};
        Corner corner;
        corner.fill();
        corner.night = true;
        scenes::draw_frame(*screen.canvas, corner.frame());
        CHECK(testing::count_pixels(screen, {0, 0, width, height}, ui::Color{0, 0, 0}) == width * height);
    }
}

TEST_CASE("The cross-fade mixes two pictures by weight, with plain copies at its ends") {
    auto from = ui::make_rgb_surface(3, 2);
    auto to = ui::make_rgb_surface(3, 2);
    auto out = ui::make_rgb_surface(3, 2);
    SDL_FillRect(from.get(), nullptr, SDL_MapRGB(from->format, 200, 0, 100));
    SDL_FillRect(to.get(), nullptr, SDL_MapRGB(to->format, 0, 255, 100));
    const auto pixel = [&] {
        Uint8 r = 0, g = 0, b = 0;
        SDL_GetRGB(static_cast<const Uint32*>(out->pixels)[4], out->format, &r, &g, &b);
        return std::array<int, 3>{r, g, b};
    };
    ui::blend_surfaces(*from, *to, *out, 0);
    CHECK(pixel() == std::array<int, 3>{200, 0, 100});
    ui::blend_surfaces(*from, *to, *out, 128);
    CHECK(pixel() == std::array<int, 3>{100, 127, 100});
    ui::blend_surfaces(*from, *to, *out, 256);
    CHECK(pixel() == std::array<int, 3>{0, 255, 100});
    CHECK(ui::fade_weight(0) == 0);
    CHECK(ui::fade_weight(0.5) == 128);
    CHECK(ui::fade_weight(1) == 256);
    CHECK(ui::fade_weight(0.25) < 64);  // eased: slow at the start
}
