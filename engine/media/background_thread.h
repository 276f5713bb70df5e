#pragma once
// Decoding ahead is background work: on a machine with few cores (and a software GL
// renderer whose threads draw the frame) a decoder at the same priority takes a core from
// the frame being drawn, which showed as a frame three times the usual length the moment
// a large scan started decoding.

namespace vitrine {

/// How far below the frame loop a background thread runs.
enum class BackgroundPriority {
    /// Only on what every other thread leaves idle (Linux: SCHED_IDLE and nice +19): work
    /// that may wait, such as a picture decoded ahead. Any busy thread of the machine, even
    /// another program's, holds it back.
    Idle,
    /// A third of a normal thread's share (nice +5) and never held back for long: work that
    /// must keep time, such as a video decoding its next pictures while it plays.
    BelowFrames,
};

/// Lowers the calling thread's scheduling priority (for this thread only, and the threads
/// it starts after), so frames are drawn first and the work fills the time between them.
/// Best effort: where it cannot, the thread simply keeps its priority.
void lowerThisThreadPriority(BackgroundPriority priority = BackgroundPriority::Idle);

}  // namespace vitrine
