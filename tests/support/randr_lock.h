#pragma once
// Held by tests that change the X server's RandR monitors (xrandr --setmonitor and
// --delmonitor): CTest runs test cases in parallel on one Xvfb, and a monitor one test sets
// or removes would be another test's display coming or going.

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <string>

#include "power/display_probe.h"

namespace vitrine::test {

class RandrLock {
public:
    RandrLock() {
        const std::string path = "/tmp/vitrine-randr-" + power::displayName() + ".lock";
        fd_ = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0666);
        if (fd_ >= 0) ::flock(fd_, LOCK_EX);
    }
    ~RandrLock() {
        if (fd_ >= 0) ::close(fd_);  // closing releases the lock
    }
    RandrLock(const RandrLock&) = delete;
    RandrLock& operator=(const RandrLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace vitrine::test
