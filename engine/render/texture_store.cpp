#include "render/texture_store.h"

#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <chrono>
#include <limits>

#include "render/mip_chain.h"

namespace vitrine::render {

namespace {
constexpr std::size_t kBytesPerPixel = 4;
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

}  // namespace

// One image on its way to (or on) the GPU. Level 0 comes from the decoder; each smaller
// level is computed from the one before, band by band, and uploaded as it is made.
struct TextureStore::Entry {
    std::unique_ptr<sf::Texture> texture;
    std::shared_ptr<const RgbaImage> image;  // level 0, kept until the upload finishes
    RgbaImage previousLevel, currentLevel;   // CPU copies of the mip levels being made
    int level = 0;
    int levelCount = 1;
    int rowsDone = 0;  // rows of `level` uploaded
    bool complete = false;
    bool refused = false;
    std::uint64_t lastUsed = 0;
    std::size_t bytes = 0;
};

TextureStore::TextureStore(ImageCache& cache, TextureStoreOptions options) : cache_(cache), options_(options) {}
TextureStore::~TextureStore() = default;

void TextureStore::beginFrame() {
    budgetLeft_ = options_.uploadBytesPerFrame;
    ++frame_;
}

void TextureStore::advanceUpload(Entry& e, std::size_t budget) {
    const RgbaImage& base = *e.image;
    if (!e.texture) {
        e.texture = std::make_unique<sf::Texture>();
        if (!e.texture->create(static_cast<unsigned>(base.width), static_cast<unsigned>(base.height))) {
            e.texture.reset();
            e.image.reset();
            e.refused = true;
            return;
        }
        e.texture->setSmooth(true);
        e.levelCount = options_.mipmaps ? mipLevelCount(base.width, base.height) : 1;
        // A full mip chain adds a third to the base level.
        e.bytes = base.bytes() + (e.levelCount > 1 ? base.bytes() / 3 : 0);
        bytesHeld_ += e.bytes;
    }
    BoundTexture bound(*e.texture);
    while (budget > 0 && !e.complete) {
        const RgbaImage& source = e.level == 0 ? base : e.currentLevel;
        if (e.level > 0 && e.rowsDone == 0 && e.currentLevel.pixels.empty()) {
            // Start a new level: size it and give the GPU its storage.
            const RgbaImage& larger = e.level == 1 ? base : e.previousLevel;
            e.currentLevel.width = std::max(1, larger.width / 2);
            e.currentLevel.height = std::max(1, larger.height / 2);
            e.currentLevel.pixels.assign(static_cast<std::size_t>(e.currentLevel.width) * e.currentLevel.height * kBytesPerPixel, 0);
            glTexImage2D(GL_TEXTURE_2D, e.level, GL_RGBA, e.currentLevel.width, e.currentLevel.height, 0, GL_RGBA,
                         GL_UNSIGNED_BYTE, nullptr);
        }
        const int width = e.level == 0 ? base.width : e.currentLevel.width;
        const int height = e.level == 0 ? base.height : e.currentLevel.height;
        const std::size_t rowBytes = static_cast<std::size_t>(width) * kBytesPerPixel;
        // At least one row a frame, so even a tiny budget makes progress.
        const std::size_t rowsLeft = static_cast<std::size_t>(height - e.rowsDone);
        int rows = static_cast<int>(std::clamp<std::size_t>(budget / rowBytes, 1, rowsLeft));
        if (e.level > 0) downsampleRows(e.level == 1 ? base : e.previousLevel, e.currentLevel, e.rowsDone, rows);
        glTexSubImage2D(GL_TEXTURE_2D, e.level, 0, e.rowsDone, width, rows, GL_RGBA, GL_UNSIGNED_BYTE,
                        source.pixels.data() + rowBytes * static_cast<std::size_t>(e.rowsDone));
        e.rowsDone += rows;
        std::size_t spent = rowBytes * static_cast<std::size_t>(rows);
        budget -= std::min(budget, spent);
        budgetLeft_ -= std::min(budgetLeft_, spent);
        if (e.rowsDone < height) continue;
        // Level finished.
        ++e.level;
        e.rowsDone = 0;
        if (e.level > 1) e.previousLevel = std::move(e.currentLevel);
        e.currentLevel = RgbaImage{};
        if (e.level >= e.levelCount) {
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, e.levelCount - 1);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, e.levelCount > 1 ? GL_LINEAR_MIPMAP_LINEAR : GL_LINEAR);
            e.complete = true;
            e.image.reset();  // the pixels live on the GPU now
            e.previousLevel = RgbaImage{};
        }
    }
}

