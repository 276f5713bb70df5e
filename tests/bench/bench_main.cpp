// vitrine_bench: speed figures as ratios to references measured in the same run.
//   vitrine_bench script | render | all

#include <cstdio>
#include <string>

namespace vitrine::bench {
int runScriptBench();
int runRenderBench();
}  // namespace vitrine::bench

int main(int argc, char** argv) {
    std::string which = argc > 1 ? argv[1] : "all";
    int status = 0;
    if (which == "script" || which == "all") status |= vitrine::bench::runScriptBench();
    if (which == "render" || which == "all") status |= vitrine::bench::runRenderBench();
    if (which != "script" && which != "render" && which != "all") {
        std::fprintf(stderr, "usage: vitrine_bench [script|render|all]\n");
        return 2;
    }
    return status;
}
