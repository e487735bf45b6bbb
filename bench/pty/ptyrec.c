/* ptyrec: runs a program on a pseudo-terminal at 80x24 and records what it
 * writes to the terminal while a key script is typed into it.
 *
 *   ptyrec [-n NAME] [-q QUIET_MS] [-b BAUD] [-o RAWLOG [-a]] -s SCRIPT -- PROG ARG...
 *
 * -o keeps every byte written to the terminal; with -a each keystroke's
 * answer is preceded by a line naming it (for reading, not replaying).
 *
 * The program is started and left until its output has been quiet for
 * QUIET_MS (200): the last byte of that burst is the first full screen.
 * Then the script runs, one command a line:
 *
 *   section NAME [LINES]  count what follows under NAME; LINES is how many
 *                         lines each keystroke moves (for bytes per line)
 *   keys TEXT             keystrokes (see ptyrec_keys.c); after each one the
 *                         output is left to go quiet
 *   idle SECONDS          no keys; what the program writes meanwhile counts
 *   end TEXT              the keys that quit; then the program is waited for
 *
 * A keystroke's latency is from writing it to the last byte of the answer.
 * With -b the output is read no faster than a serial link of BAUD bit/s
 * (10 bits a byte), so the program's writes back up as they would on a slow
 * link and the latencies include the time on the wire.
 *
 * Peak RSS: VmHWM from /proc/PID/status, read after every quiet period (it
 * only grows, so the last read before the quitting keys is the peak up to
 * then), and ru_maxrss from wait4() when the program has exited.
 *
 * CPU: user + system time of the whole run, from wait4().
 *
 * Every figure is printed for people and as "R ..." lines for scripts. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ptyrec.h"

#define MAX_KEYS 4096
#define MAX_SECTIONS 32
#define MAX_WAIT_S 20.0 /* a key whose answer never goes quiet */
#define FIRST_WAIT_S 10.0 /* a key that seems to have no answer (a slow search) */

struct section {
    char name[32];
    int lines_per_key;
    long keys, bytes;
    double lat_ms[MAX_KEYS];
    double first_sent, last_byte;
};

static struct rec {
    const char *name;
    int fd;
    pid_t pid;
    int exited;
    double quiet_s, rate; /* rate: bytes per second, 0 = unpaced */
    double link_free;     /* when the link has sent what was read */
    double last_byte;
    long bytes_total;
    long hwm_kb;
    FILE *raw;
    int annotate; /* -a: mark each keystroke in the raw log */
    struct section sec[MAX_SECTIONS];
    int nsec;
} R;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_s(double s)
{
    if (s <= 0)
        return;
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    nanosleep(&ts, NULL);
}

static void read_hwm(void)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)R.pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0)
            R.hwm_kb = strtol(line + 6, NULL, 10);
    fclose(f);
}

/* Reads until nothing has come for quiet_s after the later of START and the
 * last byte. Returns the bytes read; the last byte's time is R.last_byte.
 * Until the first byte it waits up to FIRST_WAIT instead: a program may
 * work a while (start-up, a query) before it draws anything, and that time
 * belongs to the keystroke, not to the next one. */
