#include "kiosk/ui/chime.hpp"
#include "kiosk/core/log_prefix.hpp"

#include <cmath>
#include <cstdio>

namespace kiosk::ui {

namespace {
constexpr int k_rate = 48000;
constexpr double k_pi = 3.14159265358979323846;
}  // namespace

std::vector<float> Chime::samples(int sample_rate) {
    // Two notes a fifth apart (E5, then B5 after 180 ms), each a sine with a faint octave,
    // a 10 ms fade-in against clicks and an exponential fade-out.
    const double length = 2.2;
    std::vector<float> out(static_cast<std::size_t>(length * sample_rate), 0.0f);
    const struct {
        double frequency, start;
    } notes[] = {{659.25, 0.0}, {987.77, 0.18}};
    for (const auto& note : notes) {
        for (std::size_t i = 0; i < out.size(); ++i) {
            const double t = static_cast<double>(i) / sample_rate - note.start;
            if (t < 0) continue;
            const double envelope = std::min(1.0, t / 0.010) * std::exp(-t / 0.45);
            const double wave = std::sin(2 * k_pi * note.frequency * t) +
                                0.25 * std::sin(4 * k_pi * note.frequency * t);
            out[i] += static_cast<float>(0.12 * envelope * wave);
        }
    }
    return out;
}

bool Chime::open() {
    m_tried = true;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        std::fprintf(stderr, "%sno audio (%s); the chime is skipped\n", log_prefix(Priority::Notice), SDL_GetError());
        return false;
    }
    SDL_AudioSpec want{};
    want.freq = k_rate;
    want.format = AUDIO_F32SYS;
    want.channels = 1;
    want.samples = 2048;
    m_device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
    if (m_device == 0) {
        std::fprintf(stderr, "%sno audio device (%s); the chime is skipped\n", log_prefix(Priority::Notice), SDL_GetError());
        return false;
    }
    m_samples = samples(k_rate);
    SDL_PauseAudioDevice(m_device, 0);
    return true;
}

bool Chime::play() {
    if (!m_tried) open();
    if (m_device == 0) return false;
    SDL_ClearQueuedAudio(m_device);
    return SDL_QueueAudio(m_device, m_samples.data(),
                          static_cast<Uint32>(m_samples.size() * sizeof(float))) == 0;
}

Chime::~Chime() {
    if (m_device != 0) SDL_CloseAudioDevice(m_device);
}

}  // namespace kiosk::ui
