#include "player/audio_link.h"

namespace vitrine {

AudioLink::AudioLink(const Show& show, AudioDevice device, const std::filesystem::path& capture) : device_(device) {
    if (device_ == AudioDevice::Off) return;
    mixer_ = std::make_unique<Mixer>(show);
    if (device_ == AudioDevice::Offline) return;  // pulled by the caller, at its own pace
    if (!capture.empty()) tap_ = std::make_unique<WavWriter>(capture, kMixSampleRate, kMixChannels);
    if (device_ == AudioDevice::SoundCard) {
        soundCard_ = std::make_unique<SoundOutput>(*mixer_, tap_.get());
        soundCard_->play();
    } else {
        null_ = std::make_unique<NullAudioOutput>(*mixer_, tap_.get());
        null_->play();
    }
}

AudioLink::~AudioLink() {
    // Stop pulling before the mixer and the tap go away, then finish the WAV header.
    soundCard_.reset();
    null_.reset();
    // A destructor has no one to tell: a capture that failed is a WAV file that is not there.
    if (tap_) (void)tap_->finish();
}

void AudioLink::update(const std::vector<AudioCue>& cues, Micros t, bool paused) {
    if (!mixer_) return;
    if (device_ == AudioDevice::Offline) {
        mixer_->update(paused ? std::vector<AudioCue>{} : cues, t);
        return;
    }
    // Said together with the frame the speakers are at, so the output's buffering is not
    // mistaken for drift.
    const std::int64_t heard = soundCard_ ? soundCard_->playedFrames() : null_->playedFrames();
    mixer_->update(paused ? std::vector<AudioCue>{} : cues, t, heard);
}

std::optional<Micros> AudioLink::speakerShowTime() const {
    if (!mixer_ || device_ == AudioDevice::Offline || mixer_->activePlaybacks() == 0) return std::nullopt;
    std::int64_t played = soundCard_ ? soundCard_->playedFrames() : null_->playedFrames();
    return mixer_->showTimeAtFrame(played);
}

std::vector<MixerProblem> AudioLink::takeProblems() {
    return mixer_ ? mixer_->takeProblems() : std::vector<MixerProblem>{};
}

}  // namespace vitrine
