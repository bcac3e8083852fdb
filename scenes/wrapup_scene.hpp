#pragma once
#include "scenes/scene.hpp"

namespace kiosk::scenes {

// The session is over; Enter closes it and the screen returns to idle.
class WrapUpScene final : public Scene {
public:
    void draw(ui::Canvas& canvas, const Frame& frame) const override;

private:
    void draw_where(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const;
};

}  // namespace kiosk::scenes
