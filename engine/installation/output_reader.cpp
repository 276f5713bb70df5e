#include "installation/output_reader.h"

#include <sstream>

#include "script/values.h"
#include "base/time_value.h"

namespace vitrine::installation {

namespace {

// X11 places screens with 16-bit coordinates.
constexpr double kMaxDesktopCoordinate = 32767;

void readEdge(Reader& r, const tinyxml2::XMLElement& e, Output& out) {
    r.onlyAttributes(e, {"edge", "width", "curve", "gamma"});
    const char* edgeName = e.Attribute("edge");
    BlendEdge* edge = nullptr;
    std::string name = edgeName ? edgeName : "";
    if (name == "left") edge = &out.blend.left;
    else if (name == "right") edge = &out.blend.right;
    else if (name == "top") edge = &out.blend.top;
    else if (name == "bottom") edge = &out.blend.bottom;
    if (!edge) {
        r.error(e, edgeName ? "edge" : nullptr, "bad-edge", "<blend> needs edge=\"left|right|top|bottom\"");
        return;
    }
    auto number = [&](const char* attr, double low, double high, double& into) {
        const char* text = e.Attribute(attr);
        if (!text) return;
        auto v = parseNumber(text);
        if (!v || *v < low || *v > high) {
            std::ostringstream range;
            range << "a number from " << low << " to " << high;
            r.error(e, attr, "bad-value", std::string("'") + text + "' is not " + range.str());
            return;
        }
        into = *v;
    };
    if (!e.Attribute("width")) r.error(e, nullptr, "missing-attribute", "<blend> needs width=\"PIXELS\"");
    number("width", 0, kMaxResolution, edge->width);
    number("curve", 0.1, 10, edge->curve);
    number("gamma", 0.5, 5, edge->gamma);
}

// The longest warm-up lead: a lamp needs a minute or two; the power schedule looks ahead
// two days at most.
constexpr std::int64_t kMaxWarmUpMicros = 3600LL * 1'000'000;

void readPower(Reader& r, const tinyxml2::XMLElement& e, Output& out) {
    r.onlyAttributes(e, {"pjlink", "password", "cec", "adapter", "warm-up"});
    PowerControl p;
    p.where = r.at(e);
    const char* pjlink = e.Attribute("pjlink");
    const char* cec = e.Attribute("cec");
    if (!pjlink == !cec) {
        r.error(e, nullptr, "bad-power", "<power> needs either pjlink=\"HOST[:PORT]\" or cec=\"ADDRESS\"",
                "e.g. <power pjlink=\"192.168.1.50\" password=\"…\"/> or <power cec=\"0\"/>");
        return;
    }
    if (pjlink) {
        std::string_view text = trimmed(pjlink);
        auto colon = text.rfind(':');
        p.host = std::string(text.substr(0, colon));
        if (colon != std::string_view::npos) {
            if (auto port = parseInteger(text.substr(colon + 1), 1, kMaxPort)) p.port = *port;
            else p.host.clear();
        }
        if (p.host.empty() || p.host.find_first_of(" /@") != std::string::npos) {
            r.error(e, "pjlink", "bad-address", std::string("'") + pjlink + "' is not a projector's address",
                    "HOST or HOST:PORT, e.g. 192.168.1.50 or projector-left.local:4352");
            return;
        }
        if (const char* pw = e.Attribute("password")) p.password = pw;
    } else {
        p.protocol = PowerProtocol::Cec;
        auto device = parseInteger(cec, 0, 14);
        if (!device) {
            r.error(e, "cec", "bad-value", std::string("'") + cec + "' is not a CEC logical address (0-14)",
                    "0 is the television or monitor on the HDMI cable");
            return;
        }
        p.cecDevice = std::to_string(*device);
        if (const char* adapter = e.Attribute("adapter")) p.cecAdapter = adapter;
        if (e.Attribute("password")) r.warning(e, "password", "ignored-attribute", "HDMI-CEC has no password; it is ignored");
    }
    if (const char* lead = e.Attribute("warm-up")) {
        auto v = parseTimeValue(lead);
        if (v && *v >= 0 && *v <= kMaxWarmUpMicros) p.warmUpMicros = *v;
        else {
            // Like every mistake in <power>, the device is then left alone, never switched
            // on a guess.
            r.error(e, "warm-up", "bad-time", std::string("'") + lead + "' is not a warm-up time up to 1 hour",
                    "e.g. warm-up=\"90s\" or \"2min\"");
            return;
        }
    }
    if (out.power) r.warning(e, nullptr, "duplicate-element", "a second <power> in one output replaces the first");
    out.power = p;
}

}  // namespace

void readOutput(Reader& r, const tinyxml2::XMLElement& e, Installation& inst) {
    r.onlyAttributes(e, {"id", "display", "resolution", "position", "canvas", "black-level"});
    Output out;
    out.where = r.at(e);
    out.id = e.Attribute("id") ? e.Attribute("id") : "output-" + std::to_string(inst.outputs.size() + 1);
    if (const char* d = e.Attribute("display")) {
        if (auto v = parseInteger(d, 0, 63)) out.display = *v;
        else r.error(e, "display", "bad-value", std::string("'") + d + "' is not a display index", "0 is the first projector");
    }
    out.sizedByDisplay = !e.Attribute("resolution");
    if (const char* res = e.Attribute("resolution")) {
        auto s = parseSize(res);
        if (s && s->width > 0 && s->height > 0 && s->width <= kMaxResolution && s->height <= kMaxResolution) {
            out.width = s->width;
            out.height = s->height;
        } else {
            r.error(e, "resolution", "bad-size", std::string("'") + res + "' is not a resolution", "e.g. 1920x1080");
        }
    }
    if (const char* pos = e.Attribute("position")) {
        auto p = parsePoint(pos);
        if (p && p->x >= 0 && p->y >= 0 && p->x <= kMaxDesktopCoordinate && p->y <= kMaxDesktopCoordinate) {
            out.positionX = static_cast<int>(p->x);
            out.positionY = static_cast<int>(p->y);
        } else {
            r.error(e, "position", "bad-value", std::string("'") + pos + "' is not a position on the desktop",
                    "x,y in desktop pixels from 0 to 32767, e.g. 1920,0");
        }
    }
    if (const char* c = e.Attribute("canvas")) {
        if (auto rect = parsePixelRect(c)) out.canvas = rect;
        else r.error(e, "canvas", "bad-value", std::string("'") + c + "' is not a canvas region",
                     "x,y,width,height in canvas pixels, e.g. 0,0,1060,1080");
    }
    if (const char* b = e.Attribute("black-level")) {
        auto v = parseNumber(b);
        if (v && *v >= 0 && *v <= 1) out.blackLevel = *v;
        else r.error(e, "black-level", "bad-value", std::string("'") + b + "' is not a level from 0 to 1");
    }
    for (auto child = e.FirstChildElement(); child; child = child->NextSiblingElement()) {
        std::string name = child->Name();
        if (name == "keystone") {
            r.onlyAttributes(*child, {"tl", "tr", "br", "bl"});
            const char* names[4] = {"tl", "tr", "br", "bl"};
            Quad q;
            bool ok = true;
            for (int i = 0; i < 4; ++i) {
                const char* text = child->Attribute(names[i]);
                auto p = text ? parsePoint(text) : std::nullopt;
                if (!p) {
                    r.error(*child, text ? names[i] : nullptr, "bad-corner",
                            std::string("<keystone> needs ") + names[i] + "=\"x,y\" (output pixels)",
                            "corners: tl (top-left), tr, br, bl");
                    ok = false;
                    continue;
                }
                q[i] = *p;
            }
            if (!ok) continue;
            if (!Homography::fromCorners(rectangleCorners(out.width, out.height), q)) {
                r.error(*child, nullptr, "bad-keystone", "these keystone corners fold the image (three lie on a line)");
                continue;
            }
            out.keystone = q;
        } else if (name == "blend") {
            readEdge(r, *child, out);
        } else if (name == "power") {
            readPower(r, *child, out);
        } else {
            r.warning(*child, nullptr, "unknown-element", "<output> has no element <" + name + ">; it is ignored",
                      "use <keystone>, <blend> and <power>");
        }
    }
    inst.outputs.push_back(std::move(out));
}

}  // namespace vitrine::installation
