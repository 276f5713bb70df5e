#include "control/deadline_stream.h"

#include "control/socket_address.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

namespace vitrine::control {

DeadlineStream::DeadlineStream(int fd, std::string address, int port, Clock::time_point deadline)
    : fd_(fd), address_(std::move(address)), port_(port), deadline_(deadline) {}

bool DeadlineStream::wait(short events) const {
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
        pollfd p{fd_, events, 0};
        // Past the deadline, poll still says whether the socket is ready now (a reply fits
        // the socket's buffer, so it is written even when the request arrived at the last moment).
        const int n = ::poll(&p, 1, static_cast<int>(std::max<decltype(left)>(left, 0)));
        if (n > 0) return true;
        if (n < 0 && errno == EINTR) continue;
        if (n == 0) expired_ = true;
        return false;
    }
}

bool DeadlineStream::is_readable() const { return wait(POLLIN); }

bool DeadlineStream::is_writable() const { return wait(POLLOUT); }

ssize_t DeadlineStream::read(char* ptr, size_t size) {
    // Past the deadline nothing more is read, not even bytes already waiting: a client that
    // keeps a few bytes always in flight must not stretch its request either.
    if (Clock::now() >= deadline_) {
        expired_ = true;
        return -1;
    }
    if (!wait(POLLIN)) return -1;
    const ssize_t n = ::recv(fd_, ptr, size, 0);
    if (n > 0) received_ += static_cast<std::size_t>(n);
    return n;
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
    if (!wait(POLLOUT)) return -1;
    return ::send(fd_, ptr, size, MSG_NOSIGNAL);
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    ip = address_;
    port = port_;
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage local{};
    socklen_t length = sizeof local;
    if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&local), &length) == 0) ip = numericAddress(local, &port);
}

}  // namespace vitrine::control
