#pragma once
// Turns the timeline's audio cues into one stereo stream. The frame thread says what should
// be heard (update); the audio thread asks for samples (mix). No SFML here: the outputs in
// sound_output.h pull from a Mixer, and tests drive one offline.
//
// Threads: update() only stores the cue list under a mutex (a copy, microseconds); mix()
// takes it under the same mutex and then does everything else (opening files, seeking,
// decoding, mixing) without any lock the frame thread could wait on. The audio thread is
// allowed to decode: audio decodes ~100x faster than real time.
//
// Time: the mixer keeps its own show time at the mix head, anchored to the show time of an
// update and advanced by the frames it mixes; it re-anchors when an update's time is more
// than `resyncTolerance` away (a technician's seek, a pause). A playback whose position
// differs from where its cue puts it by more than `jumpTolerance` is re-seeked.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include <atomic>

#include "audio/playback.h"
#include "timeline/frame.h"
#include "timeline/show.h"

namespace vitrine {

/// Timing of the mixer's reactions.
struct MixerOptions {
    /// A cue this far from its playback's position is a jump: the playback is re-seeked.
    Micros jumpTolerance = millis(40);
    /// Volume changes, starts in mid-sound and stops are ramped over this long (no clicks).
    Micros gainRamp = millis(10);
    /// Ducking a bed under speech, and releasing it, is ramped over this long.
    Micros duckRamp = millis(300);
    /// Every other sound's volume factor while an audio description speaks (ramped as
    /// ducking is), so that its words are heard over the testimony, film and beds.
    double underDescription = 0.3;
    /// An update whose show time is this far from the mix head re-anchors the mixer's clock.
    Micros resyncTolerance = millis(200);
};

/// A sound that could not be played, to be reported once.
struct MixerProblem {
    int item = -1;
    std::string message;  // the whole line: "sound FILE: reason (silence instead)"
};

/// Mixes the cues of one show into 48 kHz interleaved int16 stereo.
class Mixer {
public:
    /// Mixes items of `show`, which must outlive the mixer.
    explicit Mixer(const Show& show, MixerOptions options = {});
    ~Mixer();
    Mixer(const Mixer&) = delete;
    Mixer& operator=(const Mixer&) = delete;

    /// Says what should be heard at show time `showTime` (frame thread; returns at once).
    /// The latest update wins; it takes effect at the start of the next mix(). `heardFrame`,
    /// when the output knows it, is the frame at the speakers as this is said: the clock is
    /// anchored there, so what is mixed ahead (output buffering) carries the show time it
    /// will be heard at. Without it the mixer anchors at its mix head.
    void update(const std::vector<AudioCue>& cues, Micros showTime, std::optional<std::int64_t> heardFrame = std::nullopt);

    /// Writes the next `frames` frames (interleaved stereo, 2·frames samples) to `out`
    /// (audio thread).
    void mix(std::int16_t* out, std::size_t frames);

    /// Frames mixed since the mixer was made: the audio clock, in frames.
    std::int64_t framesMixed() const { return framesMixed_.load(std::memory_order_acquire); }
    /// Time mixed since the mixer was made: the audio clock.
    Micros audioPosition() const;
    /// Playbacks (sounding or fading out) after the last mix; for tests and the status line.
    int activePlaybacks() const { return activeCount_.load(std::memory_order_acquire); }
    /// Seeks done because a cue jumped; for tests and logs.
    int jumps() const { return jumpCount_.load(std::memory_order_acquire); }
    /// The show time of mixed frame `frame` (per the latest anchor): with the number of frames
    /// an output has played, this is the show time at the speakers.
    Micros showTimeAtFrame(std::int64_t frame) const;
    /// Sounds that could not be played since the last call (each item reported once).
    std::vector<MixerProblem> takeProblems();
    /// Scales the whole mix by `gain` (0..1, the installation's volume), from the next
    /// mix() on, ramped over MixerOptions::gainRamp so that a change does not click.
    void setMasterGain(double gain);

private:
    void apply(const std::vector<AudioCue>& cues, Micros showTime, std::optional<std::int64_t> heardFrame);
    std::unique_ptr<Playback> start(const AudioCue& cue, Micros position);
    void retire(std::unique_ptr<Playback> playback);
    // Queues `reason` as a problem line naming the item's file.
    void report(int item, std::string reason);
    // Whether the description `item` speaks at `mediaTime`, or is about to: the others'
    // duck begins a ramp's length before its words, so the first word is not covered.
    bool speaksAt(const Item& item, Micros mediaTime) const;
    // Whether a failure to open `item`'s sound is the mixer's to report.
    static bool reportsOwnFailure(const Item& item, ErrorKind error);

    const Show& show_;
    const MixerOptions options_;
    const std::int64_t gainRampFrames_;
    const std::int64_t duckRampFrames_;

    // Shared between the threads, under mutex_.
    mutable std::mutex mutex_;
    std::vector<AudioCue> pendingCues_;
    Micros pendingShowTime_ = 0;
    std::optional<std::int64_t> pendingHeardFrame_;
    bool hasPending_ = false;
    std::vector<MixerProblem> problems_;
    Micros publishedAnchorShowTime_ = 0;  // copies of the audio thread's anchor for readers
    std::int64_t publishedAnchorFrame_ = 0;

    // Audio thread only.
    std::vector<AudioCue> cues_;  // the update being applied (kept to reuse its storage)
    std::map<int, std::unique_ptr<Playback>> playing_;  // by item
    std::vector<std::unique_ptr<Playback>> fading_;     // stopped or replaced, ramping to silence
    std::set<int> failed_;                              // items whose file could not be opened
    std::set<int> reportedDamage_;
    bool anchored_ = false;
    Micros anchorShowTime_ = 0;
    std::int64_t anchorFrame_ = 0;
    std::vector<float> accumulator_;

    float masterGain_ = 1.0f;  // audio thread: the gain applied now, ramping to the target
    std::atomic<float> masterTarget_{1.0f};

    std::atomic<std::int64_t> framesMixed_{0};
    std::atomic<int> activeCount_{0};
    std::atomic<int> jumpCount_{0};
};

}  // namespace vitrine
