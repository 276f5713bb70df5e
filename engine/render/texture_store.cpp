#include "render/texture_store.h"

#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <limits>
#include <utility>

#include "render/mip_chain.h"

namespace vitrine::render {

namespace {
constexpr std::size_t kBytesPerPixel = 4;
// Bytes of work per byte of a mip level's row: the row written and uploaded, and the two
// rows twice as wide that it averages.
constexpr std::size_t kMipRowCost = 5;
constexpr const char* kRefused = "the graphics card refused a texture of this size";
// A still waits this long for one image to decode before showing its placeholder.
constexpr std::chrono::milliseconds kStillDecodeTimeout{60'000};

#ifndef GL_TEXTURE_MAX_LEVEL
constexpr GLenum GL_TEXTURE_MAX_LEVEL = 0x813D;
#endif

// Binds a texture for raw GL calls and restores the previous binding, so SFML's cache of
// the bound texture stays true (the same thing SFML does inside sf::Texture).
class BoundTexture {
public:
    explicit BoundTexture(const sf::Texture& t) {
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous_);
        glBindTexture(GL_TEXTURE_2D, t.getNativeHandle());
    }
    ~BoundTexture() { glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous_)); }
    BoundTexture(const BoundTexture&) = delete;
    BoundTexture& operator=(const BoundTexture&) = delete;

private:
    GLint previous_ = 0;
};

bool rowsOpaque(const RgbaView& view, int firstRow, int rowCount) {
    constexpr std::uint8_t kOpaqueAlpha = 255;
    for (int y = firstRow; y < firstRow + rowCount; ++y) {
        const std::uint8_t* row = view.row(y);
        for (int x = 0; x < view.width; ++x)
            if (row[x * RgbaImage::kChannels + RgbaImage::kChannels - 1] != kOpaqueAlpha) return false;
    }
    return true;
}

}  // namespace

// One image on its way to (or on) the GPU, a tile at a time. Each tile's level 0 is
// uploaded from the decoded image in place (no copy cut out: that was a frame's worth of
// work at once); each smaller level is computed from the one before, band by band, and
// uploaded as it is made.
struct TextureStore::Entry {
    TiledTexture tiled;
    std::shared_ptr<const RgbaImage> image;  // kept until the upload finishes
    int tile = -1;                            // the tile being uploaded
    bool tileStarted = false;  // the tile's texture exists
    // The two mip levels being computed; their buffers are kept from tile to tile, so
    // each tile does not fault fresh pages in.
    RgbaImage previousLevel, currentLevel;
    bool levelStarted = false;  // currentLevel is sized for `level`
    int level = 0;
    int levelCount = 1;
    int rowsDone = 0;  // rows of `level` uploaded
    bool complete = false;
    bool refused = false;
    std::uint64_t lastUsed = 0;
    std::size_t bytes = 0;

    /// The next step gives the GPU a tile's storage, every level at once: a software
    /// renderer took 0.7 ms for a 512-pixel tile, against 0.05 ms to fill 128 KB of it.
    bool nextStepAllocates() const { return !tileStarted; }
};

void useMipmaps(const TiledTexture& picture, bool on) {
    for (const auto& tile : picture.tiles) {
        const bool wanted = on && tile->mipLevels > 1;
        if (tile->mipmapFiltering == wanted) continue;
        BoundTexture bound(tile->texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, wanted ? GL_LINEAR_MIPMAP_LINEAR : GL_LINEAR);
        tile->mipmapFiltering = wanted;
    }
}

