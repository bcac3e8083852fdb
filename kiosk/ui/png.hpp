#pragma once
#include <SDL.h>

#include <filesystem>

namespace kiosk::ui {

// Writes a surface to a PNG file; throws SdlError naming the file on failure.
void save_png(SDL_Surface* surface, const std::filesystem::path& path);

}  // namespace kiosk::ui
