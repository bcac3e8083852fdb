// present-probe PATH OUT DONE: shows a known picture through one of the presenter's paths
// (ui/presenter.hpp: surface, texture or shm) in a fullscreen window, the way the kiosk does:
// the whole picture once, then only rectangles, one at a time, some of them twice. A path that
// loses a change (a buffer that missed a rectangle shown through another one) leaves a square
// in an older colour. Writes "shown WIDTHxHEIGHT <path>" to OUT when done, keeps the window
// until the file DONE exists, and present_test.sh reads the screen in between.
#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "kiosk/ui/presenter.hpp"

namespace {

// The squares present_test.sh expects: square i at (40 + 120 i, 100), 80 x 80 (within cage's
// first output, 1024x768).
constexpr int k_squares = 8;
constexpr Uint32 k_colours[k_squares] = {0x0000FF, 0x00FF00, 0xFFFF00, 0x00FFFF, 0xFF00FF, 0xFFFFFF, 0x000000, 0x808080};
constexpr Uint32 k_background = 0xFF0000;

SDL_Rect square(int i) { return {40 + 120 * i, 100, 80, 80}; }

void wait(int ms) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds{ms};
    while (std::chrono::steady_clock::now() < until) {
        SDL_PumpEvents();
        std::this_thread::sleep_for(std::chrono::milliseconds{5});
    }
}

void fill(SDL_Surface* picture, const SDL_Rect* area, Uint32 rgb) {
    SDL_FillRect(picture, area, SDL_MapRGB(picture->format, (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: present-probe surface|texture|shm OUT DONE\n");
        return 2;
    }
    setenv("VITALE_KIOSK_PRESENT", argv[1], 1);
    // As the kiosk opens its window (screen_loop.cpp): through libdecor SDL 2.26 leaves it unmapped under cage.
    SDL_SetHint(SDL_HINT_VIDEO_WAYLAND_ALLOW_LIBDECOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        std::fprintf(stderr, "present-probe: %s\n", SDL_GetError());
        return 1;
    }
    SDL_DisplayMode desktop{0, 1280, 800, 0, nullptr};
    SDL_GetDesktopDisplayMode(0, &desktop);
    SDL_Window* window = SDL_CreateWindow("present-probe", 0, 0, desktop.w, desktop.h, SDL_WINDOW_FULLSCREEN_DESKTOP);
    if (!window) {
        std::fprintf(stderr, "present-probe: %s\n", SDL_GetError());
        return 1;
    }
    int status = 0;
    try {
        kiosk::ui::Presenter presenter{window, kiosk::ui::present_path_for(SDL_GetCurrentVideoDriver())};
        SDL_Surface* picture = presenter.picture();
        fill(picture, nullptr, k_background);
        presenter.show_all();
        wait(100);
        // First a wrong colour in every square, then its own: each square changes twice, in turn.
        for (const Uint32 first : {0x102030u, 0u}) {
            for (int i = 0; i < k_squares; ++i) {
                const SDL_Rect area = square(i);
                fill(picture, &area, first ? first : k_colours[i]);
                presenter.show(area);
                wait(first ? 10 : 40);
            }
        }
        wait(300);
        std::FILE* out = std::fopen(argv[2], "w");
        if (out) {
            std::fprintf(out, "shown %dx%d %s\n", picture->w, picture->h, presenter.describe().c_str());
            std::fclose(out);
        }
        for (int i = 0; i < 3000 && !std::filesystem::exists(argv[3]); ++i) wait(10);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "present-probe: %s\n", error.what());
        status = 1;
    }
    SDL_DestroyWindow(window);
    SDL_Quit();
    return status;
}
