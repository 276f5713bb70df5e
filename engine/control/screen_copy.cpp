#include "control/screen_copy.h"

#include "media/thumbnail_png.h"

namespace vitrine::control {

ScreenCopy::ScreenCopy(MonotonicClock clock)
    : clock_(std::move(clock)), encoder_([this](std::stop_token stop) { encodeLoop(stop); }) {}

ScreenCopy::~ScreenCopy() {
    encoder_.request_stop();
    wake_.notify_all();
}

bool ScreenCopy::due() {
    const std::int64_t now = clock_();
    std::lock_guard lock(mutex_);
    // Nobody looking: no copies at all, so a player no one watches never pays for them.
    if (!lastAsked_ || now - *lastAsked_ > kWatchedFor || pending_) return false;
    return !lastCopied_ || now - *lastCopied_ >= kEvery;
}

void ScreenCopy::offer(const std::uint8_t* rgba, int width, int height) {
    const std::size_t bytes = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
    {
        std::lock_guard lock(mutex_);
        lastCopied_ = clock_();
        if (pending_ || !rgba || bytes == 0) return;
        pixels_.assign(rgba, rgba + bytes);
        width_ = width;
        height_ = height;
        pending_ = true;
    }
    wake_.notify_all();
}

std::string ScreenCopy::png() {
    std::lock_guard lock(mutex_);
    lastAsked_ = clock_();
    return png_;
}

void ScreenCopy::encodeLoop(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (wake_.wait(lock, stop, [this] { return pending_; })) {
        std::vector<std::uint8_t> pixels = std::move(pixels_);
        const int width = width_, height = height_;
        lock.unlock();
        std::string png = thumbnailPng(pixels.data(), width, height, kWidth);
        lock.lock();
        if (!png.empty()) png_ = std::move(png);
        pending_ = false;
    }
}

}  // namespace vitrine::control
