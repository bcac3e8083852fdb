#include "kiosk/media/media_probe.hpp"

#include <mpv/client.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>

namespace kiosk::media {

namespace {

namespace fs = std::filesystem;

struct MpvDeleter {
    void operator()(mpv_handle* handle) const { mpv_terminate_destroy(handle); }
};
using MpvPtr = std::unique_ptr<mpv_handle, MpvDeleter>;

// An mpv that reads files and shows, plays and loads nothing else: no window, no sound, no
// config files or scripts of the user's, no network streams through youtube-dl.
MpvPtr quiet_mpv() {
    MpvPtr mpv{mpv_create()};
    if (!mpv) return nullptr;
    for (const auto& [name, value] : {std::pair{"vo", "null"}, {"ao", "null"}, {"config", "no"}, {"load-scripts", "no"},
                                      {"ytdl", "no"}, {"terminal", "no"}, {"msg-level", "all=no"}, {"pause", "yes"},
                                      {"hwdec", "no"}, {"audio-display", "no"}, {"sub-auto", "no"}})
        mpv_set_option_string(mpv.get(), name, value);
    if (mpv_initialize(mpv.get()) < 0) return nullptr;
    return mpv;
}

std::string size_text(std::uintmax_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / (1ULL << 30));
    return text;
}

// The first track of each type, from mpv's track-list.
void read_tracks(mpv_handle* mpv, Probed& probed, bool& album_art) {
    mpv_node list{};
    if (mpv_get_property(mpv, "track-list", MPV_FORMAT_NODE, &list) < 0) return;
    if (list.format == MPV_FORMAT_NODE_ARRAY) {
        for (int i = 0; i < list.u.list->num; ++i) {
            const mpv_node& track = list.u.list->values[i];
            if (track.format != MPV_FORMAT_NODE_MAP) continue;
            std::string type, codec;
            bool image = false;
            for (int k = 0; k < track.u.list->num; ++k) {
                const std::string key = track.u.list->keys[k];
                const mpv_node& value = track.u.list->values[k];
                if (key == "type" && value.format == MPV_FORMAT_STRING) type = value.u.string;
                else if (key == "codec" && value.format == MPV_FORMAT_STRING) codec = value.u.string;
                else if (key == "albumart" && value.format == MPV_FORMAT_FLAG) image = value.u.flag != 0;
            }
            if (type == "video" && probed.video_codec.empty()) {
                probed.video_codec = codec;
                album_art = image;
            }
            if (type == "audio" && probed.audio_codec.empty()) probed.audio_codec = codec;
        }
    }
    mpv_free_node_contents(&list);
}

// Opens the file in mpv and reads its tracks and length; false (with the problem) when mpv cannot.
bool open_in_mpv(const fs::path& file, const ProbeLimits& limits, Probed& probed, bool& album_art) {
    const auto mpv = quiet_mpv();
    if (!mpv) {
        probed.problem = "cannot be checked: libmpv would not start";
        return false;
    }
    const std::string path = file.string();
    const char* command[] = {"loadfile", path.c_str(), nullptr};
    mpv_command(mpv.get(), command);
    const auto until = std::chrono::steady_clock::now() + limits.open_within;
    while (std::chrono::steady_clock::now() < until && !limits.stop.stop_requested()) {
        const double left = std::chrono::duration<double>(until - std::chrono::steady_clock::now()).count();
        const mpv_event* event = mpv_wait_event(mpv.get(), std::clamp(left, 0.0, 0.1));
        if (event->event_id == MPV_EVENT_END_FILE) {
            const auto* end = static_cast<const mpv_event_end_file*>(event->data);
            const char* why = end->error < 0 ? mpv_error_string(end->error) : "it ended as it was opened";
            probed.problem = std::string{"is not a video, picture or sound the kiosk can play ("} + why +
                             "); export it again as the entry's kind";
            return false;
        }
        if (event->event_id != MPV_EVENT_FILE_LOADED) continue;
        read_tracks(mpv.get(), probed, album_art);
        mpv_get_property(mpv.get(), "duration", MPV_FORMAT_DOUBLE, &probed.seconds);
        return true;
    }
    probed.problem = limits.stop.stop_requested() ? "was not checked: the kiosk stopped first"
                                                  : "could not be opened within " + std::to_string(limits.open_within.count() / 1000) +
                                                        " s; it may be damaged: export it again";
    return false;
}

// What the tracks must be for the entry's kind, and the fix when they are not.
std::string kind_problem(MediaKind kind, const Probed& probed, bool album_art) {
    static const std::set<std::string> video_codecs{"h264", "vp9"}, image_codecs{"png", "mjpeg"},
        audio_codecs{"mp3", "opus", "vorbis", "aac"};
    const bool picture = image_codecs.count(probed.video_codec) > 0 && probed.seconds <= 0.05;
    switch (kind) {
    case MediaKind::Video:
        if (probed.video_codec.empty() || album_art) return "holds no video track; for a sound use \"kind\": \"audio\" and an MP3 or Opus file";
        if (!video_codecs.count(probed.video_codec))
            return "is " + probed.video_codec + " video, which the kiosk does not play; re-encode it as H.264 "
                   "(ffmpeg -i IN -c:v libx264 -crf 23 -c:a aac OUT.mp4) or VP9";
        if (!probed.audio_codec.empty() && !audio_codecs.count(probed.audio_codec))
            return "has " + probed.audio_codec + " sound, which the kiosk does not play; re-encode its sound as AAC or Opus";
        return "";
    case MediaKind::Image:
        return picture ? "" : "is no PNG or JPEG picture; save it as PNG or JPEG";
    case MediaKind::Audio:
        if (probed.audio_codec.empty()) return "holds no sound; use \"kind\": \"video\" or \"image\" for a picture";
        if (!audio_codecs.count(probed.audio_codec))
            return "is " + probed.audio_codec + " sound, which the kiosk does not play; export it as MP3 or Opus";
        return "";
    }
    return "";
}

// Before mpv: the file is there, is a file, can be read, and is not absurdly large.
std::string file_problem(const fs::path& file, const ProbeLimits& limits) {
    std::error_code error;
    const auto status = fs::status(file, error);
    if (error && error != std::errc::no_such_file_or_directory)
        return "cannot be reached at " + file.string() + " (" + error.message() + "); make its folders readable for the kiosk's user";
    if (!fs::exists(status)) return "not found at " + file.string() + "; copy the file there or correct \"file\"";
    if (!fs::is_regular_file(status)) return "is no file at " + file.string() + " (a folder?); name a video, picture or sound file";
    if (!std::ifstream{file, std::ios::binary}.good())
        return "cannot be read at " + file.string() + "; make it readable for the kiosk's user (chmod a+r)";
    const auto bytes = fs::file_size(file, error);
    if (!error && bytes > limits.most_bytes)
        return "is " + size_text(bytes) + ", more than a room's clip needs (at most " + size_text(limits.most_bytes) +
               "); make it smaller (ffmpeg -i IN -vf scale=-2:720 -c:v libx264 -crf 26 -c:a aac OUT.mp4)";
    return "";
}

}  // namespace

