#include "audio/mixer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace vitrine {
namespace {

constexpr float kInt16Scale = 32767.0f;

std::int16_t toInt16(float sample) {
    const float scaled = std::clamp(sample, -1.0f, 1.0f) * kInt16Scale;
    return static_cast<std::int16_t>(std::lrint(scaled));
}

}  // namespace

Mixer::Mixer(const Show& show, MixerOptions options)
    : show_(show),
      options_(options),
      gainRampFrames_(audioFramesIn(options.gainRamp)),
      duckRampFrames_(audioFramesIn(options.duckRamp)) {}

Mixer::~Mixer() = default;

void Mixer::update(const std::vector<AudioCue>& cues, Micros showTime, std::optional<std::int64_t> heardFrame) {
    std::lock_guard lock(mutex_);
    pendingCues_.assign(cues.begin(), cues.end());
    pendingShowTime_ = showTime;
    pendingHeardFrame_ = heardFrame;
    hasPending_ = true;
}

Micros Mixer::audioPosition() const { return audioFramesDuration(framesMixed()); }

std::vector<MixerProblem> Mixer::takeProblems() {
    std::lock_guard lock(mutex_);
    return std::exchange(problems_, {});
}

void Mixer::report(int item, std::string reason) {
    const std::string& src = show_.items[static_cast<std::size_t>(item)].src;
    std::lock_guard lock(mutex_);
    problems_.push_back(MixerProblem{item, "sound " + src + ": " + reason + " (silence instead)"});
}

bool Mixer::reportsOwnFailure(const Item& item, ErrorKind error) {
    if (item.kind != ItemKind::Video) return true;
    // A video without sound (archival film mostly is) is not a problem; a file that cannot
    // be opened at all is reported by the video's picture. Only a sound of its own that
    // will not decode is the mixer's to say.
    return error == ErrorKind::Corrupt || error == ErrorKind::OutOfMemory;
}

std::unique_ptr<Playback> Mixer::start(const AudioCue& cue, Micros position) {
    const Item& item = show_.items[static_cast<std::size_t>(cue.item)];
    auto opened = AudioDecoder::open(item.src);
    if (!opened) {
        failed_.insert(cue.item);
        if (reportsOwnFailure(item, opened.error().kind)) report(cue.item, opened.error().message);
        return nullptr;
    }
    auto playback = std::make_unique<Playback>(cue.item, item, std::move(*opened));
    const Micros placed = playback->placed(position);
    if (placed != 0) playback->seek(placed);
    // A sound starting at its in point keeps its own attack; one joined in the middle
    // (a late start, a jump) fades in so the cut is not heard as a click.
    const bool atStart = placed - item.clipIn < options_.jumpTolerance;
    playback->volume().setTarget(static_cast<float>(cue.volume), atStart ? 0 : gainRampFrames_);
    return playback;
}

Micros Mixer::showTimeAtFrame(std::int64_t frame) const {
    std::lock_guard lock(mutex_);
    return publishedAnchorShowTime_ + audioFramesDuration(frame - publishedAnchorFrame_);
}

void Mixer::retire(std::unique_ptr<Playback> playback) {
    playback->volume().setTarget(0.0f, gainRampFrames_);
    fading_.push_back(std::move(playback));
}

