#pragma once
// The player's sound: a mixer fed with each frame's audio cues, an output that plays it
// (the sound card, or a null twin with no sound card), and the audio clock read back.

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "audio/mixer.h"
#include "audio/sound_output.h"
#include "audio/wav_writer.h"
#include "timeline/frame.h"

namespace vitrine {

/// Where the sound goes.
enum class AudioDevice {
    SoundCard,  // OpenAL through SFML
    Null,       // no sound card: mixed at real-time pace and discarded (or captured)
    Off,        // not mixed at all
    Offline,    // no output: the caller pulls each period with mix() (an export, frame-exact)
};

/// Mixer + output + optional WAV capture of exactly what was mixed.
class AudioLink {
public:
    /// `capture`, when not empty, receives the mixed output as a WAV file.
    AudioLink(const Show& show, AudioDevice device, const std::filesystem::path& capture = {});
    ~AudioLink();
    AudioLink(const AudioLink&) = delete;
    AudioLink& operator=(const AudioLink&) = delete;

    /// Says what should be heard at show time t; silence while paused.
    void update(const std::vector<AudioCue>& cues, Micros t, bool paused);
    /// The show time at the speakers now, while something is playing; nullopt otherwise.
    std::optional<Micros> speakerShowTime() const;
    /// The installation's master volume, 0..1 (ramped, no click).
    void setMasterGain(double gain) {
        if (mixer_) mixer_->setMasterGain(gain);
    }
    /// Mixes the next `frames` stereo frames into `out` (AudioDevice::Offline only).
    void mix(std::int16_t* out, std::size_t frames) { mixer_->mix(out, frames); }
    /// Sounds that could not be played, each once.
    std::vector<MixerProblem> takeProblems();

private:
    AudioDevice device_;
    std::unique_ptr<Mixer> mixer_;
    std::unique_ptr<WavWriter> tap_;
    std::unique_ptr<SoundOutput> soundCard_;
    std::unique_ptr<NullAudioOutput> null_;
};

}  // namespace vitrine
