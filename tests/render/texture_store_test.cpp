// Images reach the GPU a budget at a time, and arrive whole and unchanged.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <vector>

#include "media/image_cache.h"
#include "media/image_decoder.h"
#include "media/media_test_files.h"
#include "render/texture_store.h"

using namespace vitrine;
using vitrine::test::TempDir;

TEST_CASE("texture store: a large image is uploaded over several frames within the budget, tile by tile, unchanged") {
    TempDir dir;
    REQUIRE(vitrine::test::makeTestPattern(dir / "pattern.png", 300, 200));
    sf::Context context;  // textures need a GL context
    ImageCache cache;
    REQUIRE(cache.waitFor(dir / "pattern.png", std::chrono::seconds(30)).ready());
    render::TextureStoreOptions options;
    options.tileSize = 128;
    options.uploadBytesPerFrame = 32 * 1024;  // far less than the image's 240 KB
    render::TextureStore store(cache, options);
    int frames = 0;
    const render::TiledTexture* texture = nullptr;
    constexpr int kEnoughFrames = 10'000;
    while (!texture && frames < kEnoughFrames) {
        store.beginFrame();
        render::TextureLookup l = store.get(dir / "pattern.png");
        REQUIRE_FALSE(l.failed());
        texture = l.texture;
        ++frames;
    }
    REQUIRE(texture);
    // 240 KB of pixels, each cut, uploaded, and a third more for the mip levels.
    CHECK(frames > 10);
    CHECK(texture->width == 300);
    CHECK(texture->height == 200);
    CHECK(texture->tiles.size() == 6);  // 3 × 2 tiles of 128
    CHECK(texture->opaque);

    // The last tile (bottom right, 44x72) holds exactly the image's pixels there.
    Result<DecodedImage> decoded = decodeImage(dir / "pattern.png");
    REQUIRE(decoded.ok());
    const render::TextureTile& tile = *texture->tiles.back();
    CHECK(tile.x == 256);
    CHECK(tile.y == 128);
    sf::Image uploaded = tile.texture.copyToImage();
    REQUIRE(uploaded.getSize() == sf::Vector2u(44, 72));
    int differing = 0;
    for (int y = 0; y < 72; ++y)
        for (int x = 0; x < 44; ++x) {
            const std::uint8_t* p = decoded->image.at(tile.x + x, tile.y + y);
            sf::Color c = uploaded.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(y));
            if (c.r != p[0] || c.g != p[1] || c.b != p[2] || c.a != p[3]) ++differing;
        }
    CHECK(differing == 0);

    // Every tile's mip levels are its own pixels averaged (the level buffers pass from
    // tile to tile): level 2 is each 4x4 block's mean, within the two roundings on the way.
    for (const auto& t : texture->tiles) {
        const int w = std::max(1, t->width / 4), h = std::max(1, t->height / 4);
        std::vector<std::uint8_t> level2(static_cast<std::size_t>(w) * h * 4);
        sf::Texture::bind(&t->texture);
        glGetTexImage(GL_TEXTURE_2D, 2, GL_RGBA, GL_UNSIGNED_BYTE, level2.data());
        int far = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                for (int channel = 0; channel < 4; ++channel) {
                    int sum = 0;
                    for (int dy = 0; dy < 4; ++dy)
                        for (int dx = 0; dx < 4; ++dx)
                            sum += decoded->image.at(std::min(t->x + 4 * x + dx, t->x + t->width - 1),
                                                     std::min(t->y + 4 * y + dy, t->y + t->height - 1))[channel];
                    const int got = level2[(static_cast<std::size_t>(y) * w + x) * 4 + channel];
                    if (std::abs(got - sum / 16.0) > 2) ++far;
                }
        CHECK_MESSAGE(far == 0, "tile at " << t->x << "," << t->y);
    }
    sf::Texture::bind(nullptr);
}

namespace {

// Frames until `path` is whole through get(), at most `limit`.
int framesUntilWhole(render::TextureStore& store, const std::filesystem::path& path, int limit = 10'000) {
    for (int frames = 1; frames <= limit; ++frames) {
        store.beginFrame();
        render::TextureLookup l = store.get(path);
        REQUIRE_FALSE(l.failed());
        if (l.texture) return frames;
    }
    return limit + 1;
}

// A 300x200 picture decoded and waiting in a cache, and store options that cut it into
// 6 tiles of 128 pixels.
struct DecodedPattern {
    TempDir dir;
    std::filesystem::path path = dir / "pattern.png";
    sf::Context context;  // textures need a GL context
    ImageCache cache;
    render::TextureStoreOptions options;
    DecodedPattern() {
        REQUIRE(vitrine::test::makeTestPattern(path, 300, 200));
        REQUIRE(cache.waitFor(path, std::chrono::seconds(30)).ready());
        options.tileSize = 128;
    }
};

}  // namespace

