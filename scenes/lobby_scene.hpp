#pragma once
#include "scenes/scene.hpp"

namespace kiosk::scenes {

// The room gathers: join by QR, see the hour ahead, press Enter to start. Once phones are in,
// the middle shows what they choose: the work situation, the framing questions, and earlier
// decisions to look back on.
class LobbyScene final : public Scene {
public:
    void draw(ui::Canvas& canvas, const Frame& frame) const override;

private:
    void draw_choices(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const;
    // The format the session will run: the offered ones with their dots, the room's pick, a tie
    // to settle, and the formats this trajectory had. Says where the space below it begins.
    int draw_videoframes(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const;
    // The same in two small lines, once phones are in and their choices need the room.
    int draw_videoframe_line(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const;
};

}  // namespace kiosk::scenes
