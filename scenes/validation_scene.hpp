#pragma once
#include "scenes/stage_scene.hpp"

namespace kiosk::scenes {

// The validation stage. Scoring: per criterion how many gave 1, 2, … 5 (not only the mean),
// wide spreads marked to discuss, and the objections. Deciding: the rule's proposal and how
// many have chosen. Owner: the decision, the owner, the first step and the review date, and
// for "aanpassen" the group's changes beside the AI text.
class ValidationScene final : public StageScene {
protected:
    void draw_middle(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const override;
    bool shows_title(const Frame& frame) const override;
    std::string band_text(const Frame& frame) const override;

private:
    int draw_scores(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const;
    void draw_decided(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const;
};

}  // namespace kiosk::scenes
