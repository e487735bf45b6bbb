/* Deterministic pseudo-random Thai text for the province generator: a fixed
 * seed PRNG, place and person names from Thai syllables and common names,
 * and passages sampled from the programme's own documents (bench/seeds). */
#ifndef TAPIAN_BENCH_GEN_TEXT_H
#define TAPIAN_BENCH_GEN_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* splitmix64: tiny, fast, and the same stream on every machine. */
typedef struct {
    uint64_t s;
} gen_rng;

uint64_t gen_next(gen_rng *r);
/* Uniform in [0, n), n > 0. */
int gen_below(gen_rng *r, int n);
/* A version-4 UUID text from the stream (36 characters and the NUL). */
void gen_uuid(gen_rng *r, char out[37]);

/* Names, written into out (NUL-terminated, cut at a whole character). */
void gen_place_name(gen_rng *r, char *out, size_t size);
void gen_village_name(gen_rng *r, char *out, size_t size);
void gen_person_name(gen_rng *r, char *out, size_t size);
const char *gen_person_title(gen_rng *r);

/* The seed documents, split into their non-blank lines. */
typedef struct {
    char **lines;
    size_t n;
} gen_seeds;

/* Reads every *.txt in dir. Returns 0, or -1 (with a message on stderr)
 * when the directory cannot be read or holds no text. */
int gen_seeds_load(gen_seeds *s, const char *dir);
void gen_seeds_free(gen_seeds *s);
/* The start of a random line, cut at a space or at least between whole
 * Thai clusters so that it fits out[size] with its NUL. */
void gen_seed_phrase(const gen_seeds *s, gen_rng *r, char *out, size_t size);
/* 1 to 3 consecutive lines joined by newlines, cut the same way. */
void gen_seed_passage(const gen_seeds *s, gen_rng *r, char *out, size_t size);

#endif
