#pragma once
// A TCP port on loopback that was free a moment ago, for a server configured by number
// (an installation file's <control http>), where port 0 cannot be asked for.

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vitrine::test {

inline int freePort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

}  // namespace vitrine::test
