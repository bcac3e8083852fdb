#pragma once
#include "scenes/scene.hpp"

namespace kiosk::scenes {

// Between sessions: the coffee corner. A calm frame (the room, the day and week, the clock)
// around one panel at a time (the week's question with its answer QR, the answers, the open
// decisions, the next session), turning every room.rotate_seconds; black at night. Redrawn at
// the next minute of the clock or the next turn, whichever comes first. Main thread only.
class CoffeeScene final : public Scene {
public:
    void draw(ui::Canvas& canvas, const Frame& frame) const override;
    std::optional<Millis> until_change(const Frame& frame) const override;
};

}  // namespace kiosk::scenes
