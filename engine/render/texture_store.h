#pragma once
// GPU textures for decoded images. Uploads, mipmaps included, are spread over frames
// within a byte and a time budget, so a large scan arriving never stalls the frame it
// arrives in.

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "media/image_cache.h"

namespace vitrine::render {

/// One piece of a large image on the GPU, and where it sits in the image (pixels).
struct TextureTile {
    sf::Texture texture;
    int x = 0, y = 0, width = 0, height = 0;
    int mipLevels = 1;                     // levels on the GPU once the upload finished
    mutable bool mipmapFiltering = false;  // GL state: minification reads the mip levels
};

/// An image as GPU textures: tiles, so that no single allocation or upload is large
/// (a 5760x3840 texture took 80 ms just to allocate on a software renderer) and scans
/// beyond the GPU's maximum texture size still draw.
struct TiledTexture {
    int width = 0, height = 0;
    bool opaque = false;  // every pixel fully opaque, so what lies beneath it is hidden
    std::vector<std::unique_ptr<TextureTile>> tiles;
};

/// Chooses how `picture` is sampled: from its mip levels (drawn smaller than its pixels,
/// where they stop a slow zoom shimmering) or from full size alone. A magnified picture
/// never reads its mip levels, and leaving them off then spares a software renderer the
/// level-of-detail work on every pixel: the same pixels, about a fifth faster.
void useMipmaps(const TiledTexture& picture, bool on);

/// Draws, invisibly, a small picture as pictures are drawn (mipmapped, alpha blended), so a
/// software renderer compiles the code that samples pictures now rather than on the frame
/// the first picture appears (llvmpipe took 28 ms over that frame).
void warmPictureSampling(sf::RenderTarget& target);

/// What the renderer can draw for an image path right now.
struct TextureLookup {
    const TiledTexture* texture = nullptr;  // set when fully uploaded
    std::optional<Error> error;             // why it cannot be drawn, when it cannot

    bool failed() const { return error.has_value(); }
};

/// How much work a TextureStore may do.
struct TextureStoreOptions {
    /// Bytes of upload work per frame at most (pixels cut out, uploaded, and read to
    /// compute mip levels); one 1080p RGBA frame is 8 MB.
    std::size_t uploadBytesPerFrame = std::size_t{4} * 1024 * 1024;
    /// Time of upload work per frame: the byte budget is a ceiling, this fits it to how
    /// fast the GPU takes pixels (a software renderer took 4 MB in 2 to 6 ms, against
    /// 4 ms for a frame of text alone). At least one step is made every frame.
    std::chrono::microseconds uploadTimePerFrame{500};
    /// Bytes of one step of upload work: the clock is read between steps.
    std::size_t uploadStepBytes = std::size_t{128} * 1024;
    /// Textures kept on the GPU; the least recently drawn go first.
    std::size_t memoryBudgetBytes = std::size_t{1024} * 1024 * 1024;
    /// Build mipmaps, so slow zooms do not shimmer.
    bool mipmaps = true;
    /// Side of a tile in pixels: a tile's storage is given in one step, and a software
    /// renderer took 2.5 ms to give a 1024-pixel tile its 4 MB, 0.7 ms for 512 pixels.
    int tileSize = 512;
};

/// Owns the textures of one render thread (they belong to its GL context).
class TextureStore {
public:
    explicit TextureStore(ImageCache& cache, TextureStoreOptions options = {});
    ~TextureStore();
    TextureStore(const TextureStore&) = delete;
    TextureStore& operator=(const TextureStore&) = delete;

    /// Starts a frame: resets the upload budget.
    void beginFrame();
    /// The texture for `path` decoded for `drawSize`, advancing its upload within this frame's budget.
    TextureLookup get(const std::filesystem::path& path, ImageDrawSize drawSize = {});
    /// The texture for `path` if it is whole on the GPU, without uploading anything (the
    /// decode is asked for as by get()): for a frame whose uploads wait until it is shown.
    TextureLookup lookup(const std::filesystem::path& path, ImageDrawSize drawSize = {});
    /// Starts uploading between frames: a fresh byte budget and `time` from now (at least
    /// one step is always made), for prepare() calls once the frame is on screen.
    void beginUploadsBetweenFrames(std::chrono::microseconds time);
    /// Advances the upload of a decoded `path` as get() does, within what is left of the
    /// budget (one step always, the first since it began): for a picture on screen or
    /// about to be, so it is whole on its first frame.
    void prepare(const std::filesystem::path& path, ImageDrawSize drawSize = {});
    /// Waits for the decode and uploads completely, ignoring the budget: for stills and
    /// exports, where every frame must be whole.
    TextureLookup getComplete(const std::filesystem::path& path, ImageDrawSize drawSize = {});
    /// Bytes of textures held.
    std::size_t bytesHeld() const { return bytesHeld_; }
    /// Forgets `path` at every draw size (texture and failure), e.g. after the file changed.
    void invalidate(const std::filesystem::path& path);

private:
    struct Entry;
    static std::string keyOf(const std::filesystem::path& path, ImageDrawSize drawSize);
    using Clock = std::chrono::steady_clock;
    void layOutTiles(Entry& e);
    void advanceUpload(Entry& e);  // within this frame's budgets
    void finishUpload(Entry& e);   // all of it now
    void advanceTile(Entry& e, std::size_t& budget);
    void charge(std::size_t& budget, std::size_t bytes);
    Entry* decodedEntry(const std::string& key, const std::filesystem::path& path, ImageDrawSize drawSize);
    /// What get(), lookup() and prepare() share: the texture if whole, after advancing its
    /// upload within this frame's budgets when `upload`.
    TextureLookup find(const std::filesystem::path& path, ImageDrawSize drawSize, bool upload);
    void evictIfNeeded();
    TextureLookup refuse(const std::string& key);

    ImageCache& cache_;
    TextureStoreOptions options_;
    std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;
    std::unordered_map<std::string, Error> failures_;
    std::size_t budgetLeft_ = 0;
    Clock::time_point uploadDeadline_;
    int stepsThisFrame_ = 0;
    std::size_t bytesHeld_ = 0;
    std::uint64_t frame_ = 0;
};

}  // namespace vitrine::render
