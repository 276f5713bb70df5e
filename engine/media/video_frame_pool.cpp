#include "media/video_frame_pool.h"

namespace vitrine {

VideoFramePool::VideoFramePool(std::size_t capacity) : shelf_(std::make_shared<Shelf>()) {
    shelf_->capacity = capacity;
}

std::shared_ptr<VideoFrame> VideoFramePool::acquire(int width, int height) {
    std::unique_ptr<VideoFrame> frame;
    {
        std::lock_guard lock(shelf_->mutex);
        if (!shelf_->idle.empty()) {
            frame = std::move(shelf_->idle.back());
            shelf_->idle.pop_back();
        }
    }
    if (!frame) frame = std::make_unique<VideoFrame>();
    *frame = VideoFrame{0, 0, RgbaImage{width, height, std::move(frame->image.pixels)}};
    // Same size as before: no allocation and no fill; the converter writes every byte.
    frame->image.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * RgbaImage::kChannels);
    std::weak_ptr<Shelf> home = shelf_;
    return std::shared_ptr<VideoFrame>(frame.release(), [home](VideoFrame* released) {
        std::unique_ptr<VideoFrame> owned(released);
        if (auto shelf = home.lock()) {
            std::lock_guard lock(shelf->mutex);
            if (shelf->idle.size() < shelf->capacity) shelf->idle.push_back(std::move(owned));
        }
    });
}

std::size_t VideoFramePool::idleCount() const {
    std::lock_guard lock(shelf_->mutex);
    return shelf_->idle.size();
}

}  // namespace vitrine
