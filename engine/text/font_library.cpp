#include "text/font_library.h"

#include "base/asset_paths.h"

#include <algorithm>
#include <cctype>
#include <system_error>

#include <ft2build.h>
#include FT_FREETYPE_H

namespace vitrine::text {
namespace {

// SFML 2.5's sf::Font::loadGlyph uses exactly these flags; any other hinting would make
// our advances differ from what is drawn by a pixel here and there.
constexpr FT_Int32 kSfmlLoadFlags = FT_LOAD_TARGET_NORMAL | FT_LOAD_FORCE_AUTOHINT;
constexpr float kPixelsPer26Dot6 = 64.0f;

constexpr std::string_view kSerifAlias = "serif";
constexpr std::string_view kSansAlias = "sans";
constexpr std::string_view kSerifFamily = "Noto Serif";
constexpr std::string_view kSansFamily = "Noto Sans";
// Covers Latin, Armenian and Cyrillic in one face: the last resort before any other file.
constexpr std::string_view kLastResortFamily = "DejaVu Sans";

std::string lowercase(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

char lowered(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Without making lowercase copies: every layout asks for its fonts by family name, and the
// studio lays out again on every edit (the copies were a sixth of `vitrine check`'s time).
bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lowered(x) == lowered(y); });
}

bool startsWithIgnoreCase(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && equalsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool isFontFile(const std::filesystem::path& p) {
    const std::string ext = lowercase(p.extension().string());
    return ext == ".ttf" || ext == ".otf";
}

void appendUnique(std::vector<FontFaceId>& chain, FontFaceId id) {
    if (id >= 0 && std::find(chain.begin(), chain.end(), id) == chain.end()) chain.push_back(id);
}

}  // namespace

std::filesystem::path bundledFontsDirectory() {
    return assetsDirectory() / "fonts";
}

void FontLibrary::LibraryDeleter::operator()(FT_LibraryRec_* library) const { FT_Done_FreeType(library); }
void FontLibrary::FaceDeleter::operator()(FT_FaceRec_* face) const { FT_Done_Face(face); }

FontLibrary::FontLibrary(const std::filesystem::path& directory) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) {
        diagnostics_.error({directory.string()}, "freetype-init", "FreeType could not be initialised");
        return;
    }
    library_.reset(library);

    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && isFontFile(it->path())) files.push_back(it->path());
    }
    if (ec) {
        diagnostics_.error({directory.string()}, "font-directory-unreadable",
                           "cannot read the fonts directory: " + ec.message(),
                           "check that the directory exists and holds .ttf or .otf files");
        return;
    }
    // Directory order is arbitrary; sorted names make face ids and the last-resort
    // order the same on every machine.
    std::sort(files.begin(), files.end());

    for (const auto& file : files) {
        FT_Face face = nullptr;
        if (FT_New_Face(library_.get(), file.c_str(), 0, &face) != 0) {
            diagnostics_.error({file.string()}, "font-unreadable", "not a font FreeType can open");
            continue;
        }
        std::unique_ptr<FT_FaceRec_, FaceDeleter> handle(face);
        if (FT_Select_Charmap(face, FT_ENCODING_UNICODE) != 0) {
            diagnostics_.error({file.string()}, "font-no-unicode", "font has no Unicode character map");
            continue;
        }
        FontFaceInfo info;
        info.path = file;
        info.stem = file.stem().string();
        info.family = face->family_name ? face->family_name : info.stem;
        info.bold = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
        info.italic = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
        faces_.push_back(Face{std::move(info), std::move(handle)});
    }
    if (faces_.empty()) {
        diagnostics_.error({directory.string()}, "no-fonts", "no usable font in the fonts directory");
    }
}

FontLibrary::~FontLibrary() = default;
FontLibrary::FontLibrary(FontLibrary&&) noexcept = default;
FontLibrary& FontLibrary::operator=(FontLibrary&&) noexcept = default;

bool FontLibrary::knowsFamily(std::string_view family) const {
    if (equalsIgnoreCase(family, kSerifAlias) || equalsIgnoreCase(family, kSansAlias)) return true;
    return std::any_of(faces_.begin(), faces_.end(), [&](const Face& f) {
        return equalsIgnoreCase(f.info.family, family) || equalsIgnoreCase(f.info.stem, family);
    });
}

std::vector<std::string> FontLibrary::familiesFor(std::string_view family) const {
    std::string primary;
    if (equalsIgnoreCase(family, kSansAlias)) {
        primary = kSansFamily;
    } else if (equalsIgnoreCase(family, kSerifAlias) || !knowsFamily(family)) {
        primary = kSerifFamily;
    } else {
        primary = std::string(family);
        for (const auto& f : faces_) {
            if (equalsIgnoreCase(f.info.stem, family) || equalsIgnoreCase(f.info.family, family)) {
                primary = f.info.family;
                break;
            }
        }
    }
    // Script companions share the family name as a prefix ("Noto Serif Armenian"), so a
    // family's own design is preferred for every script it has a companion for.
    std::vector<std::string> families{primary};
    const std::string prefix = primary + " ";
    for (const auto& f : faces_) {
        if (startsWithIgnoreCase(f.info.family, prefix) &&
            std::find(families.begin(), families.end(), f.info.family) == families.end()) {
            families.push_back(f.info.family);
        }
    }
    families.emplace_back(kLastResortFamily);
    return families;
}

