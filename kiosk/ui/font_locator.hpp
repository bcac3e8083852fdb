#pragma once
// Finds the font files the screen uses. A font dropped into fonts/ wins; otherwise fontconfig
// finds Inter (Debian's fonts-inter), falling back to DejaVu Sans.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace kiosk::ui {

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;
    std::string family;  // what was found, for the log
};

class FontError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Throws FontError when no usable font exists, saying which package to install.
FontFiles locate_fonts(const std::filesystem::path& fonts_dir);

}  // namespace kiosk::ui