void Mixer::apply(const std::vector<AudioCue>& cues, Micros showTime, std::optional<std::int64_t> heardFrame) {
    const std::int64_t mixed = framesMixed();
    // Anchored at the frame the speakers played when showTime was said, not at the mix
    // head: anchoring at the head would put the output's buffering (up to a period for the
    // null output, three for a sound card) between show and sound from the first update on.
    const std::int64_t said = std::min(heardFrame.value_or(mixed), mixed);
    const Micros atSaid = anchorShowTime_ + audioFramesDuration(said - anchorFrame_);
    if (!anchored_ || std::llabs(atSaid - showTime) > options_.resyncTolerance) {
        anchored_ = true;
        anchorShowTime_ = showTime;
        anchorFrame_ = said;
        std::lock_guard lock(mutex_);
        publishedAnchorShowTime_ = anchorShowTime_;
        publishedAnchorFrame_ = anchorFrame_;
    }
    // Cues describe showTime; the mix head is ahead of it by the output's buffering.
    const Micros head = anchorShowTime_ + audioFramesDuration(mixed - anchorFrame_);
    const Micros lead = head - showTime;

    bool speech = false, describing = false;
    for (const AudioCue& cue : cues) {
        if (cue.item < 0 || static_cast<std::size_t>(cue.item) >= show_.items.size()) continue;
        const Item& item = show_.items[static_cast<std::size_t>(cue.item)];
        if (cue.volume <= 0) continue;
        if (item.description) {
            if (speaksAt(item, cue.mediaTime)) describing = speech = true;
        } else if (item.role == AudioRole::Speech) {
            speech = true;
        }
    }
    // A bed ducks under speech by its own factor; under an audio description's words every
    // other sound ducks, the bed to the lower of the two.
    auto duckLevel = [&](const Item& item) {
        float level = item.role == AudioRole::Bed && speech ? static_cast<float>(item.duck) : 1.0f;
        if (describing && !item.description) level = std::min(level, static_cast<float>(options_.underDescription));
        return level;
    };

    std::set<int> heard;
    for (const AudioCue& cue : cues) {
        if (cue.item < 0 || static_cast<std::size_t>(cue.item) >= show_.items.size()) continue;
        const Item& item = show_.items[static_cast<std::size_t>(cue.item)];
        if (item.src.empty() || failed_.count(cue.item) || !heard.insert(cue.item).second) continue;
        const Micros wanted = cue.mediaTime + lead;

        auto found = playing_.find(cue.item);
        if (found != playing_.end()) {
            Playback& playback = *found->second;
            if (playback.distance(playback.position(), playback.placed(wanted)) > options_.jumpTolerance) {
                retire(std::move(found->second));
                playing_.erase(found);
                jumpCount_.fetch_add(1, std::memory_order_acq_rel);
                found = playing_.end();
            } else {
                playback.volume().setTarget(static_cast<float>(cue.volume), gainRampFrames_);
            }
        }
        if (found == playing_.end()) {
            std::unique_ptr<Playback> playback = start(cue, wanted);
            if (!playback) continue;
            // A new playback starts at the current ducking level, not ramping into it.
            playback->duck().setTarget(duckLevel(item), 0);
            found = playing_.emplace(cue.item, std::move(playback)).first;
        }
        found->second->duck().setTarget(duckLevel(item), duckRampFrames_);
    }
    for (auto it = playing_.begin(); it != playing_.end();) {
        if (heard.count(it->first)) {
            ++it;
        } else {
            retire(std::move(it->second));
            it = playing_.erase(it);
        }
    }
}

bool Mixer::speaksAt(const Item& item, Micros mediaTime) const {
    if (item.spokenSpans.empty()) return true;
    return std::any_of(item.spokenSpans.begin(), item.spokenSpans.end(), [&](const auto& span) {
        return mediaTime >= span.first - options_.duckRamp && mediaTime < span.second;
    });
}

void Mixer::setMasterGain(double gain) {
    masterTarget_.store(static_cast<float>(std::clamp(gain, 0.0, 1.0)), std::memory_order_relaxed);
}

void Mixer::mix(std::int16_t* out, std::size_t frames) {
    bool updated = false;
    Micros showTime = 0;
    std::optional<std::int64_t> heardFrame;
    {
        std::lock_guard lock(mutex_);
        if (hasPending_) {
            cues_.swap(pendingCues_);
            showTime = pendingShowTime_;
            heardFrame = pendingHeardFrame_;
            hasPending_ = false;
            updated = true;
        }
    }
    if (updated) apply(cues_, showTime, heardFrame);

    accumulator_.assign(frames * kMixChannels, 0.0f);
    for (auto& [item, playback] : playing_) {
        playback->mixInto(accumulator_.data(), frames);
        // A video's damage is its file's, and its picture reports it (once, FrameRenderer).
        const bool video = show_.items[static_cast<std::size_t>(item)].kind == ItemKind::Video;
        if (!video && !playback->problem().empty() && reportedDamage_.insert(item).second) {
            report(item, "damaged audio: " + playback->problem());
        }
    }
    for (auto& playback : fading_) playback->mixInto(accumulator_.data(), frames);
    std::erase_if(fading_, [](const std::unique_ptr<Playback>& p) { return p->volume().settled() && p->volume().current() == 0.0f; });

    const float target = masterTarget_.load(std::memory_order_relaxed);
    if (masterGain_ == target && target == 1.0f) {
        for (std::size_t i = 0; i < frames * kMixChannels; ++i) out[i] = toInt16(accumulator_[i]);
    } else {
        // A linear ramp towards the target, gainRamp long for a full-scale change.
        const float stepPerFrame = gainRampFrames_ > 0 ? 1.0f / static_cast<float>(gainRampFrames_) : 1.0f;
        for (std::size_t f = 0; f < frames; ++f) {
            if (masterGain_ < target) masterGain_ = std::min(target, masterGain_ + stepPerFrame);
            else if (masterGain_ > target) masterGain_ = std::max(target, masterGain_ - stepPerFrame);
            for (std::size_t c = 0; c < static_cast<std::size_t>(kMixChannels); ++c)
                out[f * kMixChannels + c] = toInt16(accumulator_[f * kMixChannels + c] * masterGain_);
        }
    }
    framesMixed_.fetch_add(static_cast<std::int64_t>(frames), std::memory_order_acq_rel);
    activeCount_.store(static_cast<int>(playing_.size() + fading_.size()), std::memory_order_release);
}

}  // namespace vitrine
