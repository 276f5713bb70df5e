#include <doctest/doctest.h>

#include <lo/lo.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "control/http_control_server.h"
#include "control/osc_control_server.h"
#include "support/captured_log.h"

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
        CHECK(lines.size() == 1);  // a flood of 304 refusals is one line until a minute has passed
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

namespace {

// An OSC string: the bytes, a NUL, padded to a multiple of four.
std::string oscString(const std::string& s) {
    std::string out = s;
    out.push_back('\0');
    while (out.size() % 4) out.push_back('\0');
    return out;
}

std::string oscMessage(const std::string& path, const std::vector<std::string>& args) {
    std::string out = oscString(path) + oscString("," + std::string(args.size(), 's'));
    for (const auto& a : args) out += oscString(a);
    return out;
}

std::string bigEndian32(std::size_t n) {
    return {static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8), static_cast<char>(n)};
}

// "#bundle", a time tag of "immediately" (1), then each element with its size before it.
std::string oscBundle(const std::vector<std::string>& elements) {
    std::string out = oscString("#bundle") + std::string(7, '\0') + '\1';
    for (const auto& e : elements) out += bigEndian32(e.size()) + e;
    return out;
}


}  // namespace

TEST_CASE("osc control: a bundle's messages are handled in order, nested bundles too") {
    ControlQueue queue;
    OscControlServer server(queue, [](const std::string&) {});
    REQUIRE_FALSE(server.start("127.0.0.1", 0, ""));
    sendRaw(server.port(), oscBundle({oscMessage("/vitrine/pause", {}),
                                      oscBundle({oscMessage("/vitrine/scene", {"map"}), oscMessage("/vitrine/next", {})}),
                                      oscMessage("/vitrine/play", {})}));
    REQUIRE(queue.waitForCommand(kWait));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // one datagram: all of it is handled together
    auto c = queue.drain();
    REQUIRE(c.size() == 4);
    CHECK(c[0].kind == ControlCommand::Kind::Pause);
    CHECK(c[1].kind == ControlCommand::Kind::Scene);
    CHECK(c[1].sceneId == "map");
    CHECK(c[2].kind == ControlCommand::Kind::Next);
    CHECK(c[3].kind == ControlCommand::Kind::Play);
    CHECK(server.rejected() == 0);

    // A bundle whose element claims more bytes than it has, or nests without end, is refused whole.
    std::string lying = oscBundle({oscMessage("/vitrine/black", {})});
    lying[19] = '\x7f';  // the element's size
    sendRaw(server.port(), lying);
    std::string deep = oscMessage("/vitrine/black", {});
    for (int i = 0; i < 40; ++i) deep = oscBundle({deep});
    sendRaw(server.port(), deep);
    REQUIRE(lo_send(lo_address_new("127.0.0.1", std::to_string(server.port()).c_str()), "/vitrine/next", "") >= 0);
    REQUIRE(queue.waitForCommand(kWait));
    c = queue.drain();
    REQUIRE(c.size() == 1);
    CHECK(c[0].kind == ControlCommand::Kind::Next);
    CHECK(server.rejected() == 2);
}

