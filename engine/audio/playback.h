#pragma once
// One item being heard: a private decoder, its position in the media, and its gains. The
// Item (the asset) is shared and immutable; the playback is the small object that moves.

#include <cstddef>
#include <memory>

#include "audio/gain_ramp.h"
#include "media/audio_decoder.h"
#include "timeline/show.h"

namespace vitrine {

/// The audio of one item from some position on, honouring its in/out points and loop.
class Playback {
public:
    /// Plays `item` (show index `index`) through `decoder`, which is at media time 0.
    Playback(int index, const Item& item, std::unique_ptr<AudioDecoder> decoder);

    /// Moves to media time `position` (wrapped or clamped into the item's in/out range).
    void seek(Micros position);

    /// Adds `frames` frames of this playback, scaled by its gains, to interleaved `out`.
    void mixInto(float* out, std::size_t frames);

    /// The media time the next frame will come from (clamped at the out point).
    Micros position() const;
    /// Where media time `time` lands for this item: wrapped into [in, out) when looping,
    /// clamped to the out point otherwise.
    Micros placed(Micros time) const;
    /// Distance between two media times, the short way round a loop.
    Micros distance(Micros a, Micros b) const;

    /// The show item this plays.
    int item() const { return index_; }
    /// The cue's volume (fades included), ramped.
    GainRamp& volume() { return volume_; }
    /// The ducking factor (1 when not ducked), ramped.
    GainRamp& duck() { return duck_; }
    /// True when the decoder reported damaged data (once is enough to tell).
    const std::string& problem() const { return decoder_->problem(); }

private:
    bool looping() const;
    // Decodes `frames` frames into scratch_, wrapping at the out point or padding silence.
    void fill(std::size_t frames);

    int index_;
    const Item& item_;
    std::unique_ptr<AudioDecoder> decoder_;
    std::int64_t positionFrames_ = 0;  // of the next frame, in media time
    GainRamp volume_{0.0f};
    GainRamp duck_{1.0f};
    std::vector<float> scratch_;
};

}  // namespace vitrine
