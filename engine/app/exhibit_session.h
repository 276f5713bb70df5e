#pragma once

#include <optional>
#include <string>
// What every drawing command does first: load the exhibit, print its errors, and set
// up rendering resources. Media problems are printed once each, as they are found.

#include <memory>
#include <set>
#include <string>

#include "base/error.h"
#include "exhibit/exhibit_loader.h"
#include "output/offscreen.h"
#include "player/compile_options.h"
#include "player/language_choice.h"
#include "player/live_show.h"
#include "render/render_resources.h"

namespace vitrine::app {

class ExhibitSession {
public:
    /// Loads `file`, printing its errors (not its warnings) to stderr; compiled without
    /// motion when `reducedMotion` (CompileOptions::reducedMotion), drawn as no site shows it:
    /// its texts and captions in `languages` (chooseLanguages), or in the exhibit's main
    /// language when none is given, and no sign-language video (the site's to place).
    /// `languages` nullopt: the show as compiled, every language, for a player that applies
    /// its site's choices itself (`vitrine play`). `visitorAddress`: the site's visitors' page
    /// (CompileOptions::visitorAddress), which each <visitor-code> shows; "" shows none.
    explicit ExhibitSession(const std::string& file, bool reducedMotion = false,
                            const std::optional<LanguageChoice>& languages = LanguageChoice{},
                            const std::string& visitorAddress = {});

    /// The show, or nullptr when the file could not be read or parsed at all.
    const Show* show() const { return exhibit_.show ? &*exhibit_.show : nullptr; }
    /// Everything loading found: the script, the show, the diagnostics.
    const LoadedExhibit& exhibit() const { return exhibit_; }
    /// Rendering resources, made on first use (they need a GL context).
    render::RenderResources& resources();
    /// An off-screen surface of `size` drawn by the show being played (made on first use,
    /// silent, its clock unused: a still is one instant), or nullptr (with a message) when
    /// there is no display.
    std::unique_ptr<output::OffscreenRenderer> offscreen(sf::Vector2u size);
    /// Prints image failures not printed before, and the problems `drawn` met while drawing
    /// (a video or caption file that cannot be read), each once.
    void reportMediaProblems(output::OffscreenRenderer* drawn = nullptr);

private:
    LoadedExhibit exhibit_;
    std::unique_ptr<render::RenderResources> resources_;
    std::unique_ptr<LiveShow> live_;  // after resources_: it draws with them
};

/// Why nothing can be drawn: no DISPLAY, or an X server that does not answer on it (SFML
/// would abort); nullopt when a display answers.
std::optional<Error> displayProblem();

}  // namespace vitrine::app
