// The room's keys and remotes, and the help overlay's rows from the same table.
#include <catch2/catch.hpp>

#include "kiosk/screen/key_map.hpp"

using namespace kiosk;
using namespace kiosk::screen;

TEST_CASE("Presenter remote keys step through the session") {
    CHECK(action_for(SDLK_PAGEDOWN, KMOD_NONE) == Action::Next);
    CHECK(action_for(SDLK_PAGEUP, KMOD_NONE) == Action::Previous);
    CHECK(action_for(SDLK_RIGHT, KMOD_NONE) == Action::Next);
    CHECK(action_for(SDLK_LEFT, KMOD_NONE) == Action::Previous);
    CHECK(action_for(SDLK_b, KMOD_NONE) == Action::TogglePause);
    CHECK(action_for(SDLK_SPACE, KMOD_NONE) == Action::TogglePause);
    CHECK(action_for(SDLK_F5, KMOD_NONE) == Action::Start);
    CHECK(action_for(SDLK_F5, KMOD_LSHIFT) == Action::Start);
    CHECK(action_for(SDLK_RETURN, KMOD_NONE) == Action::Start);
    CHECK(action_for(SDLK_PLUS, KMOD_NONE) == Action::Extend);
    CHECK(action_for(SDLK_e, KMOD_NONE) == Action::Extend);
    CHECK(action_for(SDLK_F1, KMOD_NONE) == Action::ToggleHelp);
    CHECK(action_for(SDLK_SLASH, KMOD_LSHIFT) == Action::ToggleHelp);
    CHECK(action_for(SDLK_SLASH, KMOD_NONE) == Action::None);
}

TEST_CASE("Escape never quits, only Ctrl+Alt+Q does") {
    CHECK(action_for(SDLK_ESCAPE, KMOD_NONE) == Action::CloseHelp);
    CHECK(action_for(SDLK_ESCAPE, KMOD_LSHIFT) == Action::CloseHelp);
    CHECK(action_for(SDLK_q, KMOD_NONE) == Action::None);
    CHECK(action_for(SDLK_q, KMOD_LCTRL) == Action::None);
    CHECK(action_for(SDLK_q, static_cast<Uint16>(KMOD_LCTRL | KMOD_LALT)) == Action::Quit);
    CHECK(action_for(SDLK_F4, KMOD_LALT) == Action::None);
    CHECK(action_for(SDLK_h, 0) == Action::OfferHost);
    // The number keys pick among tied notes: the main row and the keypad alike.
    CHECK(action_for(SDLK_3, 0) == Action::PickTied);
    CHECK(action_for(SDLK_KP_9, 0) == Action::PickTied);
    CHECK(digit_of(SDLK_3) == 3);
    CHECK(digit_of(SDLK_KP_9) == 9);
    CHECK(digit_of(SDLK_0) == 0);
}

TEST_CASE("The help overlay rows come from the same table as the keys, in the room's language") {
    const Strings dutch{{{"key_next", "Volgende fase"}, {"key_extend", "{minutes} minuten erbij"},
                         {"key_space_name", "Spatie"}, {"key_quit", "Afsluiten"}}};
    const auto rows = help_rows(dutch, 3);
    REQUIRE(rows.size() == 17);
    CHECK(rows[1].keys == "PageDown · →");
    CHECK(rows[1].action == "Volgende fase");
    CHECK(rows[3].keys == "Spatie · B");
    CHECK(rows[4].action == "3 minuten erbij");
    CHECK(rows[5].keys == "H");
    CHECK(rows[6].keys == "P");
    CHECK(rows[7].keys == "V");
    CHECK(rows[8].keys == "C");
    CHECK(rows[9].keys == "F");  // the lobby steps through the library of formats
    CHECK(action_for(SDLK_f, KMOD_NONE) == Action::NextVideoframe);
    CHECK(rows[10].keys == "S");  // a surprise card: skip it, or draw another once
    CHECK(rows[11].keys == "K");
    CHECK(action_for(SDLK_k, KMOD_NONE) == Action::RedrawSurprise);
    CHECK(rows[12].keys == "R");  // a stage's clip: start it, or play it again
    CHECK(action_for(SDLK_r, KMOD_NONE) == Action::ReplayMedia);
    CHECK(rows[13].keys == "1 … 9");
    CHECK(rows[14].keys == "Del · X");  // the coffee corner's newest answer off the screen
    CHECK(rows[16].keys == "Ctrl+Alt+Q");
}
