// <power> in an <output>: a PJLink projector or an HDMI-CEC display, with its warm-up lead,
// and the mistakes a technician can make writing it.
#include <doctest/doctest.h>

#include "installation/installation.h"

using namespace vitrine;
using namespace vitrine::installation;

namespace {
std::optional<Output> outputFrom(const std::string& power, Diagnostics& d) {
    auto inst = parseInstallation("<installation>\n<output id=\"left\">\n" + power + "\n</output>\n</installation>", "site.xml", d);
    REQUIRE(inst);
    REQUIRE(inst->outputs.size() == 1);
    return inst->outputs[0];
}
}  // namespace

TEST_CASE("installation power: a PJLink projector with its port, password and warm-up") {
    Diagnostics d;
    auto out = outputFrom("<power pjlink=\"192.168.1.50:4353\" password=\"s3cret\" warm-up=\"90s\"/>", d);
    CHECK(d.empty());
    REQUIRE(out->power);
    CHECK(out->power->protocol == PowerProtocol::Pjlink);
    CHECK(out->power->host == "192.168.1.50");
    CHECK(out->power->port == 4353);
    CHECK(out->power->password == "s3cret");
    CHECK(out->power->warmUpMicros == 90'000'000);
    auto plain = outputFrom("<power pjlink=\"projector-left.local\"/>", d);
    CHECK(plain->power->port == 4352);
    CHECK(plain->power->warmUpMicros == 60'000'000);
    CHECK(d.empty());
}

TEST_CASE("installation power: an HDMI-CEC display with its adapter") {
    Diagnostics d;
    auto out = outputFrom("<power cec=\"0\" adapter=\"/dev/ttyACM0\" warm-up=\"10s\"/>", d);
    CHECK(d.empty());
    REQUIRE(out->power);
    CHECK(out->power->protocol == PowerProtocol::Cec);
    CHECK(out->power->cecDevice == "0");
    CHECK(out->power->cecAdapter == "/dev/ttyACM0");
    CHECK(out->power->warmUpMicros == 10'000'000);
}

TEST_CASE("installation power: mistakes are errors at their attribute, and the output plays without power control") {
    struct Case {
        const char* power;
        const char* code;
        int column;
    };
    for (auto c : {Case{"<power/>", "bad-power", 1}, Case{"<power pjlink=\"a\" cec=\"0\"/>", "bad-power", 1},
                   Case{"<power pjlink=\"host:99999\"/>", "bad-address", 8},
                   Case{"<power pjlink=\"pjlink://:pw@host\"/>", "bad-address", 8},
                   Case{"<power cec=\"15\"/>", "bad-value", 8},
                   Case{"<power pjlink=\"host\" warm-up=\"2h\"/>", "bad-time", 22}}) {
        CAPTURE(std::string(c.power));
        Diagnostics d;
        auto out = outputFrom(c.power, d);
        CHECK_FALSE(out->power);
        REQUIRE(d.all().size() == 1);
        CHECK(d.all()[0].code == c.code);
        CHECK(d.all()[0].where.line == 3);
        CHECK(d.all()[0].where.column == c.column);
    }
}

TEST_CASE("installation: every problem becomes one line for the status, with file:line:col") {
    Diagnostics d;
    parseInstallation("<installation>\n<volume level=\"2\"/>\n<colour/>\n</installation>", "site.xml", d);
    auto lines = problemLines(d);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "site.xml:2:9: error: <volume> needs level=\"0..1\"");
    CHECK(lines[1] == "site.xml:3:1: warning: <installation> has no element <colour>; it is ignored");
}
