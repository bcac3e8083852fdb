#pragma once
#include "scenes/scene.hpp"

namespace kiosk::scenes {

// The session is over; Enter closes it and the screen returns to idle.
class WrapUpScene final : public Scene {
public:
    void draw(ui::Canvas& canvas, const Frame& frame) const override;
};

}  // namespace kiosk::scenes
