#include "render/render_resources.h"

#include <SFML/Graphics/Texture.hpp>

#include <algorithm>

namespace vitrine::render {
namespace {

constexpr int kPanZoomHeadroom = 3;

ImageCacheOptions cacheOptions(int maxDimension) {
    ImageCacheOptions o;
    if (maxDimension > 0) o.decode.maxDimension = maxDimension;
    return o;
}

}  // namespace

RenderResources::RenderResources(const std::filesystem::path& fontsDirectory, int maxImageDimension)
    : fonts_(fontsDirectory),
      drawer_(fonts_, fontCache_),
      images_(cacheOptions(maxImageDimension)),
      textures_(images_) {}

int RenderResources::maxImageDimensionFor(const PixelSize& canvas) {
    int wanted = std::max(canvas.width, canvas.height) * kPanZoomHeadroom;
    int gpu = static_cast<int>(sf::Texture::getMaximumSize());
    return gpu > 0 ? std::min(wanted, gpu) : wanted;
}

}  // namespace vitrine::render
