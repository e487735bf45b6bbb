/* Wall and CPU time of a step, for the benchmarks: on a shared machine CPU
 * time is what a step costs, wall time what a user waits. */
#ifndef TAPIAN_BENCH_TIME_H
#define TAPIAN_BENCH_TIME_H

#include <sys/resource.h>
#include <time.h>

struct bench_clock {
    double wall, cpu;
};

static inline struct bench_clock bench_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (struct bench_clock){
        (double)t.tv_sec + (double)t.tv_nsec / 1e9,
        (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
            (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6};
}

static inline struct bench_clock bench_since(struct bench_clock a)
{
    struct bench_clock b = bench_now();
    return (struct bench_clock){b.wall - a.wall, b.cpu - a.cpu};
}

#endif
