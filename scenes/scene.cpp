#include "scenes/scene.hpp"

#include "scenes/coffee_scene.hpp"
#include "scenes/help_overlay.hpp"
#include "scenes/host_overlay.hpp"
#include "scenes/lobby_scene.hpp"
#include "scenes/proposal_scene.hpp"
#include "scenes/validation_scene.hpp"
#include "scenes/stage_scene.hpp"
#include "scenes/wrapup_scene.hpp"

namespace kiosk::scenes {

SDL_Rect Scene::draw_ticking(ui::Canvas&, const Frame&) const { return SDL_Rect{0, 0, 0, 0}; }

std::optional<Millis> Scene::until_change(const Frame&) const { return std::nullopt; }

const Scene& scene_for(const View& view) {
    static const CoffeeScene coffee;
    static const LobbyScene lobby;
    static const CheckinScene checkin;
    static const StageScene stage;
    static const ProposalScene proposal;
    static const ValidationScene validation;
    static const WrapUpScene wrapup;
    switch (view.phase) {
    case Phase::Idle: return coffee;
    case Phase::Lobby: return lobby;
    case Phase::Step:
        if (view.step == 0) return checkin;
        if (view.in_proposal_step()) return proposal;
        return view.step == view.validation_step() ? static_cast<const Scene&>(validation) : stage;
    case Phase::WrapUp: return wrapup;
    }
    return coffee;
}

void draw_frame(ui::Canvas& canvas, const Frame& frame) {
    canvas.next_frame();
    scene_for(frame.view).draw(canvas, frame);
    draw_host_overlay(canvas, frame);
    if (frame.help_visible) draw_help_overlay(canvas, frame);
}

SDL_Rect draw_tick(ui::Canvas& canvas, const Frame& frame) {
    canvas.next_frame();  // a tick is a frame too: older textures may now be let go
    if (frame.view.host_offer) return SDL_Rect{0, 0, 0, 0};  // the countdown is under the overlay: draw all
    return scene_for(frame.view).draw_ticking(canvas, frame);
}

}  // namespace kiosk::scenes
