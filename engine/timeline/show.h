#pragma once
// The compiled exhibit: immutable, every element placed at absolute times in microseconds.
// Built once by compileShow(); read by evaluate(), the renderer, the mixer and the media cache.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "script/script.h"
#include "script/translations.h"
#include "script/values.h"
#include "base/easing.h"
#include "base/geometry.h"
#include "base/time_value.h"

namespace vitrine {

namespace map {
struct CompiledMap;  // map/compiled_map.h: the core's map layer, above the timeline
}

/// A run of text with one set of attributes.
struct TextRun {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string lang;
};

/// A resolved text style: every property decided.
struct TextStyle {
    enum class Align { Left, Center, Right };
    enum class VAlign { Top, Middle, Bottom };
    std::string font = "serif";
    double size = 44;
    Color color{0xef, 0xe6, 0xd6, 255};
    bool bold = false;
    bool italic = false;
    double lineHeight = 1.35;
    Align align = Align::Left;
    VAlign valign = VAlign::Top;
    double maxWidth = 0;  // px; 0 = the box width
    Color background{0, 0, 0, 0};
    double padding = 0;
    Color shadow{0, 0, 0, 0};
};

/// A paragraph: runs laid out together, wrapped as one block.
struct TextParagraph {
    std::vector<TextRun> runs;
    std::string lang;
    // A <p style>, applied over the text's style. Its font, size, colour, weight, italic,
    // line height and alignment are the paragraph's; the box (valign, max-width, background,
    // padding, shadow) stays the text's. None: the text's style.
    std::optional<TextStyle> style = std::nullopt;
};

/// A property that <animate> can change.
enum class AnimatedProperty { Opacity, X, Y, Scale, Rotation, Color };

/// One <animate>, in the item's local time.
struct Animation {
    AnimatedProperty property = AnimatedProperty::Opacity;
    double from[4] = {0, 0, 0, 0};  // a number, or r,g,b,a for colours
    double to[4] = {0, 0, 0, 0};
    Micros begin = 0;  // relative to the item's begin
    Micros duration = 0;
    double repeat = 1;
    bool freeze = true;
    Easing easing = linearEasing();
    SourceLocation where;
};

enum class ItemKind { Text, Image, Video, Audio, Map, VisitorCode };
enum class Fit { Contain, Cover, Fill, None };
enum class AudioRole { Speech, Bed, Effect };

/// Something on the timeline that is drawn or heard.
struct Item {
    ItemKind kind = ItemKind::Text;
    std::string id;
    SourceLocation where;
    int scene = -1;  // index into Show::scenes, -1 when outside every scene

    Micros begin = 0;      // absolute start
    Micros activeEnd = 0;  // absolute end of the active (moving, playing) time
    Micros end = 0;        // absolute end of visibility: activeEnd, or later with fill="freeze"
    Micros simpleDuration = 0;  // one iteration; 0 when not repeating
    Micros fadeIn = 0, fadeOut = 0;

    Rect box;  // canvas px
    Rect area;  // canvas px: what box was laid out in (the canvas, or the element's region)
    double opacity = 1;
    std::vector<Animation> animations;

    // Text
    std::vector<TextParagraph> paragraphs;
    TextStyle style;
    // Credits: when the text is taller than its box it rolls (text/credit_roll.h), the first
    // `headingParagraphs` (the title) staying still.
    bool rolls = false;
    int headingParagraphs = 0;

