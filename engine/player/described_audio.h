#pragma once
// The audio description in the player: heard only while the installation says it plays
// (installation/described_audio.h), and ducking the other sounds only under its words.

#include <vector>

#include "timeline/frame.h"
#include "timeline/show.h"

namespace vitrine {

/// Gives each audio description its spoken spans from its captions (the words' cues, in
/// its own media time), so that the mixer ducks the other sounds only while it speaks. A
/// description whose captions do not load keeps none: the others duck while it plays.
void markSpokenSpans(Show& show);

/// The cues to be heard: `cues` less the audio descriptions' while none is playing.
std::vector<AudioCue> heardCues(const Show& show, std::vector<AudioCue> cues, bool describing);

}  // namespace vitrine
