#include "output/offscreen.h"

#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <cstdio>
#include <system_error>

#include "timeline/evaluate.h"

namespace vitrine::output {

OffscreenRenderer::OffscreenRenderer(render::FrameRenderer& renderer, const Show& show, sf::Vector2u size)
    : show_(show), renderer_(renderer) {
    ok_ = target_.create(size.x, size.y);
}

void OffscreenRenderer::draw(Micros t) {
    // As the player shows it looping: past the end is a later pass, whose start fades from the last scene.
    renderer_.render(evaluateLooping(show_, t), target_, render::MediaWait::Always);
    target_.display();
}

sf::Image OffscreenRenderer::renderAt(Micros t) {
    draw(t);
    return target_.getTexture().copyToImage();
}

const std::vector<std::uint8_t>& OffscreenRenderer::renderPixelsAt(Micros t) {
    draw(t);
    const sf::Vector2u size = target_.getSize();
    pixels_.resize(static_cast<std::size_t>(size.x) * size.y * 4);
    // What copyToImage reads (the texture, same orientation), without its two fresh buffers.
    if (target_.setActive(true)) {
        sf::Texture::bind(&target_.getTexture());
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels_.data());
        sf::Texture::bind(nullptr);
        // A render texture's rows are stored bottom up (copyToImage turns them too).
        const std::size_t rowBytes = static_cast<std::size_t>(size.x) * 4;
        for (std::size_t top = 0, bottom = size.y - 1; top < bottom; ++top, --bottom)
            std::swap_ranges(pixels_.begin() + static_cast<std::ptrdiff_t>(top * rowBytes),
                             pixels_.begin() + static_cast<std::ptrdiff_t>((top + 1) * rowBytes),
                             pixels_.begin() + static_cast<std::ptrdiff_t>(bottom * rowBytes));
    }
    return pixels_;
}

std::optional<Error> savePngAtomically(const sf::Image& image, const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    // The temporary keeps the .png extension: SFML picks the format from it.
    fs::path temporary = path.parent_path() / ("." + path.stem().string() + ".partial.png");
    if (!image.saveToFile(temporary.string())) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return Error{"cannot write " + path.string()};
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) {
        fs::remove(temporary, ec);
        return Error{"cannot replace " + path.string() + ": " + ec.message()};
    }
    return std::nullopt;
}

}  // namespace vitrine::output
