/* Entry points of the fuzz targets. Each tests/fuzz/fuzz_*.c defines one and,
 * unless FUZZ_REPLAY is set, libFuzzer's LLVMFuzzerTestOneInput calling it;
 * tests/unit/test_fuzz_replay.c includes them with FUZZ_REPLAY to feed the
 * stored corpora through the same code under gcc. */
#ifndef TAPIAN_FUZZ_H
#define TAPIAN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int fuzz_screen_one(const uint8_t *data, size_t size);
int fuzz_text_one(const uint8_t *data, size_t size);
int fuzz_csv_one(const uint8_t *data, size_t size);
int fuzz_sync_one(const uint8_t *data, size_t size);
/* The file-fed targets keep a database for the whole run; this removes it. */
void fuzz_csv_done(void);
void fuzz_sync_done(void);

#endif
