#include "output/offscreen.h"

#include <cstdio>
#include <system_error>

#include "timeline/evaluate.h"

namespace vitrine::output {

OffscreenRenderer::OffscreenRenderer(const Show& show, render::RenderResources& resources, sf::Vector2u size)
    : show_(show), renderer_(show, resources.text(), resources.textures()) {
    ok_ = target_.create(size.x, size.y);
}

sf::Image OffscreenRenderer::renderAt(Micros t) {
    Frame frame = evaluate(show_, t);
    renderer_.render(frame, target_, render::MediaWait::Always);
    target_.display();
    return target_.getTexture().copyToImage();
}

std::optional<std::string> savePngAtomically(const sf::Image& image, const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    // The temporary keeps the .png extension: SFML picks the format from it.
    fs::path temporary = path.parent_path() / ("." + path.stem().string() + ".partial.png");
    if (!image.saveToFile(temporary.string())) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return "cannot write " + path.string();
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) {
        fs::remove(temporary, ec);
        return "cannot replace " + path.string() + ": " + ec.message();
    }
    return std::nullopt;
}

}  // namespace vitrine::output
