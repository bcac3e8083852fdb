#pragma once
// RAII holders for SDL and SDL_ttf objects, and the error type that carries SDL's own reason.
#include <SDL.h>
#include <SDL_ttf.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace kiosk::ui {

struct SdlDeleter {
    void operator()(SDL_Window* p) const { SDL_DestroyWindow(p); }
    void operator()(SDL_Renderer* p) const { SDL_DestroyRenderer(p); }
    void operator()(SDL_Texture* p) const { SDL_DestroyTexture(p); }
    void operator()(SDL_Surface* p) const { SDL_FreeSurface(p); }
    void operator()(TTF_Font* p) const { TTF_CloseFont(p); }
};

using WindowPtr = std::unique_ptr<SDL_Window, SdlDeleter>;
using RendererPtr = std::unique_ptr<SDL_Renderer, SdlDeleter>;
using TexturePtr = std::unique_ptr<SDL_Texture, SdlDeleter>;
using SurfacePtr = std::unique_ptr<SDL_Surface, SdlDeleter>;
using FontPtr = std::unique_ptr<TTF_Font, SdlDeleter>;

// A failure of SDL or SDL_ttf; the message ends with the library's own explanation.
class SdlError : public std::runtime_error {
public:
    explicit SdlError(const std::string& what) : std::runtime_error{what + ": " + SDL_GetError()} {}
};

// A blank RGB888 surface: the format screenshots are saved from (no alpha to leak into PNGs).
SurfacePtr make_rgb_surface(int width, int height);

}  // namespace kiosk::ui
