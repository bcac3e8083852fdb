#include "kiosk/ui/png.hpp"

#include <SDL_image.h>

#include "kiosk/ui/sdl_handles.hpp"

namespace kiosk::ui {

void save_png(SDL_Surface* surface, const std::filesystem::path& path) {
    if (IMG_SavePNG(surface, path.c_str()) != 0) throw SdlError{"cannot write " + path.string()};
}

}  // namespace kiosk::ui
