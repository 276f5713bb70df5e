#include "control/connection_limits.h"

#include <sys/socket.h>

namespace vitrine::control {

bool ConnectionLimits::admit(const std::string& address, int fd) {
    std::lock_guard g(mutex_);
    if (static_cast<int>(sockets_.size()) >= total_) return false;
    int& fromAddress = byAddress_[address];
    if (fromAddress >= perAddress_) return false;
    ++fromAddress;
    sockets_.insert(fd);
    return true;
}

void ConnectionLimits::release(const std::string& address, int fd) {
    std::lock_guard g(mutex_);
    sockets_.erase(fd);
    if (auto it = byAddress_.find(address); it != byAddress_.end() && --it->second <= 0) byAddress_.erase(it);
}

void ConnectionLimits::shutdownAll() {
    std::lock_guard g(mutex_);
    // Still open: release() removes a socket before it is closed, under this same mutex.
    for (int fd : sockets_) ::shutdown(fd, SHUT_RDWR);
}

int ConnectionLimits::open() const {
    std::lock_guard g(mutex_);
    return static_cast<int>(sockets_.size());
}

}  // namespace vitrine::control
