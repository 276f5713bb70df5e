#include "app/exhibit_session.h"

#include <cstdio>
#include <cstdlib>

#include "player/sign_language_inset.h"
#include "power/display_probe.h"

namespace vitrine::app {

namespace {

CompileOptions sessionOptions(bool reducedMotion, const std::string& visitorAddress) {
    CompileOptions o = mediaAwareOptions();
    o.reducedMotion = reducedMotion;
    o.visitorAddress = visitorAddress;
    return o;
}

}  // namespace

ExhibitSession::ExhibitSession(const std::string& file, bool reducedMotion, const std::optional<LanguageChoice>& languages,
                               const std::string& visitorAddress)
    : exhibit_(loadExhibit(file, sessionOptions(reducedMotion, visitorAddress))) {
    // Drawn in the languages asked for; none asked: the exhibit's main language, not all stacked.
    if (exhibit_.show && languages) {
        const LanguageChoice choice = withDefaultText(*languages, *exhibit_.show);
        // In `both`, texts grown by their second language are set smaller to fit their boxes,
        // measured with the bundled fonts (the renderer's resources wait for a GL context).
        Show chosen = chooseLanguages(std::move(*exhibit_.show), choice, text::FontLibrary(text::bundledFontsDirectory()));
        // A sign-language video is shown only in the region a site reserves: none here.
        exhibit_.show = placeSignLanguage(std::move(chosen), std::nullopt);
    }
    for (const auto& d : exhibit_.diagnostics.all())
        if (d.severity == Severity::Error) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
    if (exhibit_.show && exhibit_.diagnostics.hasErrors())
        std::fprintf(stderr, "vitrine: %d error(s) in %s; playing what is good\n", exhibit_.diagnostics.errorCount(),
                     file.c_str());
}

render::RenderResources& ExhibitSession::resources() {
    if (!resources_) {
        int maxDimension = render::RenderResources::maxImageDimensionFor(exhibit_.show->canvas);
        resources_ = std::make_unique<render::RenderResources>(text::bundledFontsDirectory(), maxDimension);
        for (const auto& d : resources_->fonts().diagnostics().all())
            std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
    }
    return *resources_;
}

std::unique_ptr<output::OffscreenRenderer> ExhibitSession::offscreen(sf::Vector2u size) {
    if (auto problem = displayProblem()) {
        std::fprintf(stderr, "vitrine: %s\n", problem->message.c_str());
        return nullptr;
    }
    if (!live_)  // The show is exhibit_'s for the session's life.
        live_ = std::make_unique<LiveShow>(borrowedShow(*exhibit_.show), resources(), LiveShow::Options{});
    auto r = std::make_unique<output::OffscreenRenderer>(live_->renderer(), live_->show(), size);
    if (!r->ok()) {
        std::fprintf(stderr, "vitrine: cannot create an off-screen surface of %ux%u\n", size.x, size.y);
        return nullptr;
    }
    return r;
}

void ExhibitSession::reportMediaProblems(output::OffscreenRenderer* drawn) {
    if (!resources_) return;
    for (const auto& f : resources_->images().takeFailures())
        std::fprintf(stderr, "vitrine: image %s: %s (a placeholder is shown)\n", f.path.c_str(),
                     f.error.message.c_str());
    if (drawn)
        for (const auto& problem : drawn->takeProblems()) std::fprintf(stderr, "vitrine: %s\n", problem.c_str());
}

std::optional<Error> displayProblem() {
    const std::string name = power::displayName();
    if (name.empty())
        return Error{"no display: drawing needs an X server (run under xvfb-run -a -s \"-screen 0 "
                     "1920x1080x24 -noreset\")"};
    if (!power::displayAnswers(name))
        return Error{"the display " + name + " does not answer: is its X server running, and may this user use it?"};
    return std::nullopt;
}

}  // namespace vitrine::app
