#include "installation/installation.h"

#include <tinyxml2.h>

#include <set>

#include "files/bounded_read.h"
#include "installation/hours_reader.h"
#include "installation/installation_reader.h"
#include "installation/output_reader.h"
#include "installation/visitor_readers.h"
#include "script/values.h"
#include "base/time_value.h"

namespace vitrine::installation {

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
    bool sawLanguages = false;
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
            if (sawLanguages)
                r.warning(*e, nullptr, "duplicate-element", "a second <languages> changes what the first one set");
            sawLanguages = true;
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
                          // The mode may come from an earlier <languages>: this one need not say show.
                          "show=\"" + std::string(languageModeName(inst.languageMode)) +
                              "\" needs two text languages; the text is shown in one",
                          "list them, first the main one: text=\"en fr\"");
        } else if (name == "sign-language") {
            inst.signLanguage = readSignLanguage(r, *e);
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
