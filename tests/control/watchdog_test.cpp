#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "control/watchdog.h"
#include "media/media_test_files.h"

using namespace vitrine::control;

TEST_CASE("watchdog: a loop that stops petting is reported frozen, with how long") {
    std::int64_t now = 0;  // injected clock, µs
    Watchdog dog(500'000, [&] { return now; });
    // A healthy loop at 60 fps for two seconds.
    for (int frame = 0; frame < 120; ++frame) {
        now += 16'667;
        dog.pet();
        CHECK_FALSE(dog.frozenFor());
    }
    CHECK(dog.report().empty());
    // The loop freezes (a decoder deadlock, say): time passes, nobody pets.
    now += 400'000;
    CHECK_FALSE(dog.frozenFor());  // within the limit
    now += 350'000;
    REQUIRE(dog.frozenFor());
    CHECK(*dog.frozenFor() == 750'000);
    CHECK(dog.report() == "frame loop frozen for 750 ms");
    // It recovers the moment the loop pets again.
    dog.pet();
    CHECK_FALSE(dog.frozenFor());
}

TEST_CASE("watchdog: a loop asleep on purpose is not frozen until its sleep ends and the limit passes") {
    std::int64_t now = 0;  // injected clock, µs
    Watchdog dog(500'000, [&] { return now; });
    // Closed, the loop sleeps until the opening, 10 s away, and says so.
    dog.pet(10'000'000);
    now += 9'000'000;
    CHECK_FALSE(dog.frozenFor());
    now += 1'400'000;  // past the promised wake, within the limit
    CHECK_FALSE(dog.frozenFor());
    now += 200'000;  // it did not turn: 600 ms past its wake
    REQUIRE(dog.frozenFor());
    CHECK(*dog.frozenFor() == 600'000);
}

namespace {

/// A private stand-in for systemd's notification socket: a Unix datagram socket in a temp
/// folder of its own, read without waiting (a local datagram is queued when sendto returns).
class NotifySocket {
public:
    NotifySocket() {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const std::string path = this->path();
        REQUIRE(path.size() < sizeof(address.sun_path));
        std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
        REQUIRE(::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
    }
    ~NotifySocket() { ::close(fd_); }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    std::string path() const { return (dir_ / "notify").string(); }
    /// The next message sent to it, or "" when none is waiting.
    std::string next() const {
        char buffer[256];
        const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), MSG_DONTWAIT);
        return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    }

private:
    vitrine::test::TempDir dir_;
    int fd_ = -1;
};

/// Sets an environment variable (or unsets it, for nullopt) until the end of the scope.
class ScopedEnvironment {
public:
    ScopedEnvironment(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
        if (const char* old = std::getenv(name_.c_str())) old_ = old;
        if (value) ::setenv(name_.c_str(), value->c_str(), 1);
        else ::unsetenv(name_.c_str());
    }
    ~ScopedEnvironment() {
        if (old_) ::setenv(name_.c_str(), old_->c_str(), 1);
        else ::unsetenv(name_.c_str());
    }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    std::string name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("systemd notifier: READY, STATUS, WATCHDOG at half the interval, and STOPPING reach the socket") {
    NotifySocket systemd;
    SystemdNotifier n(systemd.path(), 1'000'000);
    REQUIRE(n.active());
    n.ready();
    CHECK(systemd.next() == "READY=1");
    n.status("playing, scene opening");
    CHECK(systemd.next() == "STATUS=playing, scene opening");
    n.alive(100'000);  // too soon after the start: systemd has time to spare
    CHECK(systemd.next().empty());
    n.alive(500'000);
    CHECK(systemd.next() == "WATCHDOG=1");
    n.alive(900'000);  // within half an interval of the last ping
    CHECK(systemd.next().empty());
    n.alive(1'000'000);
    CHECK(systemd.next() == "WATCHDOG=1");
    // A loop asleep (closed) must turn by the next ping.
    REQUIRE(n.nextAliveAt());
    CHECK(*n.nextAliveAt() == 1'500'000);
    n.stopping();
    CHECK(systemd.next() == "STOPPING=1");
    CHECK(systemd.next().empty());
}

TEST_CASE("systemd notifier: the socket and watchdog come from the environment systemd sets") {
    NotifySocket systemd;
    ScopedEnvironment socket("NOTIFY_SOCKET", systemd.path());
    ScopedEnvironment interval("WATCHDOG_USEC", "3000000");
    ScopedEnvironment pid("WATCHDOG_PID", std::to_string(::getpid()));
    SystemdNotifier n = SystemdNotifier::fromEnvironment();
    CHECK(n.active());
    CHECK(n.watchdogInterval() == 3'000'000);
    n.ready();
    CHECK(systemd.next() == "READY=1");
    n.alive(2'000'000);
    CHECK(systemd.next() == "WATCHDOG=1");
}

TEST_CASE("systemd notifier: without systemd it stays quiet") {
    ScopedEnvironment socket("NOTIFY_SOCKET", std::nullopt);
    ScopedEnvironment interval("WATCHDOG_USEC", std::nullopt);
    SystemdNotifier n = SystemdNotifier::fromEnvironment();
    CHECK_FALSE(n.active());
    CHECK(n.watchdogInterval() == 0);
    CHECK_FALSE(n.nextAliveAt());  // nothing asks a sleeping loop to turn
    n.ready();
    n.alive(10'000'000);
    n.stopping();  // no effect, no crash
}
