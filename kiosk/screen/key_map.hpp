#pragma once
// Keys of the keyboard and of presenter remotes (they send PageDown, PageUp, arrows, B and
// F5/Escape) and what they do. The help overlay is made from the same table.
#include <SDL.h>

#include <vector>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/strings.hpp"
#include "scenes/scene.hpp"

namespace kiosk::screen {

enum class Action {
    None, Start, Next, Previous, TogglePause, Extend, OfferHost, TogglePrompt, AskAgain, NewCode, NextVideoframe, SkipSurprise, RedrawSurprise, ReplayMedia, PickTied, HideNewestAnswer, ToggleHelp, CloseHelp, Quit
};

Action action_for(SDL_Keycode key, Uint16 modifiers);
// The digit 1-9 of a number key (main row or keypad); 0 for any other key.
int digit_of(SDL_Keycode key);

std::vector<scenes::HelpRow> help_rows(const Strings& strings, int extend_minutes);
// The rows for this room: its language and its extend_minutes.
std::vector<scenes::HelpRow> help_rows(const Config& config);

}  // namespace kiosk::screen