TextureLookup TextureStore::refuse(const std::string& key) {
    if (auto it = entries_.find(key); it != entries_.end()) {
        if (it->second->texture) bytesHeld_ -= it->second->bytes;
        entries_.erase(it);
    }
    failures_[key] = kRefused;
    return {nullptr, true, kRefused};
}

TextureLookup TextureStore::get(const std::filesystem::path& path) {
    const std::string key = path.string();
    if (auto f = failures_.find(key); f != failures_.end()) return {nullptr, true, f->second};
    auto& slot = entries_[key];
    if (!slot) slot = std::make_unique<Entry>();
    Entry& e = *slot;
    e.lastUsed = frame_;
    if (e.complete) return {e.texture.get(), false, {}};
    if (!e.image) {
        ImageLookup l = cache_.lookup(path);
        if (l.state == ImageState::Failed) {
            entries_.erase(key);
            failures_[key] = l.error;
            return {nullptr, true, l.error};
        }
        if (l.state != ImageState::Ready) return {};
        e.image = l.image;
    }
    if (budgetLeft_ > 0) advanceUpload(e, budgetLeft_);
    if (e.refused) return refuse(key);
    bool complete = e.complete;
    const sf::Texture* texture = e.texture.get();
    evictIfNeeded();
    return complete ? TextureLookup{texture, false, {}} : TextureLookup{};
}

TextureLookup TextureStore::getComplete(const std::filesystem::path& path) {
    const std::string key = path.string();
    if (auto f = failures_.find(key); f != failures_.end()) return {nullptr, true, f->second};
    if (auto it = entries_.find(key); it != entries_.end() && it->second->complete) {
        it->second->lastUsed = frame_;
        return {it->second->texture.get(), false, {}};
    }
    ImageLookup l = cache_.waitFor(path, kStillDecodeTimeout);
    if (l.state != ImageState::Ready) {
        std::string why = l.state == ImageState::Failed ? l.error : "decoding took too long";
        failures_[key] = why;
        entries_.erase(key);
        return {nullptr, true, why};
    }
    auto& slot = entries_[key];
    if (!slot) slot = std::make_unique<Entry>();
    Entry& e = *slot;
    e.lastUsed = frame_;
    if (!e.image) e.image = l.image;
    while (!e.complete && !e.refused) advanceUpload(e, std::numeric_limits<std::size_t>::max() / 2);
    if (e.refused) return refuse(key);
    const sf::Texture* texture = e.texture.get();
    evictIfNeeded();
    return {texture, false, {}};
}

void TextureStore::invalidate(const std::filesystem::path& path) {
    const std::string key = path.string();
    failures_.erase(key);
    if (auto it = entries_.find(key); it != entries_.end()) {
        if (it->second->texture) bytesHeld_ -= it->second->bytes;
        entries_.erase(it);
    }
}

void TextureStore::evictIfNeeded() {
    while (bytesHeld_ > options_.memoryBudgetBytes) {
        auto victim = entries_.end();
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            if (it->second->lastUsed == frame_ || !it->second->texture) continue;  // drawn this frame
            if (victim == entries_.end() || it->second->lastUsed < victim->second->lastUsed) victim = it;
        }
        if (victim == entries_.end()) return;
        bytesHeld_ -= victim->second->bytes;
        entries_.erase(victim);
    }
}

}  // namespace vitrine::render
