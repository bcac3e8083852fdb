#pragma once
// What a media file of a format holds, read once through libmpv without showing or playing it
// (no video or audio output): whether it opens, its tracks and codecs, its length, and the
// captions beside it. --check-config and the kiosk's start-up (off the screen thread) say what
// is wrong with a file before a stage needs it; at run time the same problems never stop a session.
#include <filesystem>
#include <stop_token>
#include <string>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/content.hpp"

namespace kiosk::media {

struct ProbeLimits {
    std::uintmax_t most_bytes = 1ULL << 30;  // a room's clip is minutes long: 1 GB is far beyond it
    Millis open_within{5000};                // a file mpv cannot open in this time counts as broken
    std::stop_token stop;                    // a kiosk that is stopping does not wait for the probe
};

struct Probed {
    std::string problem;  // "" when the file plays as its entry says; else what is wrong and the fix
    std::string warning;  // "" or what works but should be better (speech without captions)
    double seconds = 0;   // the clip's or sound's length (0 for a picture)
    std::string video_codec, audio_codec;  // as mpv names them ("h264", "vp9", "png", "opus", ...)
    std::filesystem::path captions;        // <stem>.vtt or <stem>.srt beside the file, if there is one
};

// `longest`: the time the entry belongs to (its stage, or its card's time on the screen); a clip
// longer than that is a problem. Thread-safe: each call has its own mpv instance.
Probed probe_file(const std::filesystem::path& file, MediaKind kind, Millis longest, const ProbeLimits& limits = {});

// The captions beside a clip: <stem>.vtt, else <stem>.srt; empty when there are none.
std::filesystem::path captions_beside(const std::filesystem::path& file);

// "1:02:03" or "4:05".
std::string clock_text(double seconds);

}  // namespace kiosk::media
