#pragma once
#include "scenes/scene.hpp"

namespace kiosk::scenes {

// The room gathers: join by QR, see the hour ahead, press Enter to start.
class LobbyScene final : public Scene {
public:
    void draw(ui::Canvas& canvas, const Frame& frame) const override;
};

}  // namespace kiosk::scenes
