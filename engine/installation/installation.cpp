#include "installation/installation.h"

#include <tinyxml2.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "files/bounded_read.h"
#include "script/values.h"
#include "base/time_value.h"

namespace vitrine::installation {

namespace {

constexpr int kMaxPort = 65535;
constexpr int kMaxResolution = 16384;
// X11 places screens with 16-bit coordinates.
constexpr double kMaxDesktopCoordinate = 32767;
constexpr int kDaysPerWeek = 7;
const char* const kDayNames[kDaysPerWeek] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// Reads one file's XML elements and reports problems at file:line:col.
class Reader {
public:
    Reader(std::string_view text, std::filesystem::path file, Diagnostics& d)
        : file_(std::move(file)), diagnostics_(d) {
        std::string line;
        std::istringstream in{std::string(text)};
        while (std::getline(in, line)) lines_.push_back(line);
    }

    SourceLocation at(const tinyxml2::XMLElement& e, const char* attribute = nullptr) const {
        int line = e.GetLineNum();
        int column = columnOf(line, std::string("<") + e.Name());
        if (attribute) {
            // An attribute may sit on a later line of a multi-line tag.
            for (int l = line; l < line + 32 && l <= static_cast<int>(lines_.size()); ++l) {
                int c = columnOf(l, std::string(attribute) + "=", l == line ? column : 1);
                if (c > 0) return {file_.string(), l, c};
            }
        }
        return {file_.string(), line, std::max(column, 1)};
    }

    void error(const tinyxml2::XMLElement& e, const char* attribute, std::string code, std::string message,
               std::string hint = {}) {
        diagnostics_.error(at(e, attribute), std::move(code), std::move(message), std::move(hint));
    }
    void warning(const tinyxml2::XMLElement& e, const char* attribute, std::string code, std::string message,
                 std::string hint = {}) {
        diagnostics_.warning(at(e, attribute), std::move(code), std::move(message), std::move(hint));
    }

    // Warns about attributes this element does not take (a typo would otherwise be silent).
    void onlyAttributes(const tinyxml2::XMLElement& e, std::initializer_list<std::string_view> known) {
        for (auto a = e.FirstAttribute(); a; a = a->Next())
            if (std::find(known.begin(), known.end(), a->Name()) == known.end()) {
                std::string list;
                for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
                warning(e, a->Name(), "unknown-attribute",
                        "<" + std::string(e.Name()) + "> has no attribute '" + a->Name() + "'; it is ignored",
                        list.empty() ? std::string() : "attributes here: " + list);
            }
    }

    const std::filesystem::path& file() const { return file_; }

private:
    int columnOf(int line, const std::string& needle, int from = 1) const {
        if (line < 1 || line > static_cast<int>(lines_.size())) return 0;
        const auto& text = lines_[line - 1];
        auto pos = text.find(needle, static_cast<std::size_t>(std::max(from - 1, 0)));
        return pos == std::string::npos ? 0 : static_cast<int>(pos) + 1;
    }

