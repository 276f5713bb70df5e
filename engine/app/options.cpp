#include "app/options.h"

#include "app/commands.h"
#include "script/suggest.h"
#include "script/values.h"

namespace vitrine::app {

std::optional<Options> Options::parse(const std::vector<std::string>& args, const std::string& command,
                                      const std::set<std::string>& withValue, const std::set<std::string>& flags,
                                      const std::set<std::string>& optionalValue) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() > 1 && a[0] == '-') {
            if (withValue.count(a)) {
                if (i + 1 >= args.size()) {
                    usageError(a + " needs a value");
                    return std::nullopt;
                }
                o.values_[a] = args[++i];
            } else if (flags.count(a)) {
                o.values_[a] = "";
            } else if (optionalValue.count(a)) {
                bool next = i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0 && parseOutputSize(args[i + 1]);
                o.values_[a] = next ? args[++i] : "";
            } else {
                std::vector<std::string> known(withValue.begin(), withValue.end());
                known.insert(known.end(), flags.begin(), flags.end());
                known.insert(known.end(), optionalValue.begin(), optionalValue.end());
                std::string hint = didYouMean(a, known);
                usageError("unknown option '" + a + "' for " + command + (hint.empty() ? "" : " (" + hint + ")"));
                return std::nullopt;
            }
        } else if (o.file_.empty()) {
            o.file_ = a;
        } else {
            usageError(command + " takes one exhibit file, got also '" + a + "'");
            return std::nullopt;
        }
    }
    if (o.file_.empty()) {
        usageError(command + " needs an exhibit file");
        return std::nullopt;
    }
    return o;
}

std::optional<std::string> Options::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::pair<unsigned, unsigned>> parseOutputSize(const std::string& text) {
    auto s = parseSize(text);
    if (!s) return std::nullopt;
    return std::pair{static_cast<unsigned>(s->width), static_cast<unsigned>(s->height)};
}

}  // namespace vitrine::app