void warmPictureSampling(sf::RenderTarget& target) {
    sf::Texture swatch;
    if (!swatch.create(2, 2)) return;
    swatch.setSmooth(true);
    {
        BoundTexture bound(swatch);
        const std::uint8_t clear[kBytesPerPixel] = {};
        glTexImage2D(GL_TEXTURE_2D, 1, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, clear);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 1);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    }
    // Two texels to one pixel, so the mip level is read; no opacity, so nothing shows.
    const sf::Vertex quad[] = {sf::Vertex({0, 0}, sf::Color::Transparent, {0, 0}),
                               sf::Vertex({1, 0}, sf::Color::Transparent, {2, 0}),
                               sf::Vertex({0, 1}, sf::Color::Transparent, {0, 2}),
                               sf::Vertex({1, 1}, sf::Color::Transparent, {2, 2})};
    sf::RenderStates states;
    states.texture = &swatch;
    const sf::View view = target.getView();
    target.setView(target.getDefaultView());
    target.draw(quad, std::size(quad), sf::TriangleStrip, states);
    target.setView(view);
}

void TextureStore::charge(std::size_t& budget, std::size_t bytes) {
    budget -= std::min(budget, bytes);
    budgetLeft_ -= std::min(budgetLeft_, bytes);
}

TextureStore::TextureStore(ImageCache& cache, TextureStoreOptions options) : cache_(cache), options_(options) {}
TextureStore::~TextureStore() = default;

void TextureStore::beginFrame() {
    beginUploadsBetweenFrames(options_.uploadTimePerFrame);
    ++frame_;
}

void TextureStore::beginUploadsBetweenFrames(std::chrono::microseconds time) {
    budgetLeft_ = options_.uploadBytesPerFrame;
    uploadDeadline_ = Clock::now() + std::max(time, std::chrono::microseconds{0});
    stepsThisFrame_ = 0;
}

void TextureStore::layOutTiles(Entry& e) {
    if (e.tile >= 0) return;
    // Their textures are made one by one as their turn comes.
    const RgbaImage& base = *e.image;
    const int size = std::max(64, options_.tileSize);
    e.tiled.width = base.width;
    e.tiled.height = base.height;
    e.tiled.opaque = true;  // until a tile shows otherwise
    for (int y = 0; y < base.height; y += size)
        for (int x = 0; x < base.width; x += size) {
            auto t = std::make_unique<TextureTile>();
            t->x = x, t->y = y, t->width = std::min(size, base.width - x), t->height = std::min(size, base.height - y);
            e.tiled.tiles.push_back(std::move(t));
        }
    e.bytes = base.bytes() + (options_.mipmaps ? base.bytes() / 3 : 0);
    bytesHeld_ += e.bytes;
    e.tile = 0;
    evictIfNeeded();  // where the bytes grow, whichever way the upload was asked for
}

void TextureStore::advanceUpload(Entry& e) {
    layOutTiles(e);
    // Step by step, so the deadline is seen before the work overruns it by much (the
    // renderer may ask for a picture more than once a frame); new storage only as a
    // frame's first step, so one frame never pays for it and a full share of rows too.
    while (budgetLeft_ > 0 && !e.complete && !e.refused) {
        if (stepsThisFrame_ > 0 && (e.nextStepAllocates() || Clock::now() >= uploadDeadline_)) break;
        std::size_t step = std::min(budgetLeft_, std::max<std::size_t>(1, options_.uploadStepBytes));
        advanceTile(e, step);
        ++stepsThisFrame_;
    }
}

void TextureStore::finishUpload(Entry& e) {
    layOutTiles(e);
    while (!e.complete && !e.refused) {
        std::size_t unlimited = std::numeric_limits<std::size_t>::max() / 2;
        advanceTile(e, unlimited);
    }
}

