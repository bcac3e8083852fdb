// libFuzzer target: the AI proposal's Markdown as the room's screen lays it out. The input is
// an answer: split into paragraphs as the screen and the phones number them, each parsed with
// cmark (parse_markdown) and laid out word by word (layout_blocks), measured and then drawn, on
// a real Canvas: SDL's software renderer on an off-screen surface with the fonts the kiosk
// finds (fonts/, else fontconfig), so no display or video driver is involved. The whole answer
// is also parsed as one document.
//
// Nothing is thrown by design: every exception is a finding (an ui::SdlError here means a word
// the screen cannot draw), and so is a paragraph whose drawn height differs from its measured one.
#include <cstdint>
#include <filesystem>

#include "kiosk/core/proposal.hpp"
#include "kiosk/ui/canvas.hpp"
#include "kiosk/ui/font_locator.hpp"
#include "kiosk/ui/sdl_handles.hpp"
#include "kiosk/ui/theme.hpp"
#include "scenes/markdown_text.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace kiosk;

namespace {

// A small screen: the layout is the same at any size, and small text renders fast.
struct Screen {
    ui::SurfacePtr surface = ui::make_rgb_surface(640, 360);
    ui::Canvas canvas{surface.get(), ui::locate_fonts(std::filesystem::path{KIOSK_SOURCE_DIR} / "fonts")};
};

Screen& screen() {
    static Screen made;
    return made;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    screen();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto answer = fuzz::as_text(data, size);
    (void)scenes::parse_markdown(answer);
    auto& canvas = screen().canvas;
    canvas.next_frame();
    const int width = canvas.width() / 2 - canvas.u(11);  // a column of two, less the marks' gutter
    for (const auto& paragraph : split_paragraphs(answer)) {
        const auto blocks = scenes::parse_markdown(paragraph.text);
        const int measured = scenes::layout_blocks(canvas, blocks, 0, 0, width, 2.5, ui::theme::text, false);
        const int drawn = scenes::layout_blocks(canvas, blocks, canvas.u(4), canvas.u(4), width, 2.5, ui::theme::text, true);
        fuzz::require(measured == drawn, "a paragraph takes the height it measured");
    }
    return 0;
}
