#pragma once
#include "scenes/stage_scene.hpp"

namespace kiosk::scenes {

// The AI stage. First the constraints coming in (with when the prompt goes out), then the
// proposal streaming in as rendered Markdown under a permanent "AI proposal — check it" label
// with the model's name, the marks phones put beside each paragraph, a calm line when the AI
// fails, the manual route, and (key P) the whole prompt as sent.
class ProposalScene final : public StageScene {
public:
    void draw(ui::Canvas& canvas, const Frame& frame) const override;
    SDL_Rect draw_ticking(ui::Canvas& canvas, const Frame& frame) const override;

protected:
    void draw_middle(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const override;
    bool shows_title(const Frame& frame) const override;
    std::string band_text(const Frame& frame) const override;

private:
    void draw_proposal(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const;
    void draw_prompt(ui::Canvas& canvas, const Frame& frame) const;
};

// "(geen antwoord op tijd)": the reason an answer ended early, in the room's language.
std::string failure_reason(const Strings& strings, const std::string& failure);

}  // namespace kiosk::scenes
