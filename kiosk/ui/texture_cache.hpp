#pragma once
// Textures made once and reused: rendered text and QR codes. Keyed by everything that shapes
// the pixels. Bounded in bytes, not entries: a running countdown makes a new large texture
// every second, so past the budget the least recently used textures are dropped.
// Belongs to one renderer and so to the thread that draws (the main thread).
#include <SDL.h>

#include <functional>
#include <string>
#include <unordered_map>

#include "kiosk/ui/sdl_handles.hpp"

namespace kiosk::ui {

struct CachedTexture {
    SDL_Texture* texture = nullptr;  // owned by the cache; nullptr for empty text
    int width = 0;
    int height = 0;
};

class TextureCache {
public:
    TextureCache(SDL_Renderer* renderer, std::size_t byte_budget);

    // The texture for key, made from make() the first time it is asked for.
    CachedTexture get(const std::string& key, const std::function<SurfacePtr()>& make);
    void next_frame() { ++m_frame; }
    std::size_t size() const { return m_entries.size(); }
    std::size_t bytes() const { return m_bytes; }
    std::size_t budget() const { return m_budget; }

private:
    struct Entry {
        TexturePtr texture;
        int width = 0;
        int height = 0;
        std::size_t bytes = 0;
        unsigned long long last_used = 0;
    };
    void evict();

    SDL_Renderer* m_renderer;
    std::size_t m_budget;
    std::size_t m_bytes = 0;
    unsigned long long m_frame = 0;
    std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace kiosk::ui
