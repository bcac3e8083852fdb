#pragma once

namespace kiosk::ui {

// A window's or a picture's size in pixels (--size WxH, kiosk.json display.width/height).
struct ScreenSize {
    int width = 0;
    int height = 0;
};

}  // namespace kiosk::ui
