// tools/bench-compare's verdicts, from fixed pair ratios: what it says of a benchmark must not
// depend on the machine's noise that day, only on the pairs it measured.

#include <doctest/doctest.h>

#include <string>

#include "support/build_paths.h"
#include "support/run_command.h"

namespace {

// Runs `statements` in Python with the tool loaded as the module `bc`, and returns what they printed.
std::string withBenchCompare(const std::string& statements) {
    const auto tool = vitrine::test::sourceDir() / "tools/bench-compare";
    const auto run = vitrine::test::runCommand("python3 -c \"import types; bc = types.ModuleType('bc'); bc.__file__ = '" +
                                               tool.string() + "'; exec(open(bc.__file__).read(), bc.__dict__); " +
                                               statements + "\" 2>&1");
    REQUIRE(run.status == 0);
    return run.output;
}

// The verdict on one figure whose per-pair ratios current/base are `ratios` (a Python list).
std::string verdict(const std::string& ratios, bool isTime) {
    std::string out = withBenchCompare("print(bc.judge(" + ratios + ", " + (isTime ? "True" : "False") + ")[3])");
    INFO(ratios << " -> " << out);
    return out.substr(0, out.find('\n'));
}

}  // namespace

TEST_CASE("tools/bench compare: a time whose whole interval of pair ratios is above 1 is slower") {
    CHECK(verdict("[1.10, 1.12, 1.09, 1.11, 1.13, 1.10, 1.12]", true) == "slower");
    CHECK(verdict("[1.10, 1.12, 1.09, 1.11, 1.13, 1.10, 1.12]", false) == "higher");
    CHECK(verdict("[0.85, 0.88, 0.90, 0.87, 0.86]", true) == "faster");
    CHECK(verdict("[0.85, 0.88, 0.90, 0.87, 0.86]", false) == "lower");
}

TEST_CASE("tools/bench compare: pair ratios that straddle 1 or stay within the margin are noise") {
    // The ±30% a shared two-core machine gives: the median alone (1.0) would say nothing either way.
    CHECK(verdict("[0.80, 1.30, 1.00, 0.90, 1.20, 1.05, 0.95]", true) == "same within noise");
    // Above 1 in every pair, but by less than the 2% margin.
    CHECK(verdict("[1.010, 1.015, 1.012, 1.008, 1.011]", true) == "same within noise");
    // One pair hit by a burst of load does not make a change.
    CHECK(verdict("[1.00, 1.01, 0.99, 1.00, 1.60, 1.00, 0.98]", true) == "same within noise");
    // Too few pairs for an interval: no verdict, however far the ratios are.
    CHECK(verdict("[1.5, 1.6]", true).rfind("too few rounds", 0) == 0);
    // Three pairs: a change only when all three agree.
    CHECK(verdict("[1.10, 1.12, 1.09]", true) == "slower");
    CHECK(verdict("[1.10, 0.99, 1.12]", true) == "same within noise");
}

TEST_CASE("tools/bench compare: a figure is a time when a unit of time follows its number") {
    const std::string out = withBenchCompare(
        "f = bc.figures('frame median 3.52 ms (1.31x the others), 7 of 16 on time\\nwall-clock 12.5 s'); "
        "print(' '.join(str(bc.is_time(*k)) for k in f))");
    CHECK(out == "True False False False True\n");
}

TEST_CASE("tools/bench compare: rounds alternate which side runs first") {
    CHECK(withBenchCompare("print([bc.sides_in_order(r)[0] for r in (1, 2, 3, 4)])") ==
          "['base', 'current', 'base', 'current']\n");
}
