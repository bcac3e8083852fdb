#include "kiosk/screen/sdl_probe.hpp"

#include <SDL.h>

namespace kiosk::screen {

SdlProbe::~SdlProbe() { SDL_Quit(); }

ScreenFound SdlProbe::screens() {
    ScreenFound found;
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");  // as screen_loop opens it
    found.started = SDL_Init(SDL_INIT_VIDEO) == 0;
    if (!found.started) {
        found.error = SDL_GetError();
        return found;
    }
    if (const char* driver = SDL_GetCurrentVideoDriver()) found.driver = driver;
    found.displays = SDL_GetNumVideoDisplays();
    SDL_DisplayMode desktop{};
    if (found.displays > 0 && SDL_GetDesktopDisplayMode(0, &desktop) == 0) found.first = ui::ScreenSize{desktop.w, desktop.h};
    return found;
}

SoundFound SdlProbe::sound() {
    SoundFound found;
    found.started = SDL_InitSubSystem(SDL_INIT_AUDIO) == 0;
    if (!found.started) {
        found.error = SDL_GetError();
        return found;
    }
    if (const char* driver = SDL_GetCurrentAudioDriver()) found.driver = driver;
    found.outputs = SDL_GetNumAudioDevices(0);
    return found;
}

}  // namespace kiosk::screen
