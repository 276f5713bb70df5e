#pragma once
// An Xvfb of the test's own, made this process's DISPLAY while the object lives; the
// server itself ends with the process. Tests that change RandR monitors or grab the screen
// use one: CTest runs cases in parallel on one shared Xvfb, where another test's window can
// lie over the picture grabbed, and a monitor one test sets would be another test's display
// coming or going. Each CTest case is its own process, so
// changing DISPLAY here touches no other test, and only one private display is made per process.

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace vitrine::test {

class PrivateDisplay {
public:
    explicit PrivateDisplay(const std::string& screen = "1920x1080x24") {
        if (const char* d = std::getenv("DISPLAY")) previous_ = d;
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            // The server lives until this process ends, not this object: SFML keeps its X
            // connection to the process's end and dies of a server gone before it.
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (fds[1] == 3) ::fcntl(3, F_SETFD, 0);
            else ::dup2(fds[1], 3);  // dup2 clears close-on-exec on the copy
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::dup2(null, 2);
            // -displayfd: Xvfb picks a free display number and writes it once it accepts clients.
            ::execlp("Xvfb", "Xvfb", "-displayfd", "3", "-screen", "0", screen.c_str(), "-nolisten", "tcp", "-noreset",
                     static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[1]);
        std::string number;
        char c;
        while (pid_ > 0 && ::read(fds[0], &c, 1) == 1 && c != '\n') number += c;
        ::close(fds[0]);
        if (number.empty()) return;
        name_ = ":" + number;
        ::setenv("DISPLAY", name_.c_str(), 1);
    }
    ~PrivateDisplay() {
        if (previous_) ::setenv("DISPLAY", previous_->c_str(), 1);
        else ::unsetenv("DISPLAY");
    }
    PrivateDisplay(const PrivateDisplay&) = delete;
    PrivateDisplay& operator=(const PrivateDisplay&) = delete;

    /// ":N" once the server answers, empty if it could not start.
    const std::string& name() const { return name_; }

private:
    pid_t pid_ = -1;
    std::string name_;
    std::optional<std::string> previous_;
};

}  // namespace vitrine::test
