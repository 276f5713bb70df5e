#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>

#include "control/http_control_server.h"

using namespace vitrine::control;

namespace {

struct Log {
    std::mutex m;
    std::vector<std::string> lines;
    ServerLog sink() {
        return [this](const std::string& l) {
            std::lock_guard g(m);
            lines.push_back(l);
        };
    }
    bool contains(const std::string& s) {
        std::lock_guard g(m);
        for (auto& l : lines)
            if (l.find(s) != std::string::npos) return true;
        return false;
    }
};

// Sends raw bytes to the server and returns what it answers (until it closes).
std::string rawExchange(int port, const std::string& bytes, bool halfClose = true) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    timeval tv{10, 0};  // bound the wait if the server never answers
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may close early on a huge header: that is fine
        sent += static_cast<std::size_t>(n);
    }
    if (halfClose) ::shutdown(fd, SHUT_WR);
    std::string reply;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) reply.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return reply;
}

}  // namespace

TEST_CASE("http control: status and commands over loopback") {
    ControlQueue queue;
    StatusBoard board;
    PlayerStatus st;
    st.scene = "map";
    st.time = 3'000'000;
    st.state = "playing";
    board.publish(st);
    Log log;
    HttpControlServer server(queue, board, nullptr, log.sink());
    REQUIRE_FALSE(server.start("127.0.0.1", 0, ""));
    REQUIRE(server.port() > 0);
    httplib::Client client("127.0.0.1", server.port());

    auto status = client.Get("/status");
    REQUIRE(status);
    CHECK(status->status == 200);
    auto j = nlohmann::json::parse(status->body);
    CHECK(j["scene"] == "map");
    CHECK(j["time"].get<double>() == doctest::Approx(3.0));

    for (const char* verb : {"/pause", "/play", "/next", "/previous", "/black", "/reload"}) {
        auto r = client.Post(verb);
        REQUIRE(r);
        CHECK(r->status == 202);
    }
    auto scene = client.Post("/scene/testimony%20one");
    REQUIRE(scene);
    CHECK(scene->status == 202);
    auto sceneJson = client.Post("/scene", R"({"id": "credits"})", "application/json");
    REQUIRE(sceneJson);
    CHECK(sceneJson->status == 202);

    auto commands = queue.drain();
    REQUIRE(commands.size() == 8);
    CHECK(commands[0].kind == ControlCommand::Kind::Pause);
    CHECK(commands[5].kind == ControlCommand::Kind::Reload);
    CHECK(commands[6].kind == ControlCommand::Kind::Scene);
    CHECK(commands[6].sceneId == "testimony one");
    CHECK(commands[7].sceneId == "credits");
    CHECK(commands[0].origin == "http 127.0.0.1");

    // Garbage: bad JSON, wrong shapes, unknown paths, wrong methods — answered, logged, not queued.
    auto badJson = client.Post("/scene", "{\"id\": ", "application/json");
    REQUIRE(badJson);
    CHECK(badJson->status == 400);
    auto wrongType = client.Post("/scene", R"({"id": 7})", "application/json");
    REQUIRE(wrongType);
    CHECK(wrongType->status == 400);
    auto unknown = client.Post("/explode");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    auto getCommand = client.Get("/play");
    REQUIRE(getCommand);
    CHECK(getCommand->status == 404);
    CHECK(queue.drain().empty());
    CHECK(log.contains("control: http 400 for POST /scene from 127.0.0.1"));

    // curl -X POST sends neither a body nor a Content-Length: still a command.
    auto bare = rawExchange(server.port(), "POST /next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
    CHECK(bare.rfind("HTTP/1.1 202", 0) == 0);
    CHECK(queue.drain().size() == 1);

    // A huge header and random bytes: refused, and the server still answers afterwards.
    std::string huge = "GET /status HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100'000, 'a') + "\r\n\r\n";
    auto hugeReply = rawExchange(server.port(), huge);
    CHECK((hugeReply.empty() || hugeReply.rfind("HTTP/1.1 4", 0) == 0));
    std::string noise;
    unsigned seed = 12345;
    for (int i = 0; i < 5000; ++i) noise.push_back(static_cast<char>((seed = seed * 1103515245 + 12345) >> 16));
    auto noiseReply = rawExchange(server.port(), noise + "\r\n\r\n");
    CHECK((noiseReply.empty() || noiseReply.rfind("HTTP/1.1 4", 0) == 0));
    auto after = client.Get("/status");
    REQUIRE(after);
    CHECK(after->status == 200);
}

TEST_CASE("http control: a token is required when set, and for any non-loopback address") {
    ControlQueue queue;
    StatusBoard board;
    Log log;
    {
        HttpControlServer open(queue, board, nullptr, log.sink());
        auto refused = open.start("0.0.0.0", 0, "");
        REQUIRE(refused);
        CHECK(refused->find("needs a token") != std::string::npos);
    }
    HttpControlServer server(queue, board, nullptr, log.sink());
    REQUIRE_FALSE(server.start("127.0.0.1", 0, "s3cret-token"));
    httplib::Client client("127.0.0.1", server.port());
    auto none = client.Post("/pause");
    REQUIRE(none);
    CHECK(none->status == 401);
    auto wrong = client.Post("/pause", httplib::Headers{{"Authorization", "Bearer s3cret-tokem"}}, "", "text/plain");
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    auto prefix = client.Get("/status", httplib::Headers{{"Authorization", "Bearer s3cret"}});
    REQUIRE(prefix);
    CHECK(prefix->status == 401);
    CHECK(queue.drain().empty());
    CHECK(log.contains("control: http 401 for POST /pause"));
    auto right = client.Post("/pause", httplib::Headers{{"Authorization", "Bearer s3cret-token"}}, "", "text/plain");
    REQUIRE(right);
    CHECK(right->status == 202);
    CHECK(queue.drain().size() == 1);
}

TEST_CASE("http control: a frozen frame loop shows in /status problems") {
    ControlQueue queue;
    StatusBoard board;
    std::atomic<std::int64_t> now{0};
    Watchdog dog(1'000'000, [&] { return now.load(); });
    Log log;
    HttpControlServer logged(queue, board, &dog, log.sink());
    REQUIRE_FALSE(logged.start("127.0.0.1", 0, ""));
    httplib::Client client("127.0.0.1", logged.port());
    now = 2'500'000;  // the loop has not petted for 2.5 s
    auto r = client.Get("/status");
    REQUIRE(r);
    auto j = nlohmann::json::parse(r->body);
    REQUIRE(j["problems"].size() == 1);
    CHECK(j["problems"][0] == "frame loop frozen for 2500 ms");
}
