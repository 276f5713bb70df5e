#include <doctest/doctest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "control/deadline_stream.h"

using namespace vitrine::control;
using namespace std::chrono_literals;

TEST_CASE("deadline stream: reads stop at the connection's deadline, however steadily bytes come") {
    int pair[2];
    REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
    const auto start = DeadlineStream::Clock::now();
    DeadlineStream stream(pair[0], "127.0.0.1", 5000, start + 300ms);
    char byte = 0;
    int read = 0;
    REQUIRE(::write(pair[1], "x", 1) == 1);
    // A byte every 100 ms: each read waits less than a per-read timeout would allow, yet
    // the reads end once 300 ms have passed since the connection began.
    for (int i = 0; i < 10 && stream.read(&byte, 1) == 1; ++i) {
        ++read;
        std::this_thread::sleep_for(100ms);
        REQUIRE(::write(pair[1], "x", 1) == 1);
    }
    CHECK(read >= 2);
    CHECK(read <= 4);
    CHECK(stream.expired());
    CHECK(stream.read(&byte, 1) == -1);  // a byte is waiting, but too late
    CHECK(DeadlineStream::Clock::now() - start < 1s);
    std::string ip;
    int port = 0;
    stream.get_remote_ip_and_port(ip, port);
    CHECK(ip == "127.0.0.1");
    CHECK(port == 5000);
    ::close(pair[0]);
    ::close(pair[1]);
}
