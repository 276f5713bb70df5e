#pragma once
// The exhibit format, version 1, as data: every element, its attributes and their value
// types, and which children it takes. The validator, the reference documentation and the
// XML Schema are all checked against this one table.

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

/// What kind of value an attribute holds; decides how it is checked.
enum class ValueType {
    Text,        // any text
    Id,          // a name other elements refer to
    Time,        // "12s", "250ms", "1:02.5"
    TimeOrIndefinite,
    Repeat,      // a positive number or "indefinite"
    Length,      // "120", "120px" or "50%"
    Size,        // "1920x1080"
    Color,       // "#efe6d6", "#000000cc", "white", "transparent"
    Number,
    Bool,        // "true" / "false"
    Enum,        // one of AttributeSpec::choices
    Easing,      // a name from the easing registry or cubic-bezier(…)
    Transition,  // "fade 1.5s", "dip 2s", "slide-left 1s", "cut"
    StyleRef,    // id of a <style>
    RegionRef,   // id of a <region>
    Path,        // a file path relative to the script
    PanZoom,     // "x,y,w,h → x,y,w,h"
    Languages,   // "en hy ru"
    Place,       // "lon,lat" or a gazetteer name
    PlaceList,   // places separated by ";"
    AnimateValue,  // what <animate> moves between: a number, a length (px or %) or a colour
    View,        // "lon,lat → lon,lat" bounding box; last, as tables indexed by type end here
};

/// The values a number (or a length in px) may take, as the reference documents them.
struct NumberRange {
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    bool aboveMin = false;  // min itself is not allowed (a zoom of 0)

    bool contains(double v) const { return (aboveMin ? v > min : v >= min) && v <= max; }
};

/// One attribute an element accepts.
struct AttributeSpec {
    std::string name;
    ValueType type = ValueType::Text;
    std::vector<std::string> choices;  // for Enum
    std::string doc;                   // one sentence for the reference
    std::optional<NumberRange> range;  // for Number and Length (px; percentages are checked as 0 to 100)
};

/// One element of the format.
struct ElementSpec {
    std::string name;
    std::string doc;
    std::vector<AttributeSpec> attributes;
    std::vector<std::string> children;  // element names allowed inside
    bool text = false;                  // whether text may appear directly inside
    bool timed = false;                 // whether it sits on the timeline

    /// The attribute spec called `attributeName`, or nullptr.
    const AttributeSpec* attribute(std::string_view attributeName) const;
    /// True if `childName` may appear inside this element.
    bool allowsChild(std::string_view childName) const;
};

/// The whole format. Built once by the caller and passed where needed.
class Vocabulary {
public:
    /// The format as of version 1.
    Vocabulary();

    /// The spec for `name`, or nullptr when the format has no such element.
    const ElementSpec* element(std::string_view name) const;
    /// Every element, in reference order.
    const std::vector<ElementSpec>& elements() const { return elements_; }
    /// Names of every element, for suggestions.
    std::vector<std::string> elementNames() const;

private:
    std::vector<ElementSpec> elements_;
};

/// Name of a value type as the reference documentation writes it.
const char* valueTypeName(ValueType t);

}  // namespace vitrine