TEST_CASE("osc control: listens on the IPv6 loopback ::1") {
    ControlQueue queue;
    OscControlServer server(queue, [](const std::string&) {});
    REQUIRE_FALSE(server.start("::1", 0, ""));
    int fd = ::socket(AF_INET6, SOCK_DGRAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(static_cast<uint16_t>(server.port()));
    a.sin6_addr = in6addr_loopback;
    const std::string m = oscMessage("/vitrine/black", {});
    REQUIRE(::sendto(fd, m.data(), m.size(), 0, reinterpret_cast<sockaddr*>(&a), sizeof a) == static_cast<ssize_t>(m.size()));
    ::close(fd);
    REQUIRE(queue.waitForCommand(kWait));
    auto c = queue.drain();
    REQUIRE(c.size() == 1);
    CHECK(c[0].kind == ControlCommand::Kind::Black);
    CHECK(c[0].origin.find("::1") != std::string::npos);
}

TEST_CASE("osc control: HTTP and OSC can share a port number (TCP and UDP are apart)") {
    ControlQueue queue;
    StatusBoard board;
    HttpControlServer http(queue, board, nullptr, [](const std::string&) {});
    REQUIRE_FALSE(http.start("127.0.0.1", 0, ""));
    OscControlServer osc(queue, [](const std::string&) {});
    CHECK_FALSE(osc.start("127.0.0.1", http.port(), ""));
    CHECK(osc.port() == http.port());
}

TEST_CASE("osc control: scene ids are checked before use and before logging") {
    ControlQueue queue;
    vitrine::test::CapturedLog log;
    OscControlServer server(queue, log.sink());
    REQUIRE_FALSE(server.start("127.0.0.1", 0, ""));
    sendRaw(server.port(), oscMessage("/vitrine/scene", {"map\ncontrol: osc /vitrine/black from 127.0.0.1:1"}));
    sendRaw(server.port(), oscMessage("/vitrine/scene", {"caf\xC3"}));  // not UTF-8
    sendRaw(server.port(), oscMessage("/vitrine/scene", {std::string(60'000, 'x')}));
    sendRaw(server.port(), oscMessage("/vitrine/\x1b[2Jscene", {}));
    sendRaw(server.port(), oscMessage("/vitrine/scene", {"caf\xC3\xA9"}));
    REQUIRE(queue.waitForCommand(kWait));
    auto c = queue.drain();
    REQUIRE(c.size() == 1);  // only the last: the bad ones were refused, not queued
    CHECK(c[0].sceneId == "caf\xC3\xA9");
    CHECK(server.rejected() == 4);
    server.stop();  // writes the refusals still counted
    std::size_t bytes = 0;
    for (const auto& line : log.lines) {
        INFO(line);
        bytes += line.size();
        for (unsigned char ch : line) CHECK((ch >= 0x20 && ch != 0x7f));
        CHECK(line.find("/vitrine/black") == std::string::npos);
    }
    CHECK(bytes < 1000);
    CHECK(log.contains("1 for the unknown address /vitrine/\\x1B[2Jscene from 127.0.0.1"));
}

TEST_CASE("osc control: /vitrine/description takes on, off or toggle, and toggles without an argument") {
    ControlQueue queue;
    OscControlServer server(queue, [](const std::string&) {});
    REQUIRE_FALSE(server.start("127.0.0.1", 0, ""));
    lo_address to = lo_address_new("127.0.0.1", std::to_string(server.port()).c_str());
    REQUIRE(to);
    using vitrine::installation::DescriptionCommand;
    auto sent = [&](auto... args) {
        REQUIRE(lo_send(to, "/vitrine/description", args...) >= 0);
        REQUIRE(lo_send(to, "/vitrine/next", "") >= 0);  // a marker: everything before it is handled
        std::vector<ControlCommand> got;
        while (got.empty() || got.back().kind != ControlCommand::Kind::Next) {
            REQUIRE(queue.waitForCommand(kWait));
            for (auto& c : queue.drain()) got.push_back(c);
        }
        got.pop_back();
        return got;
    };
    auto on = sent("s", "on");
    REQUIRE(on.size() == 1);
    CHECK(on[0].kind == ControlCommand::Kind::Description);
    CHECK(on[0].description == DescriptionCommand::On);
    auto off = sent("s", "off");
    REQUIRE(off.size() == 1);
    CHECK(off[0].description == DescriptionCommand::Off);
    auto toggle = sent("");
    REQUIRE(toggle.size() == 1);
    CHECK(toggle[0].description == DescriptionCommand::Toggle);
    CHECK(sent("s", "loud").empty());  // refused
    CHECK(sent("ss", "on", "off").empty());
    CHECK(server.rejected() == 2);
    lo_address_free(to);
}
