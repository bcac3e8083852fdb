#pragma once
// QR codes for the phone URL, drawn with whole-pixel modules so every phone camera reads them.
#include <string>

#include "kiosk/ui/sdl_handles.hpp"

namespace kiosk::ui {

// The code for `text` at the largest whole-pixel module size that fits in max_px, with the
// 4-module quiet zone the standard asks for. Throws std::runtime_error if it cannot encode.
SurfacePtr render_qr(const std::string& text, int max_px);

}  // namespace kiosk::ui
