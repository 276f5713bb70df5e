#pragma once
// Who is connected to the HTTP server, bounded per client address and in total, so that
// slow or idle clients from one address cannot take every worker: a connection over a
// limit is refused as it is accepted. Thread-safe.

#include <map>
#include <mutex>
#include <set>
#include <string>

namespace vitrine::control {

class ConnectionLimits {
public:
    ConnectionLimits(int perAddress, int total) : perAddress_(perAddress), total_(total) {}

    /// Admits socket `fd` from `address` when both limits allow; false (and nothing
    /// recorded) when one is reached.
    bool admit(const std::string& address, int fd);
    /// Forgets an admitted socket; call before closing it.
    void release(const std::string& address, int fd);
    /// Shuts down every admitted socket, so their workers finish at once (on stop).
    void shutdownAll();
    int open() const;

private:
    int perAddress_, total_;
    mutable std::mutex mutex_;
    std::map<std::string, int> byAddress_;
    std::set<int> sockets_;
};

}  // namespace vitrine::control
