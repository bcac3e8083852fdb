#pragma once
// Textures made once and reused: rendered text and QR codes. Keyed by everything that shapes
// the pixels. Bounded: when it grows past its limit the least recently used half is dropped.
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
    explicit TextureCache(SDL_Renderer* renderer, std::size_t limit = 512);

    // The texture for key, made from make() the first time it is asked for.
    CachedTexture get(const std::string& key, const std::function<SurfacePtr()>& make);
    void next_frame() { ++m_frame; }
    std::size_t size() const { return m_entries.size(); }

private:
    struct Entry {
        TexturePtr texture;
        int width = 0;
        int height = 0;
        unsigned long long last_used = 0;
    };
    void evict();

    SDL_Renderer* m_renderer;
    std::size_t m_limit;
    unsigned long long m_frame = 0;
    std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace kiosk::ui
