#include "timeline/animation_reader.h"

#include <map>
#include <string>

#include "script/values.h"
#include "timeline/timing_attributes.h"

namespace vitrine {
namespace {

// Reads `which` (from or to) for `prop` into `out`: a number, a length, or r,g,b,a for a colour.
bool readValue(const ScriptNode& n, const char* which, AnimatedProperty prop, PixelSize canvas, Diagnostics& diagnostics,
               double out[4]) {
    const ScriptAttribute* attr = n.attribute(which);
    if (!attr) {
        diagnostics.error(n.where, "missing-attribute", std::string("<animate> needs ") + which + "=\"…\"");
        return false;
    }
    if (prop == AnimatedProperty::Color) {
        auto c = parseColor(attr->value);
        if (!c) {
            diagnostics.error(attr->where, "bad-color", "'" + std::string(attr->value) + "' is not a colour");
            return false;
        }
        out[0] = c->r, out[1] = c->g, out[2] = c->b, out[3] = c->a;
        return true;
    }
    if (prop == AnimatedProperty::X || prop == AnimatedProperty::Y) {
        auto l = parseLength(attr->value);
        if (!l) {
            diagnostics.error(attr->where, "bad-value", "'" + std::string(attr->value) + "' is not a length");
            return false;
        }
        // Positions animate the box's left or top edge.
        double reference = prop == AnimatedProperty::X ? canvas.width : canvas.height;
        out[0] = l->resolve(reference);
        return true;
    }
    auto v = parseNumber(attr->value);
    if (!v) {
        diagnostics.error(attr->where, "bad-value", "'" + std::string(attr->value) + "' is not a number");
        return false;
    }
    out[0] = *v;
    return true;
}

}  // namespace

std::optional<Animation> readAnimation(const ScriptNode& n, Micros itemLength, PixelSize canvas, Diagnostics& diagnostics) {
    Animation a;
    a.where = n.where;
    std::string attribute = n.value("attribute");
    static const std::map<std::string, AnimatedProperty> kProperties = {
        {"opacity", AnimatedProperty::Opacity}, {"x", AnimatedProperty::X},
        {"y", AnimatedProperty::Y},             {"scale", AnimatedProperty::Scale},
        {"rotation", AnimatedProperty::Rotation}, {"color", AnimatedProperty::Color}};
    auto p = kProperties.find(attribute);
    if (p == kProperties.end()) {
        if (!n.attribute("attribute"))
            diagnostics.error(n.where, "missing-attribute", "<animate> needs attribute=\"…\"",
                              "one of opacity, x, y, scale, rotation, color");
        return std::nullopt;
    }
    a.property = p->second;
    const TimingAttributes t = readTimingAttributes(n, &diagnostics);
    a.begin = t.begin;
    a.duration = t.simple.value_or(itemLength - a.begin);
    if (const ScriptAttribute* r = n.attribute("repeat"))
        if (auto v = parseRepeat(r->value)) a.repeat = *v;
    a.freeze = n.value("fill", "freeze") == "freeze";
    a.easing = parseEasing(n.value("easing", "linear")).value_or(linearEasing());
    if (!readValue(n, "from", a.property, canvas, diagnostics, a.from) ||
        !readValue(n, "to", a.property, canvas, diagnostics, a.to))
        return std::nullopt;
    return a;
}

}  // namespace vitrine
