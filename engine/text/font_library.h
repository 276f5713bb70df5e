#pragma once
// The fonts an exhibit may use, and which of them draws each character.
// SFML 2.5 has no font fallback, so the choice of face per code point is made here,
// with the same FreeType settings SFML uses, so measured text is drawn text.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diag/diagnostic.h"

struct FT_LibraryRec_;
struct FT_FaceRec_;

namespace vitrine::text {

/// Index of one font file in a FontLibrary; stable for the library's lifetime.
using FontFaceId = int;

/// What a font file is, as read from its name table and style flags.
struct FontFaceInfo {
    std::filesystem::path path;  // the file; the renderer loads the same file into sf::Font
    std::string stem;            // file name without extension, e.g. "NotoSerif-Italic"
    std::string family;          // FreeType family name, e.g. "Noto Serif"
    bool bold = false;
    bool italic = false;
};

/// Vertical metrics of a face at one pixel size, in whole pixels as SFML reports them.
struct LineMetrics {
    float ascent = 0;       // baseline to top of the tallest glyphs (positive)
    float descent = 0;      // baseline to bottom of the deepest glyphs (positive)
    float lineSpacing = 0;  // the face's natural line pitch (sf::Font::getLineSpacing)
};

/// The bundled fonts directory of this source tree (assets/fonts).
std::filesystem::path bundledFontsDirectory();

/// Loads every .ttf/.otf file of a directory and answers which face draws a character
/// for a family and style, and how wide it is at a pixel size. Not thread-safe: give each
/// thread its own library (FreeType faces carry a current size).
class FontLibrary {
public:
    /// Loads the fonts in `directory`; files that fail to open are reported in diagnostics().
    explicit FontLibrary(const std::filesystem::path& directory);
    ~FontLibrary();
    FontLibrary(FontLibrary&&) noexcept;
    FontLibrary& operator=(FontLibrary&&) noexcept;
    FontLibrary(const FontLibrary&) = delete;
    FontLibrary& operator=(const FontLibrary&) = delete;

    /// Problems met while loading (unreadable directory or font files).
    const Diagnostics& diagnostics() const { return diagnostics_; }

    /// Number of faces loaded; ids run from 0 to faceCount() - 1.
    int faceCount() const { return static_cast<int>(faces_.size()); }

    /// Description of a face; `id` must be in range.
    const FontFaceInfo& info(FontFaceId id) const { return faces_.at(static_cast<std::size_t>(id)).info; }

    /// The font file of a face, for loading it into the renderer.
    const std::filesystem::path& path(FontFaceId id) const { return info(id).path; }

    /// Whether `family` names something this library can resolve: "serif", "sans", a
    /// FreeType family name ("Noto Serif") or a file stem ("NotoSans-Bold"), case-insensitive.
    bool knowsFamily(std::string_view family) const;

    /// Faces to try, best first, for a family and style: the family's own face in the
    /// nearest style, its script companions (e.g. Noto Serif Armenian), DejaVu Sans, then
    /// every other face. Unknown families resolve as "serif". Empty only if no font loaded.
    std::vector<FontFaceId> fallbackChain(std::string_view family, bool bold, bool italic) const;

    /// The first face of fallbackChain() that has a glyph for `codepoint`, or the chain's
    /// first face (which draws its "missing" box) when none has; -1 if no font loaded.
    FontFaceId faceFor(std::string_view family, bool bold, bool italic, char32_t codepoint) const;

    /// Whether the face has its own glyph (not the "missing" box) for `codepoint`.
    bool hasGlyph(FontFaceId id, char32_t codepoint) const;

    /// Horizontal advance of `codepoint` at `sizePx`, exactly as sf::Font::getGlyph reports it.
    float advance(FontFaceId id, char32_t codepoint, unsigned sizePx) const;

    /// Kerning between two characters of one face at `sizePx`, as sf::Font::getKerning reports it.
    float kerning(FontFaceId id, char32_t first, char32_t second, unsigned sizePx) const;

    /// Ascent, descent and natural line spacing of a face at `sizePx`.
    LineMetrics lineMetrics(FontFaceId id, unsigned sizePx) const;

private:
    struct LibraryDeleter {
        void operator()(FT_LibraryRec_* library) const;
    };
    struct FaceDeleter {
        void operator()(FT_FaceRec_* face) const;
    };
    struct Face {
        FontFaceInfo info;
        std::unique_ptr<FT_FaceRec_, FaceDeleter> handle;
    };

    bool selectSize(FontFaceId id, unsigned sizePx) const;
    FontFaceId bestStyleOf(std::string_view family, bool bold, bool italic) const;
    std::vector<std::string> familiesFor(std::string_view family) const;

    // Declared before faces_ so it is destroyed after them: FreeType requires it.
    std::unique_ptr<FT_LibraryRec_, LibraryDeleter> library_;
    std::vector<Face> faces_;
    Diagnostics diagnostics_;
    // Advances are looked up for every character laid out; loading a hinted glyph each
    // time would dominate layout, so they are remembered per (face, size, code point).
    mutable std::unordered_map<std::uint64_t, float> advanceCache_;
};

}  // namespace vitrine::text
