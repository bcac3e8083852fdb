#include "kiosk/ui/font_locator.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

namespace kiosk::ui {

namespace {

bool is_font_file(const std::filesystem::path& path) {
    auto ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".ttf" || ext == ".otf";
}

bool looks_bold(const std::filesystem::path& path) {
    auto name = path.filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name.find("bold") != std::string::npos || name.find("semibold") != std::string::npos;
}

std::optional<FontFiles> from_folder(const std::filesystem::path& dir) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) return std::nullopt;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator{dir, error})
        if (entry.is_regular_file() && is_font_file(entry.path())) files.push_back(entry.path());
    if (files.empty()) return std::nullopt;
    std::sort(files.begin(), files.end());
    FontFiles fonts;
    for (const auto& file : files) {
        if (looks_bold(file) && fonts.bold.empty()) fonts.bold = file;
        if (!looks_bold(file) && fonts.regular.empty()) fonts.regular = file;
    }
    if (fonts.regular.empty()) fonts.regular = fonts.bold;
    if (fonts.bold.empty()) fonts.bold = fonts.regular;
    fonts.family = "fonts/" + fonts.regular.filename().string();
    return fonts;
}

struct FcPatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};

// The file fontconfig picks for family/weight, only if it really is that family (fontconfig
// always answers with something, even when the family is not installed).
std::optional<std::filesystem::path> match(const char* family, int weight) {
    std::unique_ptr<FcPattern, FcPatternDeleter> pattern{FcPatternCreate()};
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    std::unique_ptr<FcPattern, FcPatternDeleter> found{FcFontMatch(nullptr, pattern.get(), &result)};
    if (!found || result != FcResultMatch) return std::nullopt;
    FcChar8* found_family = nullptr;
    FcChar8* file = nullptr;
    if (FcPatternGetString(found.get(), FC_FAMILY, 0, &found_family) != FcResultMatch ||
        FcPatternGetString(found.get(), FC_FILE, 0, &file) != FcResultMatch)
        return std::nullopt;
    if (std::string{reinterpret_cast<const char*>(found_family)} != family) return std::nullopt;
    return std::filesystem::path{reinterpret_cast<const char*>(file)};
}

}  // namespace

FontFiles locate_fonts(const std::filesystem::path& fonts_dir) {
    if (auto fonts = from_folder(fonts_dir)) return *fonts;
    if (!FcInit()) throw FontError{"fontconfig could not start; install the fontconfig package"};
    for (const char* family : {"Inter", "DejaVu Sans"}) {
        const auto regular = match(family, FC_WEIGHT_REGULAR);
        if (!regular) continue;
        const auto bold = match(family, FC_WEIGHT_BOLD);
        return FontFiles{*regular, bold.value_or(*regular), family};
    }
    throw FontError{"no usable font found: install fonts-inter (or fonts-dejavu-core), or put a "
                    ".ttf or .otf file into " + fonts_dir.string()};
}

}  // namespace kiosk::ui
