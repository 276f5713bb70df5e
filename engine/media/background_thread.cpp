#include "media/background_thread.h"

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
}  // namespace

void lowerThisThreadPriority() {
    // On Linux a thread's nice value is its own when addressed by its thread id.
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    setpriority(PRIO_PROCESS, thread, kBackgroundNice);
}

}  // namespace vitrine