std::string clock_text(double seconds) {
    const auto whole = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (whole >= 3600) std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", whole / 3600, whole / 60 % 60, whole % 60);
    else std::snprintf(text, sizeof text, "%lld:%02lld", whole / 60, whole % 60);
    return text;
}

std::filesystem::path captions_beside(const fs::path& file) {
    for (const char* extension : {".vtt", ".srt"}) {
        auto candidate = file;
        candidate.replace_extension(extension);
        std::error_code ignored;
        if (fs::is_regular_file(candidate, ignored)) return candidate;
    }
    return {};
}

Probed probe_file(const fs::path& file, MediaKind kind, Millis longest, const ProbeLimits& limits) {
    Probed probed;
    probed.problem = file_problem(file, limits);
    if (!probed.problem.empty()) return probed;
    bool album_art = false;
    if (!open_in_mpv(file, limits, probed, album_art)) return probed;
    probed.problem = kind_problem(kind, probed, album_art);
    if (!probed.problem.empty()) return probed;
    const double most = std::chrono::duration<double>(longest).count();
    if (kind != MediaKind::Image && most > 0 && probed.seconds > most)
        probed.problem = "lasts " + clock_text(probed.seconds) + ", longer than the " + clock_text(most) +
                         " of its stage (or card); cut it (ffmpeg -i IN -t " + clock_text(most) + " -c copy OUT)";
    probed.captions = captions_beside(file);
    if (probed.problem.empty() && kind == MediaKind::Video && !probed.audio_codec.empty() && probed.captions.empty())
        probed.warning = "has sound but no captions beside it (" + file.stem().string() +
                         ".vtt or .srt); people who cannot hear it miss what is said";
    return probed;
}

}  // namespace kiosk::media
