#pragma once
// Colours and type sizes of the room screen. Sizes are in units of 1 % of the screen height,
// so one layout serves 720p, 1080p, 4K and 16:10. Calm, high contrast, readable at 5 metres.
#include <SDL.h>

namespace kiosk::ui {

struct Color {
    Uint8 r, g, b, a = 255;
};

namespace theme {
inline constexpr Color background{16, 30, 40};
inline constexpr Color panel{28, 47, 60};
inline constexpr Color panel_light{38, 61, 77};
inline constexpr Color text{244, 241, 234};
inline constexpr Color text_soft{190, 201, 206};
inline constexpr Color text_dim{128, 146, 156};
inline constexpr Color accent{94, 196, 182};     // teal: labels, progress
inline constexpr Color warning{247, 176, 72};    // amber: the last minute
inline constexpr Color paused{150, 170, 200};    // blue-grey: a paused timer
inline constexpr Color qr_light{255, 255, 255};
inline constexpr Color qr_dark{10, 20, 28};
inline constexpr Color overlay{8, 16, 22, 235};
}  // namespace theme

// Type sizes in screen-height units. Smallest text on a stage screen: 2.4 units (26 px at
// 1080p), about the size of 4-metre-readable signage on a 2-metre-wide projection.
namespace type {
inline constexpr double hero = 17.0;     // the countdown
inline constexpr double title = 7.0;
inline constexpr double heading = 4.6;
inline constexpr double body = 3.6;
inline constexpr double label = 2.8;
inline constexpr double small = 2.4;
}  // namespace type

}  // namespace kiosk::ui