    // Media
    std::string src;  // resolved against the script's folder; empty for a placeholder
    std::string credit, source, placeholder;
    // The placeholder's <translation placeholder> children; once a site's languages are
    // chosen, `placeholder` is the text shown (two languages joined, second_language.h).
    Translations placeholderTranslations;
    Fit fit = Fit::Contain;
    bool hasPanZoom = false;
    Rect panFrom{0, 0, 1, 1}, panTo{0, 0, 1, 1};  // normalised to the image (1 = full size)
    Easing panEasing = linearEasing();
    Micros clipIn = 0;
    std::optional<Micros> clipOut;  // none: to the end of the media
    bool loop = false;
    double volume = 1;
    std::string captions;  // resolved path
    std::string secondCaptions;  // resolved path; another language, drawn below `captions`
    AudioRole role = AudioRole::Speech;
    double duck = 1;
    // <audio kind="description">: an audio description, heard only when the installation
    // plays it (the player leaves its cues out otherwise); its captions are the words it
    // speaks, not drawn (they say what is on screen), and the other sounds duck under them.
    bool description = false;
    // <video kind="sign-language">: the interpreter, drawn only in the region a site reserves
    // (player/sign_language_inset.h places it, or leaves it out).
    bool signLanguage = false;
    // For a description: when its voice speaks, in its own media time (its captions' cues,
    // filled in by the player); empty: all of it. The other sounds duck only then.
    std::vector<std::pair<Micros, Micros>> spokenSpans;

    // <visitor-code>: the visitors' page address its QR code holds (CompileOptions::
    // visitorAddress), its short form the paragraph beneath; "" where the site has no page:
    // nothing is drawn.
    std::string visitorAddress;

    // Map: compiled once with the exhibit (CompileOptions::compileMap): places, timing and
    // projected, triangulated data, shared by every item made from the same element; null
    // when compiled without map data (the timeline alone).
    std::shared_ptr<const map::CompiledMap> map;
};

/// A named unit that technicians can jump to.
struct Scene {
    std::string id;
    std::string title;
    SourceLocation where;
    Micros begin = 0, end = 0;
    TransitionSpec transitionIn;
    Color background{0, 0, 0, 255};
    std::vector<int> items;  // indices into Show::items, in drawing order
};

/// The compiled exhibit.
struct Show {
    std::string title;
    std::string file;        // the main script
    std::string baseFolder;  // media paths are relative to this
    PixelSize canvas{1920, 1080};
    std::vector<std::string> languages{"en"};
    /// A site's languages have been applied (chooseLanguages): each text is drawn as it now
    /// stands, both languages together where the site shows both. Until then a text written
    /// in several languages is checked one language at a time, as a site showing one sees it.
    bool languagesChosen = false;
    /// The languages the engine's own words are drawn in (timeline/screen_words.h): the
    /// first language shown, and the second in `both`. Empty: English.
    std::vector<std::string> wordsLanguages;
    Color background{0, 0, 0, 255};
    Micros duration = 0;
    std::vector<Scene> scenes;   // in time order, not overlapping
    std::vector<Item> items;     // in document (drawing) order
    std::vector<int> unscoped;   // items outside every scene, in drawing order
    // Compiled without motion (CompileOptions::reducedMotion): credits that do not fit are
    // shown a page at a time instead of rolling, and map flights cut to where they go.
    bool reducedMotion = false;

    /// Index of the scene whose [begin, end) contains t, or -1.
    int sceneAt(Micros t) const;
    /// Index of the scene with this id, or -1.
    int sceneById(const std::string& id) const;
    /// The drawing order item `index` stands in: its scene's, or that of the items outside every scene.
    std::vector<int>& drawingOrderOf(int index) {
        const int scene = items[static_cast<std::size_t>(index)].scene;
        return scene >= 0 ? scenes[static_cast<std::size_t>(scene)].items : unscoped;
    }
};

/// The language of a paragraph: its own lang, else its first run's, else `mainLanguage`.
std::string paragraphLanguage(const TextParagraph& paragraph, const std::string& mainLanguage);
/// The same, the main language being the show's first (none when it has none).
std::string paragraphLanguage(const TextParagraph& paragraph, const Show& show);

/// A text's paragraphs as a site showing one language shows them: one list per language
/// (paragraphLanguage), each in the order written, the languages in the order they first
/// appear. A text in one language is one list. What checks a text's reading time and layout
/// uses, so that each language is checked alone.
std::vector<std::vector<TextParagraph>> paragraphsByLanguage(const std::vector<TextParagraph>& paragraphs,
                                                             const std::string& mainLanguage);

}  // namespace vitrine