void TextureStore::advanceTile(Entry& e, std::size_t& budget) {
    const RgbaImage& base = *e.image;
    TextureTile& tile = *e.tiled.tiles[static_cast<std::size_t>(e.tile)];
    if (!e.tileStarted) {
        if (!tile.texture.create(static_cast<unsigned>(tile.width), static_cast<unsigned>(tile.height))) {
            e.refused = true;
            e.image.reset();
            return;
        }
        tile.texture.setSmooth(true);
        e.tileStarted = true;
        e.levelCount = options_.mipmaps ? mipLevelCount(tile.width, tile.height) : 1;
        // Every level's storage now: given later, after level 0 held pixels, the first
        // level's took llvmpipe about a millisecond; given with the tile, too little to measure.
        BoundTexture bound(tile.texture);
        for (int level = 1, w = tile.width, h = tile.height; level < e.levelCount; ++level) {
            w = std::max(1, w / 2), h = std::max(1, h / 2);
            glTexImage2D(GL_TEXTURE_2D, level, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        }
        // Giving the texture its storage is this frame's share of the work.
        charge(budget, budget);
        return;
    }
    const RgbaView level0 = viewOf(base, tile.x, tile.y, tile.width, tile.height);
    BoundTexture bound(tile.texture);
    if (e.level > 0 && !e.levelStarted) {
        // Start a new level: size its buffer (every row is computed before it is uploaded).
        const int largerWidth = e.level == 1 ? level0.width : e.previousLevel.width;
        const int largerHeight = e.level == 1 ? level0.height : e.previousLevel.height;
        e.currentLevel.width = std::max(1, largerWidth / 2);
        e.currentLevel.height = std::max(1, largerHeight / 2);
        e.currentLevel.pixels.resize(static_cast<std::size_t>(e.currentLevel.width) * e.currentLevel.height * kBytesPerPixel);
        e.levelStarted = true;
    }
    const RgbaView source = e.level == 0 ? level0 : viewOf(e.currentLevel);
    const std::size_t rowBytes = static_cast<std::size_t>(source.width) * kBytesPerPixel;
    // At least one row a call, so even a tiny budget makes progress.
    const std::size_t rowsLeft = static_cast<std::size_t>(source.height - e.rowsDone);
    // A smaller level's row also reads two rows of the level above it.
    const std::size_t rowCost = rowBytes * (e.level > 0 ? kMipRowCost : 1);
    const int rows = static_cast<int>(std::clamp<std::size_t>(budget / rowCost, 1, rowsLeft));
    if (e.level == 0 && e.tiled.opaque) e.tiled.opaque = rowsOpaque(source, e.rowsDone, rows);
    if (e.level > 0) downsampleRows(e.level == 1 ? level0 : viewOf(e.previousLevel), e.currentLevel, e.rowsDone, rows);
    // Rows of level 0 lie inside the whole image's rows: say how long those are.
    glPixelStorei(GL_UNPACK_ROW_LENGTH, static_cast<GLint>(source.rowBytes / kBytesPerPixel));
    glTexSubImage2D(GL_TEXTURE_2D, e.level, 0, e.rowsDone, source.width, rows, GL_RGBA, GL_UNSIGNED_BYTE,
                    source.row(e.rowsDone));
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    e.rowsDone += rows;
    charge(budget, rowCost * static_cast<std::size_t>(rows));
    if (e.rowsDone < source.height) return;
    // Level finished.
    ++e.level;
    e.rowsDone = 0;
    e.levelStarted = false;
    if (e.level > 1) std::swap(e.previousLevel, e.currentLevel);
    if (e.level < e.levelCount) return;
    // Tile finished.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, e.levelCount - 1);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, e.levelCount > 1 ? GL_LINEAR_MIPMAP_LINEAR : GL_LINEAR);
    tile.mipLevels = e.levelCount;
    tile.mipmapFiltering = e.levelCount > 1;
    e.level = 0;
    e.tileStarted = false;
    if (++e.tile >= static_cast<int>(e.tiled.tiles.size())) {
        e.complete = true;
        e.image.reset();  // the pixels live on the GPU now
        e.previousLevel = RgbaImage{};
        e.currentLevel = RgbaImage{};
    }
}

TextureLookup TextureStore::refuse(const std::string& key) {
    if (auto it = entries_.find(key); it != entries_.end()) {
        bytesHeld_ -= it->second->bytes;
        entries_.erase(it);
    }
    failures_[key] = Error{kRefused};
    return {nullptr, failures_[key]};
}

std::string TextureStore::keyOf(const std::filesystem::path& path, ImageDrawSize drawSize) {
    std::string key = path.string();
    // '\n' cannot end a path the show names, so invalidate() finds every size of a file.
    if (drawSize.known())
        key += '\n' + std::to_string(drawSize.width) + 'x' + std::to_string(drawSize.height) + (drawSize.cover ? 'c' : 'f');
    return key;
}

TextureStore::Entry* TextureStore::decodedEntry(const std::string& key, const std::filesystem::path& path,
                                                ImageDrawSize drawSize) {
    auto& slot = entries_[key];
    if (!slot) slot = std::make_unique<Entry>();
    Entry& e = *slot;
    e.lastUsed = frame_;
    if (e.complete || e.image) return &e;
    ImageLookup l = cache_.lookup(path, drawSize);
    if (l.state == ImageState::Failed) {
        entries_.erase(key);
        failures_[key] = *l.error;
        return nullptr;
    }
    if (l.state == ImageState::Ready) e.image = l.image;
    return &e;
}

TextureLookup TextureStore::find(const std::filesystem::path& path, ImageDrawSize drawSize, bool upload) {
    const std::string key = keyOf(path, drawSize);
    if (auto f = failures_.find(key); f != failures_.end()) return {nullptr, f->second};
    Entry* e = decodedEntry(key, path, drawSize);
    if (!e) return {nullptr, failures_[key]};
    if (upload && !e->complete && e->image) {
        advanceUpload(*e);
        if (e->refused) return refuse(key);
    }
    if (e->complete) return {&e->tiled, std::nullopt};
    return {};
}

void TextureStore::prepare(const std::filesystem::path& path, ImageDrawSize drawSize) { find(path, drawSize, true); }

TextureLookup TextureStore::get(const std::filesystem::path& path, ImageDrawSize drawSize) {
    return find(path, drawSize, true);
}

TextureLookup TextureStore::lookup(const std::filesystem::path& path, ImageDrawSize drawSize) {
    return find(path, drawSize, false);
}

TextureLookup TextureStore::getComplete(const std::filesystem::path& path, ImageDrawSize drawSize) {
    const std::string key = keyOf(path, drawSize);
    if (auto f = failures_.find(key); f != failures_.end()) return {nullptr, f->second};
    if (auto it = entries_.find(key); it != entries_.end() && it->second->complete) {
        it->second->lastUsed = frame_;
        return {&it->second->tiled, std::nullopt};
    }
    ImageLookup l = cache_.waitFor(path, kStillDecodeTimeout, drawSize);
    if (l.state != ImageState::Ready) {
        Error why = l.state == ImageState::Failed ? *l.error : Error{"decoding took too long"};
        failures_[key] = why;
        entries_.erase(key);
        return {nullptr, why};
    }
    auto& slot = entries_[key];
    if (!slot) slot = std::make_unique<Entry>();
    Entry& e = *slot;
    e.lastUsed = frame_;
    if (!e.image) e.image = l.image;
    finishUpload(e);
    if (e.refused) return refuse(key);
    return {&e.tiled, std::nullopt};
}

void TextureStore::invalidate(const std::filesystem::path& path) {
    const std::string name = path.string();
    auto ofPath = [&](const std::string& key) {
        return key.compare(0, name.size(), name) == 0 && (key.size() == name.size() || key[name.size()] == '\n');
    };
    std::erase_if(failures_, [&](const auto& f) { return ofPath(f.first); });
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (!ofPath(it->first)) {
            ++it;
            continue;
        }
        bytesHeld_ -= it->second->bytes;
        it = entries_.erase(it);
    }
}

void TextureStore::evictIfNeeded() {
    while (bytesHeld_ > options_.memoryBudgetBytes) {
        auto victim = entries_.end();
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            if (it->second->lastUsed == frame_ || it->second->tile < 0) continue;  // drawn this frame
            if (victim == entries_.end() || it->second->lastUsed < victim->second->lastUsed) victim = it;
        }
        if (victim == entries_.end()) return;
        bytesHeld_ -= victim->second->bytes;
        entries_.erase(victim);
    }
}

}  // namespace vitrine::render