FontFaceId FontLibrary::bestStyleOf(std::string_view family, bool bold, bool italic) const {
    // Weight matters more than slant when the exact style is missing (Noto Serif Armenian
    // has no italic): a bold heading stays bold, an italic span falls back upright.
    constexpr int kWeightMatchScore = 2;
    constexpr int kSlantMatchScore = 1;
    FontFaceId best = -1;
    int bestScore = -1;
    for (FontFaceId id = 0; id < faceCount(); ++id) {
        const FontFaceInfo& fi = info(id);
        if (!equalsIgnoreCase(fi.family, family)) continue;
        const int score = (fi.bold == bold ? kWeightMatchScore : 0) + (fi.italic == italic ? kSlantMatchScore : 0);
        if (score > bestScore) {
            best = id;
            bestScore = score;
        }
    }
    return best;
}

std::vector<FontFaceId> FontLibrary::fallbackChain(std::string_view family, bool bold, bool italic) const {
    std::vector<FontFaceId> chain;
    // A file stem names one exact face; honour it before its family's styles.
    for (FontFaceId id = 0; id < faceCount(); ++id) {
        if (equalsIgnoreCase(info(id).stem, family)) appendUnique(chain, id);
    }
    for (const auto& name : familiesFor(family)) appendUnique(chain, bestStyleOf(name, bold, italic));
    for (FontFaceId id = 0; id < faceCount(); ++id) appendUnique(chain, id);
    return chain;
}

FontFaceId FontLibrary::faceFor(std::string_view family, bool bold, bool italic, char32_t codepoint) const {
    const auto chain = fallbackChain(family, bold, italic);
    if (chain.empty()) return -1;
    for (FontFaceId id : chain) {
        if (hasGlyph(id, codepoint)) return id;
    }
    return chain.front();
}

bool FontLibrary::hasGlyph(FontFaceId id, char32_t codepoint) const {
    return FT_Get_Char_Index(faces_.at(static_cast<std::size_t>(id)).handle.get(), codepoint) != 0;
}

bool FontLibrary::selectSize(FontFaceId id, unsigned sizePx) const {
    FT_Face face = faces_.at(static_cast<std::size_t>(id)).handle.get();
    // Same test as SFML's setCurrentSize: re-selecting the current size is not free.
    if (face->size && face->size->metrics.x_ppem == sizePx) return true;
    return FT_Set_Pixel_Sizes(face, 0, sizePx) == 0;
}

float FontLibrary::advance(FontFaceId id, char32_t codepoint, unsigned sizePx) const {
    constexpr int kFaceShift = 48;
    constexpr int kSizeShift = 32;
    constexpr std::uint64_t kSizeMask = 0xFFFF;
    const std::uint64_t key = (static_cast<std::uint64_t>(id) << kFaceShift) |
                              ((static_cast<std::uint64_t>(sizePx) & kSizeMask) << kSizeShift) | codepoint;
    if (auto it = advanceCache_.find(key); it != advanceCache_.end()) return it->second;

    float result = 0;
    FT_Face face = faces_.at(static_cast<std::size_t>(id)).handle.get();
    if (selectSize(id, sizePx) && FT_Load_Char(face, codepoint, kSfmlLoadFlags) == 0) {
        result = static_cast<float>(face->glyph->metrics.horiAdvance) / kPixelsPer26Dot6;
    }
    advanceCache_.emplace(key, result);
    return result;
}

float FontLibrary::kerning(FontFaceId id, char32_t first, char32_t second, unsigned sizePx) const {
    if (first == 0 || second == 0) return 0;
    FT_Face face = faces_.at(static_cast<std::size_t>(id)).handle.get();
    if (!FT_HAS_KERNING(face) || !selectSize(id, sizePx)) return 0;
    FT_Vector k{0, 0};
    FT_Get_Kerning(face, FT_Get_Char_Index(face, first), FT_Get_Char_Index(face, second), FT_KERNING_DEFAULT, &k);
    if (!FT_IS_SCALABLE(face)) return static_cast<float>(k.x);
    return static_cast<float>(k.x) / kPixelsPer26Dot6;
}

LineMetrics FontLibrary::lineMetrics(FontFaceId id, unsigned sizePx) const {
    LineMetrics m;
    if (!selectSize(id, sizePx)) return m;
    const FT_Size_Metrics& sm = faces_.at(static_cast<std::size_t>(id)).handle->size->metrics;
    m.ascent = static_cast<float>(sm.ascender) / kPixelsPer26Dot6;
    m.descent = -static_cast<float>(sm.descender) / kPixelsPer26Dot6;
    m.lineSpacing = static_cast<float>(sm.height) / kPixelsPer26Dot6;
    return m;
}

}  // namespace vitrine::text
