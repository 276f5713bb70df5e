#include "installation/visitor_readers.h"

#include <string>
#include <string_view>

#include "installation/hours_reader.h"
#include "script/values.h"

namespace vitrine::installation {

SignLanguageInset readSignLanguage(Reader& r, const tinyxml2::XMLElement& e) {
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
    return inset;
}

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

}  // namespace vitrine::installation
