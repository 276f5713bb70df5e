#include "studio/waveform.h"

#include <algorithm>
#include <cmath>

#include "media/audio_decoder.h"
#include "media/background_thread.h"

namespace vitrine::studio {

float Waveform::peakIn(Micros from, Micros to) const {
    if (bucket <= 0 || peaks.empty()) return 0;
    const auto first = std::max<Micros>(0, from / bucket);
    const auto last = std::min<Micros>(static_cast<Micros>(peaks.size()), (to + bucket - 1) / bucket);
    float peak = 0;
    for (Micros i = first; i < last; ++i) peak = std::max(peak, peaks[static_cast<std::size_t>(i)]);
    return peak;
}

Result<Waveform> readWaveform(const std::filesystem::path& file, Micros bucket) {
    auto opened = AudioDecoder::open(file);
    if (!opened) return Error{"cannot read the sound " + file.filename().string() + ": " + opened.error().message};
    Waveform waveform;
    waveform.bucket = bucket;
    const std::size_t framesPerBucket = static_cast<std::size_t>(std::max<std::int64_t>(1, audioFramesIn(bucket)));
    std::vector<float> samples(framesPerBucket * kMixChannels);
    for (;;) {
        std::size_t frames = (*opened)->read(samples.data(), framesPerBucket);
        if (frames == 0) break;
        float peak = 0;
        for (std::size_t i = 0; i < frames * kMixChannels; ++i) peak = std::max(peak, std::fabs(samples[i]));
        waveform.peaks.push_back(std::min(peak, 1.0f));
        waveform.loudest = std::max(waveform.loudest, waveform.peaks.back());
        if (frames < framesPerBucket) break;
    }
    return waveform;
}

WaveformCache::~WaveformCache() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

std::shared_ptr<const Waveform> WaveformCache::get(const std::string& file) {
    std::lock_guard lock(mutex_);
    if (auto it = done_.find(file); it != done_.end()) return it->second;
    if (std::find(queue_.begin(), queue_.end(), file) == queue_.end()) {
        queue_.push_back(file);
        if (!worker_.joinable()) worker_ = std::thread([this] { work(); });
        wake_.notify_one();
    }
    return nullptr;
}

void WaveformCache::waitIdle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

void WaveformCache::work() {
    lowerThisThreadPriority();  // the frame is drawn first
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        if (stop_) return;
        std::string file = queue_.front();
        busy_ = true;
        lock.unlock();
        auto read = readWaveform(file);
        std::shared_ptr<const Waveform> waveform = read ? std::make_shared<const Waveform>(std::move(*read)) : nullptr;
        lock.lock();
        done_[file] = std::move(waveform);
        queue_.pop_front();
        busy_ = false;
        if (queue_.empty()) idle_.notify_all();
    }
}

}  // namespace vitrine::studio
