#include "script/vocabulary.h"

#include <algorithm>

namespace vitrine {
namespace {

using Attrs = std::vector<AttributeSpec>;

AttributeSpec attr(std::string name, ValueType type, std::string doc) {
    return AttributeSpec{std::move(name), type, {}, std::move(doc), std::nullopt};
}

// A number or length with the range the reference documents.
AttributeSpec ranged(std::string name, ValueType type, NumberRange range, std::string doc) {
    AttributeSpec a = attr(std::move(name), type, std::move(doc));
    a.range = range;
    return a;
}

constexpr NumberRange kUnit{0, 1};                                            // opacity, volume
constexpr NumberRange kNonNegative{0};                                        // widths, sizes
constexpr NumberRange kPositive{0, std::numeric_limits<double>::infinity(), true};  // zoom, line height

AttributeSpec choice(std::string name, std::vector<std::string> choices, std::string doc) {
    return AttributeSpec{std::move(name), ValueType::Enum, std::move(choices), std::move(doc), std::nullopt};
}

Attrs join(std::initializer_list<Attrs> groups) {
    Attrs out;
    for (const auto& g : groups) out.insert(out.end(), g.begin(), g.end());
    return out;
}

const Attrs kId = {attr("id", ValueType::Id, "A name for this element, unique in the exhibit.")};

const Attrs kTiming = {
    attr("begin", ValueType::Time, "Start, relative to the parent's start (in a <seq>: to the previous sibling's end)."),
    attr("dur", ValueType::TimeOrIndefinite, "How long it is active; \"indefinite\" lasts until the parent ends."),
    attr("end", ValueType::Time, "End, on the same scale as begin; an alternative to dur."),
    choice("fill", {"remove", "freeze"}, "After its end: disappear (remove) or hold the last state until the parent ends (freeze)."),
    attr("repeat", ValueType::Repeat, "Play the active duration this many times, or \"indefinite\"."),
};

const Attrs kLayout = {
    attr("x", ValueType::Length, "Horizontal position of the anchor point, px or % of the canvas (or region)."),
    attr("y", ValueType::Length, "Vertical position of the anchor point, px or %."),
    ranged("width", ValueType::Length, kNonNegative, "Width of the box, px or %; default the whole canvas (or region)."),
    ranged("height", ValueType::Length, kNonNegative, "Height of the box, px or %."),
    choice("anchor", {"top-left", "top", "top-right", "left", "center", "right", "bottom-left", "bottom", "bottom-right"},
           "Which point of the box sits at x,y."),
    attr("region", ValueType::RegionRef, "Place the box inside a named <region>."),
};

const Attrs kAppearance = {
    ranged("opacity", ValueType::Number, kUnit, "0 (invisible) to 1 (opaque)."),
    attr("fade", ValueType::Time, "Fade in at the start and out at the end over this time."),
    attr("fade-in", ValueType::Time, "Fade in over this time."),
    attr("fade-out", ValueType::Time, "Fade out over this time."),
};

const Attrs kMedia = {
    attr("src", ValueType::Path, "The media file, relative to the script."),
    attr("credit", ValueType::Text, "Who made it and who holds it (photographer, archive, accession number)."),
    attr("source", ValueType::Text, "Where it comes from (collection, publication, URL)."),
};

const std::vector<std::string> kInline = {"i", "b", "em", "strong", "span", "br"};
const std::vector<std::string> kVisuals = {"text", "image", "video", "audio", "map", "visitor-code"};

std::vector<std::string> plus(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::vector<ElementSpec> buildFormat() {
    const auto containerChildren = plus({"seq", "par", "scene", "advisory", "credits"}, kVisuals);
    const auto sceneChildren = plus({"seq", "par"}, kVisuals);
    const AttributeSpec animateFill =
        choice("fill", {"remove", "freeze"}, "After the animation: keep the end value (freeze, the default) or return to the base value (remove).");

    std::vector<ElementSpec> f;
    f.push_back({"exhibit", "The root of an exhibit; plays its children one after another, like <seq>.",
                 {attr("title", ValueType::Text, "The exhibit's title."),
                  attr("size", ValueType::Size, "The design canvas in pixels, e.g. 1920x1080."),
                  attr("lang", ValueType::Languages, "The languages of the exhibit, main first: \"en\" or \"en hy ru\"."),
                  ranged("version", ValueType::Number, {1, 1}, "The format version; 1."),
                  attr("default-dur", ValueType::Time, "Duration of a scene or element whose duration nothing else decides (default 8s)."),
                  attr("default-transition", ValueType::Transition, "Transition into every scene that names none (default cut)."),
                  ranged("reading-pace", ValueType::Number, kPositive, "Words a minute used for reading-time warnings (default 130)."),
                  attr("background", ValueType::Color, "Colour behind everything (default #000000).")},
                 plus({"style", "region"}, containerChildren), false, false});
    f.push_back({"fragment", "The root of a file brought in with <include>; its children take the include's place.",
                 {}, plus({"style", "region"}, containerChildren), false, false});
    f.push_back({"include", "Splices another file's <fragment> here.",
                 {attr("src", ValueType::Path, "The file to include, relative to this file.")}, {}, false, false});
    f.push_back({"style", "A named text style. Styles inherit from a base style; \"default\" applies to all text.",
                 {attr("id", ValueType::Id, "The style's name."),
                  attr("base", ValueType::StyleRef, "The style this one starts from."),
                  choice("font", {"serif", "sans"}, "Font family."),
                  ranged("size", ValueType::Length, kPositive, "Font size in px of the canvas."),
                  attr("color", ValueType::Color, "Text colour."),
                  choice("weight", {"normal", "bold"}, "Font weight."),
                  attr("italic", ValueType::Bool, "Italic type."),
                  ranged("line-height", ValueType::Number, kPositive, "Distance between baselines as a multiple of the size (e.g. 1.35)."),
                  choice("align", {"left", "center", "right"}, "Horizontal alignment of lines in the box."),
                  choice("valign", {"top", "middle", "bottom"}, "Vertical placement of the text block in the box."),
                  ranged("max-width", ValueType::Length, kPositive, "Longest line, px or %; keeps measure readable."),
                  attr("background", ValueType::Color, "A box behind the text, for legibility over images."),
                  ranged("padding", ValueType::Length, kNonNegative, "Space between the text and its background box."),
                  attr("shadow", ValueType::Color, "A soft shadow behind the glyphs, for legibility.")},
                 {}, false, false});
    f.push_back({"region", "A named rectangle of the canvas that elements can be placed in.",
                 {attr("id", ValueType::Id, "The region's name."), attr("x", ValueType::Length, "Left edge."),
                  attr("y", ValueType::Length, "Top edge."), ranged("width", ValueType::Length, kNonNegative, "Width."),
                  ranged("height", ValueType::Length, kNonNegative, "Height.")},
                 {}, false, false});
    f.push_back({"seq", "Plays its children one after another.", join({kId, kTiming}), containerChildren, false, true});
    f.push_back({"par", "Plays its children together, from the same start.", join({kId, kTiming}), containerChildren,
                 false, true});
    f.push_back({"scene", "A named unit of the exhibit that technicians can jump to; its children play together.",
                 join({kId, kTiming,
                       {attr("title", ValueType::Text, "A human title, shown in scene lists."),
                        attr("transition", ValueType::Transition, "How this scene replaces the previous one: cut, fade, dip, slide-left/right/up/down, with a duration."),
                        attr("background", ValueType::Color, "Colour behind this scene.")}}),
                 sceneChildren, false, true});
    f.push_back({"advisory", "A content advisory scene: centred text shown before difficult material.",
                 join({kId, kTiming,
                       {attr("title", ValueType::Text, "A heading above the advisory text."),
                        attr("style", ValueType::StyleRef, "Style of the advisory text (default: the \"advisory\" style if defined)."),
                        attr("transition", ValueType::Transition, "Transition into the advisory.")}}),
                 {"p"}, true, true});
    f.push_back({"credits", "The credits scene: roles and names, centred, one entry a line.",
                 join({kId, kTiming,
                       {attr("title", ValueType::Text, "Heading of the credits."),
                        attr("style", ValueType::StyleRef, "Style of the entries."),
                        attr("transition", ValueType::Transition, "Transition into the credits.")}}),
                 {"entry"}, false, true});
    f.push_back({"entry", "One line of the credits: a role and who or what fills it.",
                 {attr("role", ValueType::Text, "What was done or supplied (\"Text\", \"Map data\", \"Photograph\")."),
                  attr("lang", ValueType::Languages, "Language of this entry, its role included.")},
                 kInline, true, false});
    f.push_back({"text", "Text on screen: paragraphs, emphasis, several languages.",
                 join({kId, kTiming, kLayout, kAppearance,
                       {attr("style", ValueType::StyleRef, "The text's style."),
                        attr("lang", ValueType::Languages, "Language of the text when not the exhibit's main one.")}}),
                 plus({"p", "animate"}, kInline), true, true});
    f.push_back({"p", "A paragraph inside <text>, <advisory> or <credits> entries.",
                 {attr("lang", ValueType::Languages, "Language of this paragraph."),
                  attr("style", ValueType::StyleRef, "A style for this paragraph.")},
                 kInline, true, false});
    for (const char* emphasis : {"i", "em"})
        f.push_back({emphasis, "Italic text.", {}, kInline, true, false});
    for (const char* strong : {"b", "strong"})
        f.push_back({strong, "Bold text.", {}, kInline, true, false});
    f.push_back({"span", "A run of text in another language.",
                 {attr("lang", ValueType::Languages, "Language of the run.")}, kInline, true, false});
    f.push_back({"br", "A line break.", {}, {}, false, false});
    f.push_back({"image", "A still image; with pan-zoom it moves slowly across the picture.",
                 join({kId, kTiming, kLayout, kAppearance, kMedia,
                       {choice("fit", {"contain", "cover", "fill", "none"}, "How the image fills its box."),
                        attr("panzoom", ValueType::PanZoom, "Visible part at the start → at the end, as x,y,w,h in % or px of the image."),
                        attr("panzoom-easing", ValueType::Easing, "Easing of the pan-zoom (default sine-in-out)."),
                        attr("placeholder", ValueType::Text, "Stands in for a picture not yet supplied: says what belongs here.")}}),
                 {"animate", "translation"}, false, true});
    f.push_back({"video", "A video clip.",
                 join({kId, kTiming, kLayout, kAppearance, kMedia,
                       {choice("fit", {"contain", "cover", "fill", "none"}, "How the video fills its box."),
                        attr("in", ValueType::Time, "Where in the clip to start."),
                        attr("out", ValueType::Time, "Where in the clip to stop."),
                        attr("loop", ValueType::Bool, "Loop the clip (between in and out) while active."),
                        ranged("volume", ValueType::Number, kUnit, "Volume of the clip's own sound, 0 to 1."),
                        attr("captions", ValueType::Path, "A WebVTT or SRT caption file."),
                        attr("second-captions", ValueType::Path, "A second caption file in another language, shown stacked below the first."),
                        choice("kind", {"clip", "sign-language"},
                               "sign-language: an interpreter, shown only in the region the installation reserves (<sign-language>)."),
                        attr("placeholder", ValueType::Text, "For a sign-language video not yet recorded: says what belongs here.")}}),
                 {"animate", "translation"}, false, true});
    f.push_back({"audio", "Sound: testimony, narration, an ambient bed.",
                 join({kId, kTiming, kMedia,
                       {ranged("volume", ValueType::Number, kUnit, "0 to 1."),
                        attr("fade-in", ValueType::Time, "Fade the sound in over this time."),
                        attr("fade-out", ValueType::Time, "Fade the sound out over this time."),
                        attr("captions", ValueType::Path, "A WebVTT or SRT caption file for what is said."),
                        attr("second-captions", ValueType::Path, "A second caption file in another language, shown stacked below the first."),
                        choice("role", {"speech", "bed", "effect"}, "What the sound is; beds duck under speech."),
                        ranged("duck", ValueType::Number, kUnit, "For a bed: its volume factor while speech plays (e.g. 0.3)."),
                        attr("in", ValueType::Time, "Where in the file to start."),
                        choice("kind", {"main", "description"},
                               "main (heard always) or description: an audio description, heard when the installation plays it; it runs beside a sequence, from its start, and the other sounds duck under its words.")}}),
                 {}, false, true});
    f.push_back({"visitor-code", "The QR code of the visitors' phone page (the installation's <visitor-page address>), "
                                 "with the short address beneath; nothing where the site has no page.",
                 join({kId, kTiming, kLayout, kAppearance,
                       {attr("style", ValueType::StyleRef, "Style of the address beneath the code.")}}),
                 {"animate"}, false, true});
    f.push_back({"map", "A map of real geography; its children animate on the map.",
                 join({kId, kTiming, kLayout, kAppearance,
                       {attr("src", ValueType::Path, "A GeoJSON file."),
                        attr("view", ValueType::View, "The area shown: lon,lat of its west corner → lon,lat of its east corner (west beyond east: across 180°)."),
                        choice("projection", {"auto", "equal-earth", "lambert", "mercator", "equirectangular"},
                               "Map projection; auto (the default) chooses from the view: Equal Earth for the world, a conic for a region."),
                        attr("credit", ValueType::Text, "Credit for the map data."),
                        attr("source", ValueType::Text, "Where the map data comes from.")}}),
                 {"marker", "label", "fly", "view", "highlight", "route", "scalebar", "graticule", "layer", "animate"}, false, true});
    const Attrs mapChildTiming = {kTiming[0], kTiming[1], kTiming[2], kTiming[3]};
    f.push_back({"marker", "A point on the map, with a label.",
                 join({kId, mapChildTiming,
                       {attr("at", ValueType::Place, "lon,lat or a place name from the gazetteer."),
                        attr("label", ValueType::Text, "Text beside the marker."),
                        choice("shape", {"dot", "ring", "pulse"}, "How the marker looks."),
                        attr("color", ValueType::Color, "Marker colour.")}}),
                 {"translation"}, false, true});
    f.push_back({"label", "Text placed on the map.",
                 join({kId, mapChildTiming,
                       {attr("at", ValueType::Place, "lon,lat or a place name."),
                        attr("text", ValueType::Text, "The label."), attr("style", ValueType::StyleRef, "Its style.")}}),
                 {"translation"}, false, true});
    f.push_back({"fly", "Moves the camera smoothly to a place.",
                 join({mapChildTiming,
                       {attr("to", ValueType::Place, "Where to fly."), ranged("zoom", ValueType::Number, kPositive, "Zoom factor at the end, above 0."),
                        attr("easing", ValueType::Easing, "Easing of the flight.")}}),
                 {}, false, true});
    f.push_back({"view", "Sets the area shown from its begin on.",
                 join({mapChildTiming, {attr("box", ValueType::View, "lon,lat → lon,lat.")}}), {}, false, true});
    f.push_back({"highlight", "Fills a country or feature with a highlight colour.",
                 join({mapChildTiming,
                       {attr("feature", ValueType::Text, "Name or id of the feature."),
                        attr("color", ValueType::Color, "Fill colour.")}}),
                 {}, false, true});
    f.push_back({"route", "A line from a place to one or more places, drawn progressively.",
                 join({kId, mapChildTiming,
                       {attr("from", ValueType::Place, "Starting place."),
                        attr("via", ValueType::PlaceList, "Places the line passes through in order, separated by ';'."),
                        attr("to", ValueType::PlaceList, "Destinations, separated by ';': one line to each."),
                        choice("legs", {"curved", "straight"}, "How each leg between two places is drawn (default curved)."),
                        attr("color", ValueType::Color, "Line colour."), ranged("width", ValueType::Number, kNonNegative, "Line width in px."),
                        attr("label", ValueType::Text, "Text at the destination.")}}),
                 {"translation"}, false, true});
    f.push_back({"translation",
                 "Its parent's words in another language: a <label>'s text, a <marker>'s or <route>'s label, an <image>'s or <video>'s placeholder.",
                 {attr("lang", ValueType::Languages, "The language, one of <exhibit lang> other than the main one."),
                  attr("text", ValueType::Text, "A <label>'s text in that language."),
                  attr("label", ValueType::Text, "A <marker>'s or <route>'s label in that language (a route's: one per destination, separated by ';')."),
                  attr("placeholder", ValueType::Text, "An <image>'s or <video>'s placeholder in that language.")},
                 {}, false, false});
    f.push_back({"scalebar", "A scale bar: a round distance at the view's centre, changing as the camera moves.",
                 join({mapChildTiming,
                       {choice("position", {"bottom-left", "bottom-right", "top-left", "top-right"}, "Which corner of the map it sits in (default bottom-left)."),
                        ranged("max-width", ValueType::Number, kPositive, "The most canvas px the bar may take (default 240); it shows the longest round distance that fits."),
                        choice("units", {"km", "mi"}, "Kilometres (default) or miles."),
                        attr("color", ValueType::Color, "Colour of the bar and its text.")}}),
                 {}, false, true});
    f.push_back({"graticule", "Meridians and parallels, curved as the projection curves them.",
                 join({mapChildTiming,
                       {ranged("step", ValueType::Number, {1, 90}, "Degrees between lines, 1 to 90 (default 10)."),
                        attr("color", ValueType::Color, "Line colour."),
                        ranged("width", ValueType::Number, kNonNegative, "Line width in px (default 1)."),
                        ranged("opacity", ValueType::Number, kUnit, "Opacity of the lines, 0 to 1 (default 0.25).")}}),
                 {}, false, true});
    f.push_back({"layer", "A layer of map data over the land, in its own style: Natural Earth's lakes, rivers or coastline, or your own borders.",
                 join({mapChildTiming,
                       {attr("src", ValueType::Path, "Your own GeoJSON or TopoJSON file (a 1990 boundary), drawn in this layer's style."),
                        choice("data", {"lakes", "rivers", "coastline"}, "One of Natural Earth's layers, at the scale the view needs."),
                        attr("color", ValueType::Color, "Colour of its lines and outlines."),
                        ranged("width", ValueType::Number, kNonNegative, "Line width in px (default 2 for your own data, 1 for Natural Earth's)."),
                        attr("fill-color", ValueType::Color, "Colour its areas are filled with (default: not filled; lakes: the water's colour)."),
                        ranged("opacity", ValueType::Number, kUnit, "Opacity of the layer, 0 to 1 (default 1).")}}),
                 {}, false, true});
    f.push_back({"animate", "Changes a numeric property of its parent over time.",
                 {choice("attribute", {"opacity", "x", "y", "scale", "rotation", "color"}, "The property to change."),
                  attr("from", ValueType::AnimateValue, "Start value (a number, px/% for x and y, a colour for color)."),
                  attr("to", ValueType::AnimateValue, "End value."), kTiming[0], kTiming[1], kTiming[2], animateFill,
                  kTiming[4], attr("easing", ValueType::Easing, "How progress is eased (default linear).")},
                 {}, false, true});
    return f;
}

}  // namespace

const AttributeSpec* ElementSpec::attribute(std::string_view attributeName) const {
    for (const auto& a : attributes)
        if (a.name == attributeName) return &a;
    return nullptr;
}

bool ElementSpec::allowsChild(std::string_view childName) const {
    return std::find(children.begin(), children.end(), childName) != children.end();
}

Vocabulary::Vocabulary() : elements_(buildFormat()) {}

const ElementSpec* Vocabulary::element(std::string_view name) const {
    for (const auto& e : elements_)
        if (e.name == name) return &e;
    return nullptr;
}

std::vector<std::string> Vocabulary::elementNames() const {
    std::vector<std::string> names;
    for (const auto& e : elements_) names.push_back(e.name);
    return names;
}

const char* valueTypeName(ValueType t) {
    switch (t) {
        case ValueType::Text: return "text";
        case ValueType::Id: return "name";
        case ValueType::Time: return "time";
        case ValueType::TimeOrIndefinite: return "time or indefinite";
        case ValueType::Repeat: return "count or indefinite";
        case ValueType::Length: return "length";
        case ValueType::Size: return "size";
        case ValueType::Color: return "colour";
        case ValueType::Number: return "number";
        case ValueType::Bool: return "true/false";
        case ValueType::Enum: return "one of";
        case ValueType::Easing: return "easing";
        case ValueType::Transition: return "transition";
        case ValueType::StyleRef: return "style name";
        case ValueType::RegionRef: return "region name";
        case ValueType::Path: return "file path";
        case ValueType::PanZoom: return "pan-zoom";
        case ValueType::Languages: return "language codes";
        case ValueType::Place: return "place";
        case ValueType::PlaceList: return "places";
        case ValueType::AnimateValue: return "number, length or colour";
        case ValueType::View: return "view";
    }
    return "text";
}

}  // namespace vitrine
