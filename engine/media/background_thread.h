#pragma once
// Decoding ahead is background work: on a machine with few cores (and a software GL
// renderer whose threads draw the frame) a decoder at the same priority takes a core from
// the frame being drawn, which showed as a frame three times the usual length the moment
// a large scan started decoding.

namespace vitrine {

/// Lowers the calling thread's scheduling priority (Linux: SCHED_IDLE and nice +19, for
/// this thread only), so frames are drawn first and decoding fills the time between them.
/// Best effort: where it cannot, the thread simply keeps its priority.
void lowerThisThreadPriority();

}  // namespace vitrine
