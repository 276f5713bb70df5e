#pragma once
// Everything a program needs to draw shows: fonts, glyph textures, decoded images and
// their GPU textures. One per render thread; shared by every FrameRenderer on it.

#include <filesystem>

#include "media/image_cache.h"
#include "render/text_drawer.h"
#include "render/texture_store.h"
#include "text/font_library.h"
#include "timeline/show.h"

namespace vitrine::render {

/// Owns the drawing resources of one GL context.
class RenderResources {
public:
    /// Loads fonts from `fontsDirectory`; images decode no larger than `maxImageDimension`.
    explicit RenderResources(const std::filesystem::path& fontsDirectory = text::bundledFontsDirectory(),
                             int maxImageDimension = 0);

    text::FontLibrary& fonts() { return fonts_; }
    TextDrawer& text() { return drawer_; }
    ImageCache& images() { return images_; }
    TextureStore& textures() { return textures_; }

    /// The longest image side worth decoding for a canvas: enough for a 3× pan-zoom,
    /// capped by what the GPU accepts.
    static int maxImageDimensionFor(const PixelSize& canvas);

private:
    text::FontLibrary fonts_;
    FontCache fontCache_;
    TextDrawer drawer_;
    ImageCache images_;
    TextureStore textures_;
};

}  // namespace vitrine::render
