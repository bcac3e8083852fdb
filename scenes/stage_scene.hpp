#pragma once
#include <string>

#include "scenes/scene.hpp"

namespace kiosk::scenes {

// A timed stage. The middle of the screen holds the guiding questions.
class StageScene : public Scene {
public:
    void draw(ui::Canvas& canvas, const Frame& frame) const override;
    SDL_Rect draw_ticking(ui::Canvas& canvas, const Frame& frame) const override;
    std::optional<Millis> until_change(const Frame& frame) const override;

protected:
    virtual void draw_middle(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const;
    // Whether the title and goal are shown above the middle (true), or the middle gets the room.
    virtual bool shows_title(const Frame& frame) const;
    // The "on your phone" band's text.
    virtual std::string band_text(const Frame& frame) const;
    void draw_questions(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const;
    void draw_tie(ui::Canvas& canvas, const Frame& frame, const StageChoice& tie, const SDL_Rect& area) const;
};

// The check-in: laid out like a stage, with the week's reflection question in the middle.
class CheckinScene final : public StageScene {
protected:
    void draw_middle(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const override;
};

}  // namespace kiosk::scenes
