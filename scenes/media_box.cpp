#include "scenes/media_box.hpp"

#include "scenes/widgets.hpp"

namespace kiosk::scenes {

namespace {

const MediaItem& entry_of(const Frame& frame, const MediaPicture& shown) {
    return frame.view.step_spec().media.at(static_cast<std::size_t>(shown.item));
}

// The largest rectangle of the picture's shape inside `box`, centred.
SDL_Rect fitted(const SDL_Surface& picture, const SDL_Rect& box) {
    if (picture.w <= 0 || picture.h <= 0) return box;
    const double scale = std::min(static_cast<double>(box.w) / picture.w, static_cast<double>(box.h) / picture.h);
    const int w = std::max(1, static_cast<int>(picture.w * scale)), h = std::max(1, static_cast<int>(picture.h * scale));
    return {box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
}

// "Filmpje", "Filmpje · gepauzeerd", "Afbeelding", "Geluid"
std::string label_of(const Frame& frame, const MediaItem& entry) {
    const auto& kind = name_of(entry.kind, media_kind_names());
    auto label = frame.strings.text("media_" + kind);
    if (entry.kind != MediaKind::Image && frame.view.timer.paused) label += "  ·  " + frame.strings.text("media_paused");
    return label;
}

}  // namespace

const MediaPicture* media_at(const Frame& frame, MediaShow show) {
    if (!frame.media || !frame.view.in_step()) return nullptr;
    const MediaPicture* found = nullptr;
    for (const auto& shown : *frame.media) {
        const auto& entries = frame.view.step_spec().media;
        if (shown.item >= 0 && static_cast<std::size_t>(shown.item) < entries.size() && entries[static_cast<std::size_t>(shown.item)].show == show)
            found = &shown;
    }
    return found;
}

void draw_media_box(ui::Canvas& canvas, const Frame& frame, const MediaPicture& shown, const SDL_Rect& area) {
    const auto& entry = entry_of(frame, shown);
    canvas.fill(area, theme::panel);
    const int pad = canvas.u(1.2);
    const auto label = canvas.text(label_of(frame, entry), {type::label, Weight::Bold, theme::accent}, area.x + pad, area.y + pad,
                                   area.w - 2 * pad);
    const int top = label.y + label.h + canvas.u(1);
    // Two lines of caption under a clip; a picture and a sound keep the room for their words.
    const int caption_height = entry.kind == MediaKind::Video ? canvas.u(type::body * 2.6) : 0;
    SDL_Rect box{area.x + pad, top, area.w - 2 * pad, area.y + area.h - pad - caption_height - top};
    // A clip's box has a clip's shape (16:9), so mpv adds no bars; the caption sits right under it.
    if (entry.kind == MediaKind::Video && box.w * 9 > box.h * 16) {
        const int w = box.h * 16 / 9;
        box = {box.x + (box.w - w) / 2, box.y, w, box.h};
    } else if (entry.kind == MediaKind::Video) {
        box.h = box.w * 9 / 16;
    }
    shown.box = {};
    if (shown.failed) {
        canvas.text_fit(frame.strings.text("media_failed"), {type::body, Weight::Regular, theme::text_soft}, box, type::small);
        return;
    }
    if (entry.kind == MediaKind::Audio || !shown.picture) {
        // A sound, or a clip before its first picture: what it is, in words (its alt).
        canvas.fill(box, theme::background);
        const int inner = canvas.u(1.5);
        canvas.text_fit(entry.kind == MediaKind::Audio ? entry.alt : frame.strings.text("media_loading"),
                        {type::body, Weight::Regular, theme::text_soft}, {box.x + inner, box.y + inner, box.w - 2 * inner, box.h - 2 * inner},
                        type::small, Align::Center);
        if (entry.kind == MediaKind::Video) shown.box = box;
    } else {
        if (entry.kind == MediaKind::Video) canvas.fill(box, {0, 0, 0});
        shown.box = box;
        canvas.picture(*shown.picture, shown.fitted ? box : fitted(*shown.picture, box));
    }
    if (caption_height > 0 && !shown.caption.empty())
        canvas.text_fit(shown.caption, {type::body, Weight::Bold, theme::text},
                        {area.x + pad, box.y + box.h + canvas.u(0.8), area.w - 2 * pad, area.y + area.h - pad - box.y - box.h - canvas.u(0.8)},
                        type::label, Align::Center);
}

}  // namespace kiosk::scenes