static long drain(double start, struct section *s, double first_wait)
{
    long got = 0;
    double activity = start;
    char buf[8192];
    while (!R.exited) {
        double t = now();
        if (R.rate > 0 && t < R.link_free) { /* the wire is still busy */
            sleep_s(R.link_free - t);
            continue;
        }
        double deadline = activity + R.quiet_s;
        if (got == 0 && start + first_wait > deadline)
            deadline = start + first_wait;
        if (t >= deadline || t - start > MAX_WAIT_S)
            break;
        struct pollfd p = {.fd = R.fd, .events = POLLIN};
        int r = poll(&p, 1, (int)((deadline - t) * 1000) + 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            continue;
        /* Paced: about 10 ms of the link per read. */
        size_t want = sizeof buf;
        if (R.rate > 0) {
            want = (size_t)(R.rate / 100);
            if (want < 1)
                want = 1;
        }
        ssize_t n = read(R.fd, buf, want);
        if (n <= 0) { /* EIO: the program closed the terminal or exited */
            R.exited = 1;
            break;
        }
        double at = now();
        if (R.rate > 0) {
            double from = R.link_free > at ? R.link_free : at;
            R.link_free = from + (double)n / R.rate;
            at = R.link_free;
        }
        if (R.raw)
            fwrite(buf, 1, (size_t)n, R.raw);
        got += n;
        R.bytes_total += n;
        R.last_byte = activity = at;
        if (s)
            s->last_byte = at;
    }
    if (!R.exited)
        read_hwm();
    return got;
}

static struct section *cur(void)
{
    if (R.nsec == 0) {
        R.nsec = 1;
        snprintf(R.sec[0].name, sizeof R.sec[0].name, "keys");
    }
    return &R.sec[R.nsec - 1];
}

static void send_keys(const char *text)
{
    static rec_key keys[MAX_KEYS];
    int n = rec_parse_keys(text, keys, MAX_KEYS);
    if (n < 0)
        exit(2);
    struct section *s = cur();
    for (int i = 0; i < n && !R.exited; i++) {
        double sent = now();
        if (write(R.fd, keys[i].bytes, keys[i].len) != (ssize_t)keys[i].len)
            break;
        if (s->keys == 0)
            s->first_sent = sent;
        if (R.raw && R.annotate)
            fprintf(R.raw, "\n=== %s key %ld ===\n", s->name, s->keys + 1);
        long before = R.bytes_total;
        long got = drain(sent, s, FIRST_WAIT_S);
        s->bytes += got;
        if (s->keys < MAX_KEYS)
            s->lat_ms[s->keys] = R.bytes_total > before ? (R.last_byte - sent) * 1000 : 0;
        s->keys++;
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of the first n values (sorted in place). */
static double pct(double *v, long n, double p)
{
    if (n == 0)
        return 0;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    long k = (long)(p * (double)n + 0.999999) - 1;
    return v[k < 0 ? 0 : k >= n ? n - 1 : k];
}

static void report(double first_screen_ms, long startup_bytes,
                   const struct rusage *ru)
{
    /* CPU of the whole run (user + system), from wait4: on a loaded
     * machine the part of the time that was the program's own. */
    double cpu_ms = (double)(ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) * 1000 +
                    (double)(ru->ru_utime.tv_usec + ru->ru_stime.tv_usec) / 1000;
    printf("%s: first full screen %.1f ms (%ld bytes); peak RSS VmHWM %ld kB, "
           "ru_maxrss %ld kB; CPU %.1f ms\n", R.name, first_screen_ms,
           startup_bytes, R.hwm_kb, ru->ru_maxrss, cpu_ms);
    printf("R %s startup %.3f %ld\nR %s rss %ld %ld\nR %s cpu %.1f\n", R.name,
           first_screen_ms, startup_bytes, R.name, R.hwm_kb, ru->ru_maxrss,
           R.name, cpu_ms);
    printf("  %-12s %5s %7s %8s %8s %9s %9s %8s\n", "section", "keys", "bytes",
           "B/key", "B/line", "med ms", "p95 ms", "span s");
    for (int i = 0; i < R.nsec; i++) {
        struct section *s = &R.sec[i];
        long nk = s->keys < MAX_KEYS ? s->keys : MAX_KEYS;
        double med = pct(s->lat_ms, nk, 0.5), p95 = pct(s->lat_ms, nk, 0.95);
        double bpk = s->keys ? (double)s->bytes / (double)s->keys : 0;
        long lines = s->keys * s->lines_per_key;
        double bpl = lines ? (double)s->bytes / (double)lines : 0;
        double span = s->last_byte > s->first_sent && s->keys ? s->last_byte - s->first_sent : 0;
        printf("  %-12s %5ld %7ld %8.2f %8.2f %9.2f %9.2f %8.2f\n", s->name,
               s->keys, s->bytes, bpk, bpl, med, p95, span);
        printf("R %s sec %s %ld %ld %ld %.3f %.3f %.3f\n", R.name, s->name, s->keys,
               s->bytes, lines, med, p95, span);
    }
}

static void run_script(FILE *f)
{
    char line[16384];
    while (!R.exited && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (line[0] == '#' || line[0] == 0)
            continue;
        if (strncmp(line, "section ", 8) == 0 && R.nsec < MAX_SECTIONS) {
            struct section *s = &R.sec[R.nsec++];
            s->lines_per_key = 0;
            sscanf(line + 8, "%31s %d", s->name, &s->lines_per_key);
        } else if (strncmp(line, "keys ", 5) == 0) {
            send_keys(line + 5);
        } else if (strncmp(line, "idle ", 5) == 0) {
            struct section *s = cur();
            double t = now(), until = t + atof(line + 5);
            if (s->keys == 0)
                s->first_sent = t;
            while (!R.exited && now() < until) {
                double q = R.quiet_s;
                R.quiet_s = until - now();
                s->bytes += drain(now(), s, 0);
                R.quiet_s = q;
            }
            s->last_byte = until;
        } else if (strncmp(line, "end ", 4) == 0) {
            read_hwm();
            R.nsec = R.nsec < MAX_SECTIONS ? R.nsec : MAX_SECTIONS - 1;
            snprintf(R.sec[R.nsec].name, sizeof R.sec[0].name, "exit");
            R.nsec++;
            send_keys(line + 4);
            break;
        } else {
            fprintf(stderr, "ptyrec: unknown script line: %s\n", line);
            exit(2);
        }
    }
}

int main(int argc, char **argv)
{
    const char *script = NULL, *rawlog = NULL;
    int opt;
    R.name = "prog";
    R.quiet_s = 0.2;
    while ((opt = getopt(argc, argv, "n:q:b:o:s:a")) != -1) {
        switch (opt) {
        case 'n': R.name = optarg; break;
        case 'q': R.quiet_s = atof(optarg) / 1000; break;
        case 'b': R.rate = atof(optarg) / 10; break;
        case 'o': rawlog = optarg; break;
        case 's': script = optarg; break;
        case 'a': R.annotate = 1; break;
        default: return 2;
        }
    }
    if (!script || optind >= argc) {
        fprintf(stderr, "usage: ptyrec [-n NAME] [-q MS] [-b BAUD] [-o RAW [-a]] -s SCRIPT -- PROG ARG...\n");
        return 2;
    }
    FILE *f = fopen(script, "r");
    if (!f) {
        perror(script);
        return 2;
    }
    setenv("TERM", "xterm-256color", 1);
    if (rawlog && !(R.raw = fopen(rawlog, "wb"))) {
        perror(rawlog);
        return 2;
    }
    struct winsize ws = {.ws_row = 24, .ws_col = 80};
    double t0 = now();
    R.pid = forkpty(&R.fd, NULL, NULL, &ws);
    if (R.pid < 0) {
        perror("forkpty");
        return 2;
    }
    if (R.pid == 0) {
        execvp(argv[optind], argv + optind);
        perror(argv[optind]);
        _exit(127);
    }
    long startup_bytes = drain(t0, NULL, MAX_WAIT_S);
    double first_screen_ms = startup_bytes ? (R.last_byte - t0) * 1000 : 0;
    run_script(f);
    fclose(f);
    /* Whatever the program writes on its way out, then its exit. */
    if (!R.exited)
        cur()->bytes += drain(now(), cur(), 0);
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    int status = 0;
    double give_up = now() + 5;
    while (wait4(R.pid, &status, WNOHANG, &ru) == 0) {
        if (now() > give_up) {
            fprintf(stderr, "ptyrec: %s did not exit; killing it\n", R.name);
            kill(R.pid, SIGKILL);
        }
        char sink[4096];
        struct pollfd p = {.fd = R.fd, .events = POLLIN};
        if (poll(&p, 1, 50) > 0 && read(R.fd, sink, sizeof sink) <= 0)
            sleep_s(0.01);
    }
    report(first_screen_ms, startup_bytes, &ru);
    if (R.raw)
        fclose(R.raw);
    return 0;
}
