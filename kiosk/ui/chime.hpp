#pragma once
// The soft chime played when a step's time runs out. Generated, not loaded: two bell-like
// partials that fade out, quiet enough not to startle a room. A machine without an audio
// device is not an error: the chime is skipped and that is logged once.
// Used from the main thread only.
#include <SDL.h>

#include <string>
#include <vector>

namespace kiosk::ui {

class Chime {
public:
    Chime() = default;
    ~Chime();
    Chime(const Chime&) = delete;
    Chime& operator=(const Chime&) = delete;

    // Queues the chime; the first call opens the audio device. Returns false when skipped.
    bool play();
    // The samples played (mono float at sample_rate), for tests and for the curious.
    static std::vector<float> samples(int sample_rate);

private:
    bool open();
    SDL_AudioDeviceID m_device = 0;
    bool m_tried = false;
    std::vector<float> m_samples;
};

}  // namespace kiosk::ui
