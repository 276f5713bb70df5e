// The suite's main: doctest's, with two refusals that keep a case from passing unrun.
//  - CTest runs each case as `vitrine_tests --test-case=NAME`. A filter that selects no case
//    would make doctest run nothing and exit 0, so a run that selected nothing fails.
//  - doctest_discover_tests (tests/CMakeLists.txt) reads `--list-test-cases` one name per
//    line through a CMake list, which splits a name at ';' into two filters that match
//    nothing; two cases with one name would run twice under each. Listing such names fails,
//    which fails the build's discovery step with the reason.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstring>
#include <iostream>
#include <set>
#include <string>

namespace {

/// What the listener saw. doctest creates listeners itself, from a type, so this is where
/// it can leave what main reads afterwards.
struct RunOutcome {
    bool ran = false;                // test cases were run (not only listed, counted or helped)
    unsigned selected = 0;           // cases that passed the filters
    std::set<std::string> badNames;  // listed names CTest registration cannot carry
};
RunOutcome outcome;

/// Records the number of cases a run selected, and checks the names a listing gives.
struct OutcomeListener : doctest::IReporter {
    explicit OutcomeListener(const doctest::ContextOptions& options) : options_(options) {}

    void report_query(const doctest::QueryData& query) override {
        if (!options_.list_test_cases) return;
        std::set<std::string> seen;
        for (unsigned i = 0; i < query.num_data; ++i) {
            const std::string name = query.data[i]->m_name;
            if (name.find(';') != std::string::npos) outcome.badNames.insert(name + "  (contains ';')");
            if (!seen.insert(name).second) outcome.badNames.insert(name + "  (two cases have this name)");
        }
    }
    void test_run_end(const doctest::TestRunStats& stats) override {
        outcome.ran = true;
        outcome.selected = stats.numTestCasesPassingFilters;
    }

    void test_run_start() override {}
    void test_case_start(const doctest::TestCaseData&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}

private:
    const doctest::ContextOptions& options_;
};

}  // namespace

DOCTEST_REGISTER_LISTENER("vitrine-outcome", 0, OutcomeListener);

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int result = context.run();
    if (!outcome.badNames.empty()) {
        std::cerr << "vitrine_tests: these test case names would not run as one CTest test each; rename them:\n";
        for (const auto& name : outcome.badNames) std::cerr << "  " << name << "\n";
        return EXIT_FAILURE;
    }
    if (outcome.ran && outcome.selected == 0) {
        std::cerr << "vitrine_tests: no test case matches the filters given, so nothing was tested\n";
        return EXIT_FAILURE;
    }
    return result;
}
