/* Internal to the text module: libthai word-break positions. */
#ifndef TAPIAN_TEXT_WORDBREAK_H
#define TAPIAN_TEXT_WORDBREAK_H

#include <stddef.h>

/* Byte offsets strictly between a and b where libthai puts a word break
 * and which are cluster boundaries of s, ascending, in *out (malloc'd,
 * may be NULL when there are none). Returns their count, or (size_t)-1 on
 * out of memory. */
size_t text_word_breaks(const char *s, size_t n, size_t a, size_t b,
                        size_t **out);

#endif
