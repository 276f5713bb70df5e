#include "media/background_thread.h"

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace vitrine {

namespace {
// The lowest priority: the decoder runs on what the frame loop and the software renderer's
// threads leave idle. At nice +10 (a tenth of a normal thread's weight) the frame a large
// scan began decoding took up to 2.5x the median on two cores; at +19, 1.1-1.3x in three
// runs of four (2.2x in one), the decode no slower (ten frames for a 6000x4000 JPEG).
constexpr int kBackgroundNice = 19;
// A video's decoder must keep up with the clock while its clip plays, on a machine that may
// be busy with other work too (the studio on a designer's computer). Under SCHED_IDLE or
// nice +10 its pictures stopped coming while other programs kept both cores busy (the first
// picture late in most clips of the video-soak benchmark at load 20); at +5 they came on
// time, and the frame loop still gets three times the decoder's share of a contended core.
constexpr int kBelowFramesNice = 5;
}  // namespace

void lowerThisThreadPriority(BackgroundPriority priority) {
    // On Linux a thread's nice value is its own when addressed by its thread id.
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    if (priority == BackgroundPriority::BelowFrames) {
        setpriority(PRIO_PROCESS, thread, kBelowFramesNice);
        return;
    }
    setpriority(PRIO_PROCESS, thread, kBackgroundNice);
    // And the class meant for it: a normal thread that wakes takes the core from an idle
    // one at once. With nice alone, the frame a 6000x4000 scan began decoding was the worst
    // of its run in three runs of four (1.6-1.8x the median); with SCHED_IDLE, frames before
    // any picture was asked for were the worst in four of five. A scan still arrived in
    // time behind full-screen pan-zoom frames that kept both cores busy.
    sched_param none{};
    sched_setscheduler(0, SCHED_IDLE, &none);  // 0: this thread
}

}  // namespace vitrine
