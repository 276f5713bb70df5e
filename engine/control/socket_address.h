#pragma once
// Socket addresses as the control servers log them: numeric, IPv4 or IPv6.

#include <sys/socket.h>

#include <string>

namespace vitrine::control {

/// The numeric address of a socket address ("127.0.0.1", "::1"), and its port.
std::string numericAddress(const sockaddr_storage& address, int* port = nullptr);

}  // namespace vitrine::control
