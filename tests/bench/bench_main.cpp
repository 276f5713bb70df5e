// vitrine_bench: speed figures as ratios to references measured in the same run.
//   vitrine_bench script | render | map | export | video | video-soak | drift [MINUTES] | outputs | soak [LOOPS [SPEED]] | soak-month [DAYS [SPEED]] | restart | power | status | visitor-phones | all

#include <cstdio>
#include <cstdlib>
#include <string>

namespace vitrine::bench {
int runScriptBench();
int runRenderBench();
int runExportBench();
int runMapBench(int frames);
int runVideoBench();
int runVideoSoakBench();
int runDriftBench(int minutes);
int runOutputsBench();
int runSoakBench(int loops, double speed);
int runSoakMonthBench(int days, double speed);
int runRestartBench();
int runPowerBench();
int runStatusPageBench();
int runVisitorPhonesBench();
}  // namespace vitrine::bench

int main(int argc, char** argv) {
    std::string which = argc > 1 ? argv[1] : "all";
    int status = 0;
    if (which == "script" || which == "all") status |= vitrine::bench::runScriptBench();
    if (which == "render" || which == "all") status |= vitrine::bench::runRenderBench();
    if (which == "map" || which == "all") status |= vitrine::bench::runMapBench(120);
    if (which == "export" || which == "all") status |= vitrine::bench::runExportBench();
    if (which == "video" || which == "all") status |= vitrine::bench::runVideoBench();
    if (which == "drift" || which == "all") status |= vitrine::bench::runDriftBench(argc > 2 ? std::atoi(argv[2]) : 10);
    if (which == "outputs" || which == "all") status |= vitrine::bench::runOutputsBench();
    if (which == "video-soak") status |= vitrine::bench::runVideoSoakBench();
    if (which == "soak") status |= vitrine::bench::runSoakBench(argc > 2 ? std::atoi(argv[2]) : 100, argc > 3 ? std::atof(argv[3]) : 200);
    if (which == "soak-month")
        status |= vitrine::bench::runSoakMonthBench(argc > 2 ? std::atoi(argv[2]) : 30, argc > 3 ? std::atof(argv[3]) : 20000);
    if (which == "restart" || which == "all") status |= vitrine::bench::runRestartBench();
    if (which == "power" || which == "all") status |= vitrine::bench::runPowerBench();
    if (which == "status" || which == "all") status |= vitrine::bench::runStatusPageBench();
    if (which == "visitor-phones" || which == "all") status |= vitrine::bench::runVisitorPhonesBench();
    if (which != "script" && which != "render" && which != "map" && which != "export" && which != "video" && which != "video-soak" &&
        which != "drift" && which != "outputs" && which != "soak" && which != "soak-month" && which != "restart" && which != "power" &&
        which != "status" && which != "visitor-phones" && which != "all") {
        std::fprintf(stderr, "usage: vitrine_bench [script|render|map|export|video|video-soak|drift [MINUTES]|outputs|soak [LOOPS [SPEED]]|soak-month [DAYS [SPEED]]|restart|power|status|visitor-phones|all]\n");
        return 2;
    }
    return status;
}
