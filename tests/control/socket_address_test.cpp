#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "control/socket_address.h"

using namespace vitrine::control;

TEST_CASE("socket address: numeric IPv4 and IPv6, with the port") {
    sockaddr_storage v4{};
    auto& a4 = reinterpret_cast<sockaddr_in&>(v4);
    a4.sin_family = AF_INET;
    a4.sin_port = htons(8080);
    inet_pton(AF_INET, "127.0.0.1", &a4.sin_addr);
    int port = 0;
    CHECK(numericAddress(v4, &port) == "127.0.0.1");
    CHECK(port == 8080);
    sockaddr_storage v6{};
    auto& a6 = reinterpret_cast<sockaddr_in6&>(v6);
    a6.sin6_family = AF_INET6;
    a6.sin6_port = htons(9000);
    a6.sin6_addr = in6addr_loopback;
    CHECK(numericAddress(v6, &port) == "::1");
    CHECK(port == 9000);
    sockaddr_storage unknown{};
    CHECK(numericAddress(unknown) == "?");
}
