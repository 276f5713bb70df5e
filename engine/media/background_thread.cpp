#include "media/background_thread.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace vitrine {

namespace {
// Weighs about a tenth of a normal thread under the Linux scheduler: enough to finish
// decoding promptly when frames leave time, never enough to delay one.
constexpr int kBackgroundNice = 10;
}  // namespace

void lowerThisThreadPriority() {
    // On Linux a thread's nice value is its own when addressed by its thread id.
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    setpriority(PRIO_PROCESS, thread, kBackgroundNice);
}

}  // namespace vitrine
