#include "kiosk/screen/key_map.hpp"

#include <string>

namespace kiosk::screen {

namespace {

struct Binding {
    Action action;
    std::vector<SDL_Keycode> keys;
    const char* label;       // what the help overlay shows
    const char* string_key;  // the action's name in strings.<lang>.json
};

const std::vector<Binding>& bindings() {
    static const std::vector<Binding> table{
        {Action::Start, {SDLK_RETURN, SDLK_KP_ENTER, SDLK_F5}, "Enter · F5", "key_start"},
        {Action::Next, {SDLK_PAGEDOWN, SDLK_RIGHT, SDLK_DOWN}, "PageDown · →", "key_next"},
        {Action::Previous, {SDLK_PAGEUP, SDLK_LEFT, SDLK_UP}, "PageUp · ←", "key_previous"},
        {Action::TogglePause, {SDLK_SPACE, SDLK_b, SDLK_PERIOD}, "{space} · B", "key_pause"},
        {Action::Extend, {SDLK_PLUS, SDLK_KP_PLUS, SDLK_EQUALS, SDLK_e}, "+ · E", "key_extend"},
        {Action::OfferHost, {SDLK_h}, "H", "key_host"},
        {Action::TogglePrompt, {SDLK_p}, "P", "key_prompt"},
        {Action::AskAgain, {SDLK_v}, "V", "key_again"},
        {Action::NewCode, {SDLK_c}, "C", "key_new_code"},
        {Action::NextVideoframe, {SDLK_f}, "F", "key_videoframe"},
        {Action::SkipSurprise, {SDLK_s}, "S", "key_skip_surprise"},
        {Action::RedrawSurprise, {SDLK_k}, "K", "key_redraw_surprise"},
        {Action::ReplayMedia, {SDLK_r}, "R", "key_media"},
        {Action::PickTied, {SDLK_1, SDLK_2, SDLK_3, SDLK_4, SDLK_5, SDLK_6, SDLK_7, SDLK_8, SDLK_9, SDLK_KP_1, SDLK_KP_2,
                            SDLK_KP_3, SDLK_KP_4, SDLK_KP_5, SDLK_KP_6, SDLK_KP_7, SDLK_KP_8, SDLK_KP_9},
         "1 … 9", "key_pick"},
        {Action::HideNewestAnswer, {SDLK_DELETE, SDLK_x}, "Del · X", "key_hide_answer"},
        {Action::ToggleHelp, {SDLK_F1, SDLK_QUESTION}, "F1 · ?", "key_help"},
    };
    return table;
}

}  // namespace

Action action_for(SDL_Keycode key, Uint16 modifiers) {
    const bool ctrl = (modifiers & KMOD_CTRL) != 0;
    const bool alt = (modifiers & KMOD_ALT) != 0;
    // Quitting takes a deliberate combination: remotes send Escape, and people lean on keys.
    if (key == SDLK_q) return ctrl && alt ? Action::Quit : Action::None;
    if (key == SDLK_ESCAPE) return Action::CloseHelp;
    // '?' is Shift+/ on most layouts; SDL reports the unshifted key.
    if (key == SDLK_SLASH && (modifiers & KMOD_SHIFT) != 0) return Action::ToggleHelp;
    if (ctrl || alt) return Action::None;
    for (const auto& binding : bindings())
        for (const auto bound : binding.keys)
            if (bound == key) return binding.action;
    return Action::None;
}

int digit_of(SDL_Keycode key) {
    if (key >= SDLK_1 && key <= SDLK_9) return static_cast<int>(key - SDLK_1) + 1;
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9) return static_cast<int>(key - SDLK_KP_1) + 1;
    return 0;
}

std::vector<scenes::HelpRow> help_rows(const Strings& strings, int extend_minutes) {
    std::vector<scenes::HelpRow> rows;
    for (const auto& binding : bindings()) {
        // Key names stay as printed on keyboards, except the space bar's, which is translated.
        Strings labels{{{"label", binding.label}}};
        rows.push_back({labels.format("label", {{"space", strings.text("key_space_name")}}),
                        strings.format(binding.string_key, {{"minutes", std::to_string(extend_minutes)}})});
    }
    rows.push_back({"Ctrl+Alt+Q", strings.text("key_quit")});
    return rows;
}

std::vector<scenes::HelpRow> help_rows(const Config& config) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(config.settings.timers.extend_step);
    return help_rows(config.strings, static_cast<int>(minutes.count()));
}

}  // namespace kiosk::screen
