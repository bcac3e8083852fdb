#pragma once
#include "scenes/scene.hpp"

namespace kiosk::scenes {

// Between sessions. Redrawn once a minute for its clock.
class IdleScene final : public Scene {
public:
    void draw(ui::Canvas& canvas, const Frame& frame) const override;
    std::optional<Millis> until_change(const Frame& frame) const override;
};

}  // namespace kiosk::scenes
