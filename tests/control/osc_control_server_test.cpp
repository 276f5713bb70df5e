#include <doctest/doctest.h>

#include <lo/lo.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mutex>

#include "control/osc_control_server.h"

using namespace vitrine::control;

namespace {
constexpr auto kWait = std::chrono::seconds(10);  // bounded: loopback UDP arrives in microseconds

void sendRaw(int port, const std::string& bytes) {
    int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    ::sendto(fd, bytes.data(), bytes.size(), 0, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::close(fd);
}
}  // namespace

TEST_CASE("osc control: /vitrine/... messages become commands, random bytes are refused") {
    ControlQueue queue;
    std::mutex m;
    std::vector<std::string> lines;
    OscControlServer server(queue, [&](const std::string& l) {
        std::lock_guard g(m);
        lines.push_back(l);
    });
    REQUIRE_FALSE(server.start("127.0.0.1", 0, ""));
    lo_address to = lo_address_new("127.0.0.1", std::to_string(server.port()).c_str());
    REQUIRE(to);
    REQUIRE(lo_send(to, "/vitrine/pause", "") >= 0);
    REQUIRE(queue.waitForCommand(kWait));
    auto c = queue.drain();
    REQUIRE(c.size() == 1);
    CHECK(c[0].kind == ControlCommand::Kind::Pause);

    REQUIRE(lo_send(to, "/vitrine/scene", "s", "testimony") >= 0);
    REQUIRE(queue.waitForCommand(kWait));
    c = queue.drain();
    REQUIRE(c.size() == 1);
    CHECK(c[0].kind == ControlCommand::Kind::Scene);
    CHECK(c[0].sceneId == "testimony");

    // 300 datagrams of noise, then bad-but-well-formed messages, then a good one. UDP on
    // loopback keeps order and the server handles one at a time, so when the good one
    // arrives every bad one before it has been refused.
    // Sent in batches, each followed by a good message that is waited for, so that the
    // socket's receive buffer never overflows (the kernel would drop packets, not us).
    unsigned seed = 7;
    for (int batch = 0; batch < 6; ++batch) {
        for (int k = 0; k < 50; ++k) {
            int i = batch * 50 + k;
            std::string noise(1 + (i * 37) % 900, '\0');
            for (auto& ch : noise) ch = static_cast<char>((seed = seed * 1103515245 + 12345) >> 16);
            if (i % 3 == 0) noise[0] = '/';  // looks like an address, then is not
            sendRaw(server.port(), noise);
        }
        REQUIRE(lo_send(to, "/vitrine/play", "") >= 0);
        REQUIRE(queue.waitForCommand(kWait));
        CHECK(queue.drain().size() == 1);
    }
    lo_send(to, "/vitrine/scene", "");            // missing id
    lo_send(to, "/vitrine/scene", "i", 42);       // wrong type
    lo_send(to, "/vitrine/explode", "");          // unknown
    lo_send(to, "/other/play", "");               // not ours
    REQUIRE(lo_send(to, "/vitrine/next", "") >= 0);
    REQUIRE(queue.waitForCommand(kWait));
    c = queue.drain();
    REQUIRE(c.size() == 1);
    CHECK(c[0].kind == ControlCommand::Kind::Next);
    CHECK(server.rejected() == 304);
    {
        std::lock_guard g(m);
        CHECK(lines.size() <= 9 + OscControlServer::kLoggedRejects);  // 9 accepted; a flood of 304 does not flood the log
    }
    lo_address_free(to);
}

TEST_CASE("osc control: with a token, the first argument must be it") {
    ControlQueue queue;
    OscControlServer server(queue, [](const std::string&) {});
    REQUIRE(server.start("0.0.0.0", 0, "") .has_value());  // refused: needs a token
    OscControlServer guarded(queue, [](const std::string&) {});
    REQUIRE_FALSE(guarded.start("127.0.0.1", 0, "tok"));
    lo_address to = lo_address_new("127.0.0.1", std::to_string(guarded.port()).c_str());
    lo_send(to, "/vitrine/black", "");
    lo_send(to, "/vitrine/black", "s", "wrong");
    lo_send(to, "/vitrine/scene", "ss", "tok", "map");
    REQUIRE(queue.waitForCommand(kWait));
    auto c = queue.drain();
    REQUIRE(c.size() == 1);
    CHECK(c[0].sceneId == "map");
    CHECK(guarded.rejected() == 2);
    lo_address_free(to);
}
