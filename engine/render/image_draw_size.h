#pragma once
// How large an image item is ever drawn, so its picture is decoded no larger than that:
// a 24-megapixel scan shown on a 1080p wall needs a fraction of its pixels, and every pixel
// left out is one less to decode, upload, and sample each frame.

#include "media/image_cache.h"
#include "media/image_decoder.h"
#include "timeline/show.h"

namespace vitrine::render {

/// The draw size of `item`'s picture at `outputScale` output pixels per canvas pixel: its box
/// enlarged by its largest scale animation and divided by its tightest pan-zoom rectangle
/// (the smallest share of the picture shown at once). Unknown (full size) for anything but
/// an image whose fit depends on its box.
ImageDrawSize imageDrawSize(const Item& item, double outputScale);

/// Asks `images` to decode, ahead of need, every picture visible in [from, to] (wrapping when
/// `loop`), each at the draw size the renderer will ask for at `outputScale`, so the decode
/// ahead is the one drawn. Shared by the player and the studio's preview.
void prefetchImages(const Show& show, Micros from, Micros to, bool loop, double outputScale, ImageCache& images);

}  // namespace vitrine::render
