#pragma once
// Everything a program needs to draw shows: fonts, glyph textures, decoded images and
// their GPU textures, text layouts and map meshes. One per render thread; shared by every
// FrameRenderer on it, so a show that replaces another redoes only what changed.

#include <filesystem>

#include "captions/caption_cache.h"
#include "media/image_cache.h"
#include "render/map_mesh_store.h"
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
    MapMeshStore& mapMeshes() { return mapMeshes_; }
    /// Caption files as read: the preview's and the studio timeline's one cache of them.
    CaptionCache& captionFiles() { return captionFiles_; }

    /// The longest image side worth decoding for a canvas: enough for a 3× pan-zoom,
    /// capped by what the GPU accepts.
    static int maxImageDimensionFor(const PixelSize& canvas);

private:
    text::FontLibrary fonts_;
    FontCache fontCache_;
    TextDrawer drawer_;
    ImageCache images_;
    TextureStore textures_;
    MapMeshStore mapMeshes_;
    CaptionCache captionFiles_;
};

}  // namespace vitrine::render
