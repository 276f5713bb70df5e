#pragma once
// One HTTP connection whose whole exchange must finish by a deadline. cpp-httplib 0.11
// bounds each read (set_read_timeout), not a request: a client sending a byte every few
// seconds keeps a worker forever. Handing httplib this stream instead of its own makes
// every read and write wait only until the connection's deadline.

#include <httplib.h>

#include <chrono>
#include <string>

namespace vitrine::control {

class DeadlineStream final : public httplib::Stream {
public:
    using Clock = std::chrono::steady_clock;

    /// `fd` stays the caller's to close; `address` and `port` are the client's.
    DeadlineStream(int fd, std::string address, int port, Clock::time_point deadline);

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return fd_; }

    /// Whether the deadline passed while waiting for the client.
    bool expired() const { return expired_; }
    /// Bytes the client sent.
    std::size_t received() const { return received_; }

private:
    bool wait(short events) const;

    int fd_;
    std::string address_;
    int port_;
    Clock::time_point deadline_;
    mutable bool expired_ = false;
    std::size_t received_ = 0;
};

}  // namespace vitrine::control
