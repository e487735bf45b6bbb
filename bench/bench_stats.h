/* What every benchmark of bench/ does with its timings: clocks in
 * milliseconds, then the median and 95th percentile of the runs. */
#ifndef TAPIAN_BENCH_STATS_H
#define TAPIAN_BENCH_STATS_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* CLOCK_MONOTONIC for wall time, CLOCK_PROCESS_CPUTIME_ID for CPU time. */
static inline double clock_ms(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The runs' median and 95th percentile; v is sorted in place. */
typedef struct {
    double median, p95;
} bench_spread;

static inline bench_spread bench_sorted(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
    int i95 = (95 * n + 99) / 100 - 1;
    return (bench_spread){n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2,
                          v[i95 < 0 ? 0 : i95]};
}

/* One run of an operation: bench_lap_ms(bench_lap_start()) around it
 * gives its wall and CPU milliseconds. */
typedef struct {
    double wall, cpu;
} bench_lap;

static inline bench_lap bench_lap_start(void)
{
    return (bench_lap){clock_ms(CLOCK_MONOTONIC),
                       clock_ms(CLOCK_PROCESS_CPUTIME_ID)};
}

static inline bench_lap bench_lap_ms(bench_lap start)
{
    double cpu = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
    return (bench_lap){clock_ms(CLOCK_MONOTONIC) - start.wall,
                       cpu - start.cpu};
}

/* One operation's line: median and 95th percentile of the wall times,
 * median CPU time, the target, PASS when the p95 is within it, rows. */
static inline void bench_report(const char *name, int width, double *wall,
                                double *cpu, int runs, double target_ms,
                                long rows)
{
    bench_spread w = bench_sorted(wall, runs), c = bench_sorted(cpu, runs);
    printf("%-*s %9.3f %9.3f %9.3f %7.1f   %-4s %6ld\n", width, name,
           w.median, w.p95, c.median, target_ms,
           w.p95 <= target_ms ? "PASS" : "OVER", rows);
}

#endif