    std::filesystem::path file_;
    Diagnostics& diagnostics_;
    std::vector<std::string> lines_;
};

std::vector<std::string_view> splitOn(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        auto pos = s.find(sep, start);
        parts.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return parts;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::optional<int> parseInteger(std::string_view s, int low, int high) {
    auto v = parseNumber(s);
    // The range is checked before any conversion: converting 1e300 to an integer is undefined.
    if (!v || !(*v >= low && *v <= high) || *v != std::floor(*v)) return std::nullopt;
    return static_cast<int>(*v);
}

std::optional<Point> parsePoint(std::string_view s) {
    auto parts = splitOn(s, ',');
    if (parts.size() != 2) return std::nullopt;
    auto x = parseNumber(parts[0]), y = parseNumber(parts[1]);
    if (!x || !y) return std::nullopt;
    return Point{*x, *y};
}

std::optional<PixelRect> parsePixelRect(std::string_view s) {
    auto parts = splitOn(s, ',');
    if (parts.size() != 4) return std::nullopt;
    int v[4];
    for (int i = 0; i < 4; ++i) {
        auto n = parseInteger(parts[i], i < 2 ? -kMaxResolution : 1, kMaxResolution);
        if (!n) return std::nullopt;
        v[i] = *n;
    }
    return PixelRect{v[0], v[1], v[2], v[3]};
}

// "mon-fri", "sat,sun", "daily", "tue" → the weekday indices, Monday = 0.
std::optional<std::vector<int>> parseDays(std::string_view text) {
    auto index = [](std::string_view name) -> std::optional<int> {
        std::string lower(trimmed(name));
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        for (int i = 0; i < kDaysPerWeek; ++i)
            if (lower.substr(0, 3) == kDayNames[i] && lower.size() >= 3) return i;
        return std::nullopt;
    };
    auto t = trimmed(text);
    if (t == "daily" || t == "every-day" || t == "all") return std::vector<int>{0, 1, 2, 3, 4, 5, 6};
    std::set<int> days;
    for (auto part : splitOn(t, ',')) {
        auto range = splitOn(part, '-');
        if (range.size() == 1) {
            auto d = index(range[0]);
            if (!d) return std::nullopt;
            days.insert(*d);
        } else if (range.size() == 2) {
            auto a = index(range[0]), b = index(range[1]);
            if (!a || !b) return std::nullopt;
            // Ranges may wrap past Sunday: "fri-mon".
            for (int d = *a;; d = (d + 1) % kDaysPerWeek) {
                days.insert(d);
                if (d == *b) break;
            }
        } else {
            return std::nullopt;
        }
    }
    if (days.empty()) return std::nullopt;
    return std::vector<int>(days.begin(), days.end());
}

std::optional<DaySpan> readSpan(Reader& r, const tinyxml2::XMLElement& e) {
    const char* from = e.Attribute("from");
    const char* to = e.Attribute("to");
    if (!from || !to) {
        r.error(e, nullptr, "missing-attribute", "<" + std::string(e.Name()) + "> needs from=\"HH:MM\" and to=\"HH:MM\"",
                "e.g. from=\"10:00\" to=\"18:00\"; to=\"02:00\" runs past midnight");
        return std::nullopt;
    }
    auto open = parseTimeOfDay(from), close = parseTimeOfDay(to);
    if (!open || *open >= kSecondsPerDay) {
        r.error(e, "from", "bad-time", std::string("'") + from + "' is not a time of day", "write HH:MM, e.g. 09:30");
        return std::nullopt;
    }
    if (!close) {
        r.error(e, "to", "bad-time", std::string("'") + to + "' is not a time of day", "write HH:MM, e.g. 18:00 or 24:00");
        return std::nullopt;
    }
    return DaySpan{*open, *close};
}

// Two openings of one day that share time: allowed (the day is open in either), but
// usually a typo, so the technician is told.
bool overlap(const DaySpan& a, const DaySpan& b) {
    auto end = [](const DaySpan& s) { return s.close <= s.open ? s.close + kSecondsPerDay : s.close; };
    return a.open < end(b) && b.open < end(a);
}

void addSpan(Reader& r, const tinyxml2::XMLElement& e, DaySpans& spans, const std::string& day, DaySpan span) {
    for (const auto& s : spans)
        if (overlap(s, span))
            r.warning(e, "from", "hours-overlap",
                      "this opening overlaps another on " + day + "; the day is open in either",
                      "several <open>s or <special>s on a day add up: a lunch break is two of them");
    spans.push_back(span);
}

void readHours(Reader& r, const tinyxml2::XMLElement& hoursElement, OpeningHours& hours) {
    hours.always = false;
    // Dates given by <closed>, kept apart so a <special> on the same date is caught in
    // either order (the rule, documented in INSTALLATION.md: the date stays closed).
    std::vector<CivilDate> closedDates;
    auto exceptionFor = [&](CivilDate date) -> HoursException& {
        for (auto& x : hours.exceptions)
            if (x.date == date) return x;
        return hours.exceptions.emplace_back(HoursException{date, {}});
    };
    for (auto e = hoursElement.FirstChildElement(); e; e = e->NextSiblingElement()) {
        std::string name = e->Name();
        if (name == "open") {
            r.onlyAttributes(*e, {"days", "from", "to"});
            const char* daysText = e->Attribute("days");
            auto days = daysText ? parseDays(daysText) : std::nullopt;
            if (!days) {
                r.error(*e, daysText ? "days" : nullptr, "bad-days",
                        daysText ? std::string("'") + daysText + "' is not a set of weekdays" : "<open> needs days=\"…\"",
                        "e.g. days=\"mon-fri\", \"sat,sun\", \"daily\"");
                continue;
            }
            auto span = readSpan(r, *e);
            if (!span) continue;
            // Several <open>s for a day add up: "daily 10-18" and "fri 18-22" is a late Friday.
            for (int d : *days) addSpan(r, *e, hours.weekly[d], kDayNames[d], *span);
        } else if (name == "closed" || name == "special") {
            r.onlyAttributes(*e, name == "closed" ? std::initializer_list<std::string_view>{"date", "note"}
                                                  : std::initializer_list<std::string_view>{"date", "from", "to", "note"});
            const char* dateText = e->Attribute("date");
            auto date = dateText ? parseDate(dateText) : std::nullopt;
            if (!date) {
                r.error(*e, dateText ? "date" : nullptr, "bad-date",
                        dateText ? std::string("'") + dateText + "' is not a date" : "<" + name + "> needs date=\"YYYY-MM-DD\"",
                        "e.g. date=\"2026-12-25\"");
                continue;
            }
            bool closedAlready = std::find(closedDates.begin(), closedDates.end(), *date) != closedDates.end();
            auto& x = exceptionFor(*date);
            if (name == "closed") {
                if (!x.spans.empty())
                    r.error(*e, "date", "closed-and-special",
                            std::string(dateText) + " is given both as <closed> and with hours; it stays closed",
                            "remove the <closed> or the <special>s for this date");
                closedDates.push_back(*date);
                x.spans.clear();
                continue;
            }
            auto span = readSpan(r, *e);
            if (!span) continue;
            if (closedAlready) {
                r.error(*e, "date", "closed-and-special",
                        std::string(dateText) + " is given both as <closed> and with hours; it stays closed",
                        "remove the <closed> or the <special>s for this date");
                continue;
            }
            // Several <special>s on a date add up, like several <open>s on a weekday.
            addSpan(r, *e, x.spans, dateText, *span);
        } else {
            r.warning(*e, nullptr, "unknown-element", "<hours> has no element <" + name + ">; it is ignored",
                      "use <open days from to>, <closed date>, <special date from to>");
        }
    }
}

// <description play="always|on-command|scheduled">; scheduled, its children are the described
// showings in the <hours> grammar (<open days from to>, <closed date>, <special date from to>).
void readDescription(Reader& r, const tinyxml2::XMLElement& e, DescriptionSettings& description) {
    const char* play = e.Attribute("play");
    const std::string_view p = play ? play : "";
    if (p == "always") description.play = DescriptionPlay::Always;
    else if (p == "on-command") description.play = DescriptionPlay::OnCommand;
    else if (p == "scheduled") description.play = DescriptionPlay::Scheduled;
    else r.error(e, play ? "play" : nullptr, "bad-value",
                 "<description> needs play=\"always\", \"on-command\" or \"scheduled\"",
                 "e.g. <description play=\"scheduled\"><open days=\"tue\" from=\"10:00\" to=\"12:00\"/></description>");
    r.onlyAttributes(e, {"play"});
    if (description.play != DescriptionPlay::Scheduled) {
        if (e.FirstChildElement())
            r.warning(*e.FirstChildElement(), nullptr, "unknown-element",
                      "only play=\"scheduled\" takes described showings; this one is ignored");
        return;
    }
    readHours(r, e, description.schedule);
}

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

// <sign-language corner="bottom-right" size="22%" show="true"/>: the region reserved for
// the exhibit's sign-language video (visitor_languages.h).
void readSignLanguage(Reader& r, const tinyxml2::XMLElement& e, Installation& inst) {
    r.onlyAttributes(e, {"corner", "size", "show"});
    SignLanguageInset inset;
    if (const char* corner = e.Attribute("corner")) {
        if (auto c = parseCorner(corner)) inset.corner = *c;
        else r.error(e, "corner", "bad-value", std::string("'") + corner + "' is not a corner",
                     "top-left, top-right, bottom-left or bottom-right");
    }
    if (const char* size = e.Attribute("size")) {
        auto l = parseLength(size);
        // Between a sliver and the whole height: the inset must not hide the exhibit.
        constexpr double kMaxPercent = 50;
        if (l && l->value > 0 && (l->percent ? l->value <= kMaxPercent : l->value <= kMaxResolution)) inset.size = *l;
        else r.error(e, "size", "bad-value", std::string("'") + size + "' is not the inset's height",
                     "a share of the wall's height up to 50%, e.g. size=\"22%\", or pixels, size=\"240\"");
    }
    if (const char* show = e.Attribute("show")) {
        if (auto v = parseBool(show)) inset.show = *v;
        else r.error(e, "show", "bad-value", "<sign-language> needs show=\"true\" or \"false\"");
    }
    inst.signLanguage = inset;
}

}  // namespace

std::vector<std::string> problemLines(const Diagnostics& diagnostics) {
    std::vector<std::string> lines;
    for (const auto& d : diagnostics.all())
        if (d.severity != Severity::Note)
            lines.push_back(d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) +
                            ": " + severityName(d.severity) + ": " + d.message);
    return lines;
}

bool isLoopback(std::string_view a) {
    return a == "localhost" || a == "::1" || a.substr(0, 4) == "127.";
}

std::optional<Installation> parseInstallation(std::string_view text, const std::filesystem::path& fileName,
                                              Diagnostics& diagnostics) {
    tinyxml2::XMLDocument doc;
    if (doc.Parse(text.data(), text.size()) == tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED) {
        // TinyXML-2 stops at its own depth bound (its parser recurses): the file may be
        // well-formed, but no installation file is that deep, so say so, not "not well-formed".
        diagnostics.error({fileName.string(), doc.ErrorLineNum(), 1}, "element-too-deep",
                          "elements are nested more than " + std::to_string(TINYXML2_MAX_ELEMENT_DEPTH) +
                              " deep; an installation file needs three levels (installation, output, keystone)",
                          "the file is damaged or was generated wrongly");
        return std::nullopt;
    }
    if (doc.Error()) {
        diagnostics.error({fileName.string(), doc.ErrorLineNum(), 1}, "xml-syntax",
                          std::string("the installation file is not well-formed XML: ") +
                              (doc.ErrorStr() ? doc.ErrorStr() : "unknown error"));
        return std::nullopt;
    }
    Reader r(text, fileName, diagnostics);
    const tinyxml2::XMLElement* root = doc.RootElement();
    if (!root || std::string(root->Name()) != "installation") {
        diagnostics.error({fileName.string(), root ? root->GetLineNum() : 1, 1}, "wrong-root",
                          "an installation file starts with <installation>");
        return std::nullopt;
    }
    Installation inst;
    inst.file = fileName;
    r.onlyAttributes(*root, {"start"});
    if (const char* start = root->Attribute("start")) {
        if (auto t = parseIsoInstant(start)) inst.startEpoch = *t;
        else r.error(*root, "start", "bad-instant", std::string("'") + start + "' is not an ISO 8601 date and time",
                     "e.g. start=\"2026-01-20T09:00:00+04:00\"");
    }
    bool sawHours = false;
    for (auto e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
        std::string name = e->Name();
        if (name == "output") {
            readOutput(r, *e, inst);
        } else if (name == "hours") {
            if (sawHours) r.warning(*e, nullptr, "duplicate-element", "a second <hours> adds to the first");
            sawHours = true;
            r.onlyAttributes(*e, {});
            readHours(r, *e, inst.hours);
        } else if (name == "languages") {
            r.onlyAttributes(*e, {"show", "text", "audio", "captions"});
            auto readList = [&](const char* attr, std::vector<std::string>& into) {
                const char* t = e->Attribute(attr);
                if (!t) return;
                if (auto l = parseLanguages(t)) into = *l;
                else r.error(*e, attr, "bad-languages", std::string("'") + t + "' is not a list of language codes",
                             "e.g. \"en hy az\"");
            };
            readList("audio", inst.languages);
            readList("text", inst.languages);  // the clearer name: these choose the text on screen
            readList("captions", inst.captionLanguages);
            if (const char* show = e->Attribute("show")) {
                if (auto mode = parseLanguageMode(show)) inst.languageMode = *mode;
                else r.error(*e, "show", "bad-value", std::string("'") + show + "' is not a way to show the languages",
                             "show=\"one\" (the first listed), \"both\" (the first two at once), \"alternate\" (one per loop) or \"all\"");
            }
            const bool needsTwo = inst.languageMode == LanguageMode::Both || inst.languageMode == LanguageMode::Alternate;
            if (needsTwo && inst.languages.size() < 2)
                r.warning(*e, "show", "one-language",
                          std::string("show=\"") + e->Attribute("show") + "\" needs two text languages; the text is shown in one",
                          "list them, first the main one: text=\"en fr\"");
        } else if (name == "sign-language") {
            readSignLanguage(r, *e, inst);
        } else if (name == "volume") {
            r.onlyAttributes(*e, {"level"});
            const char* t = e->Attribute("level");
            auto v = t ? parseNumber(t) : std::nullopt;
            if (v && *v >= 0 && *v <= 1) inst.volume = *v;
            else r.error(*e, t ? "level" : nullptr, "bad-value", "<volume> needs level=\"0..1\"", "e.g. level=\"0.8\"");
        } else if (name == "advisory") {
            r.onlyAttributes(*e, {"policy"});
            std::string p = e->Attribute("policy") ? e->Attribute("policy") : "";
            if (p == "every-loop") inst.advisory = AdvisoryPolicy::EveryLoop;
            else if (p == "on-opening") inst.advisory = AdvisoryPolicy::OnOpening;
            else r.error(*e, e->Attribute("policy") ? "policy" : nullptr, "bad-value",
                         "<advisory> needs policy=\"every-loop\" or \"on-opening\"");
        } else if (name == "motion") {
            r.onlyAttributes(*e, {"reduced"});
            const char* t = e->Attribute("reduced");
            auto v = t ? parseBool(t) : std::nullopt;
            if (v) inst.reducedMotion = *v;
            else r.error(*e, t ? "reduced" : nullptr, "bad-value", "<motion> needs reduced=\"true\" or \"false\"",
                         "e.g. reduced=\"true\"");
        } else if (name == "description") {
            readDescription(r, *e, inst.description);
        } else if (name == "control") {
            r.onlyAttributes(*e, {"http", "osc", "bind", "token"});
            auto port = [&](const char* attr, int& into) {
                const char* t = e->Attribute(attr);
                if (!t) return;
                if (auto v = parseInteger(t, 0, kMaxPort)) into = *v;
                else r.error(*e, attr, "bad-port", std::string("'") + t + "' is not a port (0–65535)");
            };
            port("http", inst.control.httpPort);
            port("osc", inst.control.oscPort);
            if (const char* b = e->Attribute("bind")) inst.control.bindAddress = b;
            if (const char* t = e->Attribute("token")) inst.control.token = t;
            if (!isLoopback(inst.control.bindAddress) && inst.control.token.empty())
                r.error(*e, "bind", "control-needs-token",
                        "listening on " + inst.control.bindAddress + " lets other machines control the show; it needs a token",
                        "add token=\"…\" (a long random string), or bind=\"127.0.0.1\"");
        } else if (name == "proof-of-play") {
            r.onlyAttributes(*e, {"file", "max-kb", "keep"});
            ProofOfPlaySettings p;
            const char* f = e->Attribute("file");
            if (!f || !*f) {
                r.error(*e, nullptr, "missing-attribute", "<proof-of-play> needs file=\"PATH\"",
                        "e.g. file=\"/var/log/vitrine/proof-of-play.log\"");
                continue;
            }
            p.file = f;
            constexpr int kMaxKilobytes = 1 << 20, kMaxKeep = 1000, kBytesPerKilobyte = 1024;
            if (const char* kb = e->Attribute("max-kb")) {
                if (auto v = parseInteger(kb, 1, kMaxKilobytes)) p.maxBytes = static_cast<std::uintmax_t>(*v) * kBytesPerKilobyte;
                else r.error(*e, "max-kb", "bad-value", std::string("'") + kb + "' is not a size in kilobytes");
            }
            if (const char* keep = e->Attribute("keep")) {
                if (auto v = parseInteger(keep, 0, kMaxKeep)) p.keep = *v;
                else r.error(*e, "keep", "bad-value", std::string("'") + keep + "' is not a number of files");
            }
            inst.proofOfPlay = p;
        } else if (name == "visitor-page") {
            r.onlyAttributes(*e, {"port", "bind", "address"});
            std::vector<VisitorPageProblem> problems;
            inst.visitorPage = readVisitorPage(e->Attribute("port"), e->Attribute("bind"), e->Attribute("address"), problems);
            inst.visitorPage->where = r.at(*e);
            for (auto& p : problems) r.error(*e, p.attribute, std::move(p.code), std::move(p.message), std::move(p.hint));
            if (!problems.empty()) inst.visitorPage.reset();
        } else {
            r.warning(*e, nullptr, "unknown-element", "<installation> has no element <" + name + ">; it is ignored",
                      "elements: output, hours, languages, sign-language, volume, advisory, motion, description, control, proof-of-play, visitor-page");
        }
    }
    // HTTP and OSC on the same number do not clash: HTTP listens on TCP, OSC on UDP, and
    // those are separate port spaces.
    // The visitors' page and the control API are both HTTP (TCP): one port cannot serve both.
    if (inst.visitorPage && inst.visitorPage->port == inst.control.httpPort)
        diagnostics.error(inst.visitorPage->where, "port-clash",
                          "<visitor-page> and <control http> both use port " + std::to_string(inst.control.httpPort),
                          "give the visitors' page a port of its own, e.g. 8090");
    std::set<std::string> ids;
    for (const auto& o : inst.outputs)
        if (!ids.insert(o.id).second)
            diagnostics.error(o.where, "duplicate-id", "two outputs are called '" + o.id + "'");
    return inst;
}

std::optional<Installation> loadInstallation(const std::filesystem::path& file, Diagnostics& diagnostics) {
    auto text = readFileUpTo(file, kMaxInstallationBytes);
    if (!text) {
        diagnostics.error({file.string(), 0, 0}, "unreadable", "cannot read the installation file");
        return std::nullopt;
    }
    if (refuseTooLarge(*text, file.string(), kMaxInstallationBytes, "installation file", diagnostics)) return std::nullopt;
    return parseInstallation(*text, file, diagnostics);
}

}  // namespace vitrine::installation
