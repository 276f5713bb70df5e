#include "power/line_socket.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace vitrine::power {

LineSocket::~LineSocket() {
    if (fd_ >= 0) ::close(fd_);
}

bool LineSocket::wait(short events, Clock::time_point deadline) {
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return false;
        pollfd p{fd_, events, 0};
        int n = ::poll(&p, 1, static_cast<int>(left));
        if (n > 0) return true;
        if (n < 0 && errno != EINTR) return false;
    }
}

std::optional<Error> LineSocket::connect(const std::string& host, int port, Clock::time_point deadline) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); rc != 0)
        return Error{"cannot resolve " + host + ": " + gai_strerror(rc)};
    std::string problem = "no address for " + host;
    for (addrinfo* a = found; a; a = a->ai_next) {
        int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        fd_ = fd;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) break;
        int error = errno;
        if (error == EINPROGRESS) {
            if (wait(POLLOUT, deadline)) {
                socklen_t len = sizeof error;
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len);
                if (error == 0) break;
            } else {
                error = ETIMEDOUT;
            }
        }
        problem = std::string("cannot connect: ") + std::strerror(error);
        ::close(fd);
        fd_ = -1;
    }
    ::freeaddrinfo(found);
    if (fd_ < 0) return Error{problem};
    return std::nullopt;
}

bool LineSocket::send(const std::string& text, Clock::time_point deadline) {
    std::size_t sent = 0;
    while (sent < text.size()) {
        if (!wait(POLLOUT, deadline)) return false;
        ssize_t n = ::send(fd_, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EINTR) return false;
        if (n > 0) sent += static_cast<std::size_t>(n);
    }
    return true;
}

std::optional<std::string> LineSocket::readLine(Clock::time_point deadline, std::size_t maxLength) {
    while (true) {
        if (auto end = buffer_.find('\r'); end != std::string::npos) {
            std::string line = buffer_.substr(0, end);
            std::size_t skip = end + 1 < buffer_.size() && buffer_[end + 1] == '\n' ? end + 2 : end + 1;
            buffer_.erase(0, skip);
            if (line.size() > maxLength) break;
            return line;
        }
        if (buffer_.size() > maxLength) break;
        if (!wait(POLLIN, deadline)) {
            readProblem_ = "timed out";
            return std::nullopt;
        }
        char chunk[256];
        ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
            readProblem_ = "closed";
            return std::nullopt;
        }
        if (n > 0) buffer_.append(chunk, static_cast<std::size_t>(n));
    }
    readProblem_ = "line too long";
    return std::nullopt;
}

}  // namespace vitrine::power
