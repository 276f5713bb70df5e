#pragma once
// Raw TCP clients of a server on loopback, for tests that send what no HTTP library would
// (a trickle, a huge header, a malformed line).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <string>

namespace vitrine::test {

// A loopback connection with a bounded wait on every receive, from `from` (any address
// of 127.0.0.0/8 is this machine: a test plays several clients with them).
inline int connectLoopback(int port, const char* from = "127.0.0.1") {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    timeval tv{10, 0};  // bound the wait if the server never answers
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in source{};
    source.sin_family = AF_INET;
    inet_pton(AF_INET, from, &source.sin_addr);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&source), sizeof source) == 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    return fd;
}

// Sends raw bytes to the server and returns what it answers (until it closes).
inline std::string rawExchange(int port, const std::string& bytes, bool halfClose = true,
                               const char* from = "127.0.0.1") {
    int fd = connectLoopback(port, from);
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

}  // namespace vitrine::test