TEST_CASE("texture store: with no time to spare each frame makes a single step of upload") {
    DecodedPattern p;
    auto& options = p.options;
    auto& cache = p.cache;
    options.uploadBytesPerFrame = 64 * 1024;
    options.uploadStepBytes = 8 * 1024;
    render::TextureStore roomy(cache, options);
    options.uploadTimePerFrame = std::chrono::microseconds(0);
    render::TextureStore hurried(cache, options);
    const int roomyFrames = framesUntilWhole(roomy, p.path);
    const int hurriedFrames = framesUntilWhole(hurried, p.path);
    // 240 KB of level 0 alone is 30 steps of 8 KB, and each of the 6 tiles needs a frame to be made.
    CHECK(hurriedFrames >= 30 + 6);
    CHECK(hurriedFrames > 2 * roomyFrames);
    CHECK(hurriedFrames <= 10'000);
}

TEST_CASE("texture store: a picture prepared ahead is whole on the first frame that asks for it") {
    DecodedPattern p;
    auto& options = p.options;
    auto& cache = p.cache;
    const auto& dir = p.dir;
    options.uploadBytesPerFrame = 32 * 1024;
    render::TextureStore store(cache, options);
    // Not decoded (and never asked for): preparing it does nothing, and fails nothing.
    store.beginFrame();
    store.prepare(dir / "absent.png");
    CHECK(store.bytesHeld() == 0);

    // One frame of budget is not enough for the whole picture...
    render::TextureStore once(cache, options);
    once.beginFrame();
    once.prepare(dir / "pattern.png");
    once.beginFrame();
    CHECK_FALSE(once.get(dir / "pattern.png").texture);
    // ...but frames of preparing ahead are: the first frame that draws it has it whole.
    for (int frame = 0; frame < 200; ++frame) {
        store.beginFrame();
        store.prepare(dir / "pattern.png");
    }
    store.beginFrame();
    render::TextureLookup l = store.get(dir / "pattern.png");
    REQUIRE(l.texture);
    CHECK(l.texture->tiles.size() == 6);
}

TEST_CASE("texture store: a lookup never uploads, uploads between frames do, one step even with no time") {
    DecodedPattern p;
    p.options.uploadStepBytes = 8 * 1024;
    render::TextureStore store(p.cache, p.options);
    // Frames that only look it up leave it where it was: nothing on the GPU.
    for (int frame = 0; frame < 50; ++frame) {
        store.beginFrame();
        CHECK_FALSE(store.lookup(p.path).texture);
    }
    CHECK(store.bytesHeld() == 0);
    // With no time between frames each still makes one step, so the picture arrives...
    int frames = 0;
    for (; frames < 10'000 && !store.lookup(p.path).texture; ++frames) {
        store.beginFrame();
        store.beginUploadsBetweenFrames(std::chrono::microseconds(0));
        store.prepare(p.path);
    }
    CHECK(frames >= 30 + 6);  // 240 KB of level 0 in 8 KB steps, and a frame to make each of 6 tiles
    CHECK(frames < 10'000);
    // ...and a lookup then finds it whole.
    store.beginFrame();
    render::TextureLookup l = store.lookup(p.path);
    REQUIRE(l.texture);
    CHECK(l.texture->tiles.size() == 6);
    // A file that cannot be decoded is reported by a lookup as by get().
    const auto broken = p.dir / "broken.png";
    { std::ofstream(broken) << "not a picture"; }
    REQUIRE(p.cache.waitFor(broken, std::chrono::seconds(30)).state == ImageState::Failed);
    const render::TextureLookup failed = store.lookup(broken);
    REQUIRE(failed.failed());
    CHECK(failed.error->message.find("not an image") != std::string::npos);
}

TEST_CASE("texture store: uploads between frames keep to the memory budget, the least recently drawn going first") {
    DecodedPattern p;
    const auto second = p.dir / "second.png";
    REQUIRE(vitrine::test::makeTestPattern(second, 300, 200));
    REQUIRE(p.cache.waitFor(second, std::chrono::seconds(30)).ready());
    // Room for one 300x200 picture with its mip levels (240 KB + a third), not two.
    p.options.memoryBudgetBytes = 400 * 1024;
    render::TextureStore store(p.cache, p.options);
    // As the player does: frames only look pictures up; uploads come between frames.
    auto showUntilWhole = [&](const std::filesystem::path& path) {
        for (int frame = 0; frame < 10'000; ++frame) {
            store.beginFrame();
            if (store.lookup(path).texture) return true;
            store.beginUploadsBetweenFrames(std::chrono::milliseconds(50));
            store.prepare(path);
        }
        return false;
    };
    REQUIRE(showUntilWhole(p.path));
    REQUIRE(showUntilWhole(second));
    CHECK(store.bytesHeld() <= p.options.memoryBudgetBytes);
    store.beginFrame();
    CHECK(store.lookup(second).texture);
    CHECK_FALSE(store.lookup(p.path).texture);  // the first went, to be uploaded again if asked for
}

TEST_CASE("texture store: warming picture sampling leaves the target's pixels as they were") {
    sf::RenderTexture target;
    REQUIRE(target.create(8, 8));
    const sf::Color wall(40, 90, 160);
    target.clear(wall);
    render::warmPictureSampling(target);
    target.display();
    const sf::Image pixels = target.getTexture().copyToImage();
    int changed = 0;
    for (unsigned y = 0; y < 8; ++y)
        for (unsigned x = 0; x < 8; ++x) changed += pixels.getPixel(x, y) != wall;
    CHECK(changed == 0);
}
