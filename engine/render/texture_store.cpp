#include "render/texture_store.h"

#include <algorithm>
#include <chrono>
#include <limits>

namespace vitrine::render {

namespace {
constexpr std::size_t kBytesPerPixel = 4;
constexpr const char* kRefused = "the graphics card refused a texture of this size";
// A still waits this long for one image to decode before showing its placeholder.
constexpr std::chrono::milliseconds kStillDecodeTimeout{60'000};
}

TextureStore::TextureStore(ImageCache& cache, TextureStoreOptions options) : cache_(cache), options_(options) {}

void TextureStore::beginFrame() {
    budgetLeft_ = options_.uploadBytesPerFrame;
    ++frame_;
}

void TextureStore::advanceUpload(Entry& e, std::size_t budget) {
    const RgbaImage& img = *e.image;
    if (!e.texture) {
        e.texture = std::make_unique<sf::Texture>();
        if (!e.texture->create(static_cast<unsigned>(img.width), static_cast<unsigned>(img.height))) {
            e.texture.reset();
            e.image.reset();
            e.refused = true;
            return;
        }
        e.texture->setSmooth(true);
        e.bytes = img.bytes();
        bytesHeld_ += e.bytes;
    }
    std::size_t rowBytes = static_cast<std::size_t>(img.width) * kBytesPerPixel;
    // At least one row per frame, so even a tiny budget makes progress.
    unsigned rows = static_cast<unsigned>(std::max<std::size_t>(1, budget / std::max<std::size_t>(rowBytes, 1)));
    rows = std::min(rows, static_cast<unsigned>(img.height) - e.rowsUploaded);
    e.texture->update(img.pixels.data() + rowBytes * e.rowsUploaded, static_cast<unsigned>(img.width), rows, 0,
                      e.rowsUploaded);
    e.rowsUploaded += rows;
    budgetLeft_ -= std::min(budgetLeft_, rows * rowBytes);
    if (e.rowsUploaded >= static_cast<unsigned>(img.height)) {
        if (options_.mipmaps) e.texture->generateMipmap();
        e.complete = true;
        e.image.reset();  // the pixels live on the GPU now
    }
}

TextureLookup TextureStore::get(const std::filesystem::path& path) {
    const std::string key = path.string();
    if (auto f = failures_.find(key); f != failures_.end()) return {nullptr, true, f->second};
    Entry& e = entries_[key];
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
    if (e.refused) {
        entries_.erase(key);
        failures_[key] = kRefused;
        return {nullptr, true, kRefused};
    }
    evictIfNeeded();
    if (e.complete) return {e.texture.get(), false, {}};
    return {};
}

TextureLookup TextureStore::getComplete(const std::filesystem::path& path) {
    const std::string key = path.string();
    if (auto f = failures_.find(key); f != failures_.end()) return {nullptr, true, f->second};
    if (auto it = entries_.find(key); it != entries_.end() && it->second.complete) {
        it->second.lastUsed = frame_;
        return {it->second.texture.get(), false, {}};
    }
    ImageLookup l = cache_.waitFor(path, kStillDecodeTimeout);
    if (l.state != ImageState::Ready) {
        std::string why = l.state == ImageState::Failed ? l.error : "decoding took too long";
        failures_[key] = why;
        entries_.erase(key);
        return {nullptr, true, why};
    }
    Entry& e = entries_[key];
    e.lastUsed = frame_;
    e.image = l.image;
    while (!e.complete && e.image) advanceUpload(e, std::numeric_limits<std::size_t>::max() / 2);
    evictIfNeeded();
    if (!e.complete) {
        entries_.erase(key);
        failures_[key] = kRefused;
        return {nullptr, true, kRefused};
    }
    return {e.texture.get(), false, {}};
}

void TextureStore::evictIfNeeded() {
    while (bytesHeld_ > options_.memoryBudgetBytes) {
        auto victim = entries_.end();
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            if (it->second.lastUsed == frame_ || !it->second.texture) continue;  // drawn this frame
            if (victim == entries_.end() || it->second.lastUsed < victim->second.lastUsed) victim = it;
        }
        if (victim == entries_.end()) return;
        bytesHeld_ -= victim->second.bytes;
        entries_.erase(victim);
    }
}

}  // namespace vitrine::render
