#include "control/socket_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>

namespace vitrine::control {

std::string numericAddress(const sockaddr_storage& address, int* port) {
    char text[INET6_ADDRSTRLEN] = "?";
    if (address.ss_family == AF_INET6) {
        const auto& a6 = reinterpret_cast<const sockaddr_in6&>(address);
        inet_ntop(AF_INET6, &a6.sin6_addr, text, sizeof text);
        if (port) *port = ntohs(a6.sin6_port);
    } else if (address.ss_family == AF_INET) {
        const auto& a4 = reinterpret_cast<const sockaddr_in&>(address);
        inet_ntop(AF_INET, &a4.sin_addr, text, sizeof text);
        if (port) *port = ntohs(a4.sin_port);
    }
    return text;
}

}  // namespace vitrine::control
