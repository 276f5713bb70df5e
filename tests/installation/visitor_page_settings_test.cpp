#include <doctest/doctest.h>

#include "installation/installation.h"

using namespace vitrine;
using namespace vitrine::installation;

namespace {
std::optional<Installation> parse(const std::string& xml, Diagnostics& d) {
    return parseInstallation(xml, "installation.xml", d);
}
}  // namespace

TEST_CASE("visitor page settings: off by default, on with a port, every interface unless bound") {
    Diagnostics d;
    CHECK_FALSE(parse("<installation/>", d)->visitorPage);
    auto inst = parse("<installation>\n<visitor-page port=\"8090\" address=\"http://vitrine.local:8090/\"/>\n</installation>", d);
    CHECK(d.all().empty());
    REQUIRE(inst->visitorPage);
    CHECK(inst->visitorPage->port == 8090);
    CHECK(inst->visitorPage->bindAddress == "0.0.0.0");
    CHECK(inst->visitorPage->address == "http://vitrine.local:8090/");
    CHECK(inst->visitorPage->where.line == 2);
    inst = parse("<installation><visitor-page port=\"8091\" bind=\"10.0.0.5\"/></installation>", d);
    CHECK(inst->visitorPage->bindAddress == "10.0.0.5");
    CHECK(inst->visitorPage->address.empty());
}

TEST_CASE("visitor page settings: a bad port or address is an error at the attribute and the page stays off") {
    struct Case {
        const char* xml;
        const char* code;
        int column;
    };
    for (const Case& c : {Case{"<installation><visitor-page/></installation>", "missing-attribute", 15},
                          Case{"<installation><visitor-page port=\"0\"/></installation>", "bad-port", 29},
                          Case{"<installation><visitor-page port=\"80a\"/></installation>", "bad-port", 29},
                          Case{"<installation><visitor-page port=\"8090\" address=\"ftp://x/\"/></installation>", "bad-value", 41},
                          Case{"<installation><visitor-page port=\"8090\" address=\"http://a b/\"/></installation>", "bad-value", 41},
                          Case{"<installation><control http=\"8090\"/><visitor-page port=\"8090\"/></installation>", "port-clash", 37}}) {
        INFO(c.xml);
        Diagnostics d;
        auto inst = parse(c.xml, d);
        REQUIRE(d.all().size() == 1);
        CHECK(d.all()[0].code == c.code);
        CHECK(d.all()[0].where.column == c.column);
        if (std::string(c.code) != "port-clash") CHECK_FALSE(inst->visitorPage);
    }
    Diagnostics d;
    parse("<installation><visitor-page port=\"8090\" address=\"http://" + std::string(kMaxVisitorAddressBytes, 'a') +
              "/\"/></installation>", d);
    CHECK(d.hasErrors());
}
