/* Deterministic Thai text for the province generator (see gen_text.h). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "gen_text.h"

uint64_t gen_next(gen_rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

int gen_below(gen_rng *r, int n)
{
    return (int)(gen_next(r) % (uint64_t)n);
}

void gen_uuid(gen_rng *r, char out[37])
{
    unsigned char b[16];
    uint64_t a = gen_next(r), c = gen_next(r);
    for (int i = 0; i < 8; i++) {
        b[i] = (unsigned char)(a >> (8 * i));
        b[8 + i] = (unsigned char)(c >> (8 * i));
    }
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    static const char hex[] = "0123456789abcdef";
    int o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[b[i] >> 4];
        out[o++] = hex[b[i] & 15];
    }
    out[o] = '\0';
}

#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

/* Parts of place names of the south (ท่า, ควน, พรุ ...). */
static const char *const syllables[] = {
    "ท่า", "บาง", "นา", "ทุ่ง", "ควน", "เขา", "คลอง", "หัว", "ปาก", "บ่อ",
    "หนอง", "โพธิ์", "ไม้", "เรียง", "ขุน", "ทะเล", "ศาลา", "กะ", "ทรัพย์",
    "ตลิ่ง", "ชัน", "สวน", "พลู", "หิน", "ลาด", "ดอน", "ตะเคียน", "ยาง",
    "กลาง", "ใหม่", "เหนือ", "ใต้", "แดง", "ทอง", "ศรี", "สระ", "ไทร",
    "ม่วง", "ขาม", "ลำ", "พรุ", "จันดี", "ละอาย", "กรุง", "ชิง", "ทอน",
    "หงส์", "นคร", "โคก", "น้ำ", "เตย", "แก้ว", "พัง", "สงค์", "ไร่",
};

static const char *const first_names[] = {
    "สมชาย", "สมศรี", "ประยงค์", "ชินวัฒน์", "วิมล", "สมหมาย", "เกรียงไกร",
    "ชะอ้อน", "จำนง", "สุดา", "มาลี", "บุญมี", "สมพร", "อำนวย", "ประสิทธิ์",
    "วันเพ็ญ", "สุนทร", "ละเอียด", "เฉลิม", "จันทร์เพ็ญ", "ทองใบ", "กาญจนา",
    "พรทิพย์", "อุไร", "เสถียร", "ยุพา", "ไพโรจน์", "สุวรรณ", "ดวงใจ",
    "ศักดิ์ชัย", "โสภณ", "ภีม", "พัช", "ตุ้ย", "ณรงค์", "อรุณี",
};

static const char *const surnames[] = {
    "คงจังหวัด", "ทองสงค์", "รณรงค์", "แก้วมณี", "ศรีสุข", "บุญเรือง",
    "ชูแก้ว", "เพชรรัตน์", "นาคสุข", "ทองคำ", "สุขสวัสดิ์", "จันทร์แก้ว",
    "พรหมวงศ์", "ช่วยชูหนู", "เรืองศรี", "ขุนทอง", "แสงอรุณ", "คงทน",
    "ทิพย์มณี", "ศรีนวล", "หนูแก้ว", "ด้วงคำ", "เกื้อกูล", "ชูช่วย",
};

static const char *const titles[] = {
    "นาย", "นาง", "นางสาว", "ลุง", "ป้า", "น้า", "คุณ", "ผู้ใหญ่",
};

/* Appends src to out[size] only if it fits whole, so nothing is cut
 * inside a character. */
static void append(char *out, size_t size, const char *src)
{
    size_t n = strlen(out), m = strlen(src);
    if (n + m < size)
        memcpy(out + n, src, m + 1);
}

void gen_place_name(gen_rng *r, char *out, size_t size)
{
    out[0] = '\0';
    int parts = 2 + (gen_below(r, 4) == 0);
    int prev = -1;
    for (int i = 0; i < parts; i++) {
        int k;
        do
            k = gen_below(r, COUNT(syllables));
        while (k == prev);
        append(out, size, syllables[k]);
        prev = k;
    }
}

void gen_village_name(gen_rng *r, char *out, size_t size)
{
    char rest[128];
    gen_place_name(r, rest, sizeof rest);
    out[0] = '\0';
    append(out, size, "บ้าน");
    append(out, size, rest);
}

void gen_person_name(gen_rng *r, char *out, size_t size)
{
    out[0] = '\0';
    append(out, size, first_names[gen_below(r, COUNT(first_names))]);
    append(out, size, " ");
    append(out, size, surnames[gen_below(r, COUNT(surnames))]);
}

const char *gen_person_title(gen_rng *r)
{
    return titles[gen_below(r, COUNT(titles))];
}

/* ---- seed passages ------------------------------------------------------ */

/* Thai above/below marks and SARA AM (U+0E31, U+0E33–0E3A, U+0E47–0E4E)
 * belong to the character before them: never cut just before one. */
static int is_mark(const unsigned char *p)
{
    if (p[0] != 0xE0)
        return 0;
    if (p[1] == 0xB8)
        return p[2] == 0xB1 || (p[2] >= 0xB3 && p[2] <= 0xBA);
    if (p[1] == 0xB9)
        return p[2] >= 0x87 && p[2] <= 0x8E;
    return 0;
}

/* Leading vowels (เ แ โ ใ ไ) belong to the character after them. */
static int is_leading_vowel(const unsigned char *p)
{
    return p[0] == 0xE0 && p[1] == 0xB9 && p[2] >= 0x80 && p[2] <= 0x84;
}

/* Longest prefix of s[n] that is at most max bytes and ends between whole
 * clusters; a space near the limit is preferred. */
static size_t safe_cut(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = max; i > 0 && i + 60 > max; i--)
        if (u[i] == ' ')
            return i;
    size_t i = max;
    while (i > 0) {
        if ((u[i] & 0xC0) != 0x80 && !is_mark(u + i)) {
            size_t prev = i - 1;
            while (prev > 0 && (u[prev] & 0xC0) == 0x80)
                prev--;
            if (!is_leading_vowel(u + prev))
                return i;
        }
        i--;
    }
    return 0;
}

static void copy_cut(char *out, size_t size, const char *src, size_t n)
{
    size_t k = safe_cut(src, n, size - 1);
    memcpy(out, src, k);
    out[k] = '\0';
}

void gen_seed_phrase(const gen_seeds *s, gen_rng *r, char *out, size_t size)
{
    const char *line = s->lines[gen_below(r, (int)s->n)];
    copy_cut(out, size, line, strlen(line));
}

void gen_seed_passage(const gen_seeds *s, gen_rng *r, char *out, size_t size)
{
    size_t first = (size_t)gen_below(r, (int)s->n);
    int count = 1 + gen_below(r, 3);
    out[0] = '\0';
    size_t used = 0;
    for (int i = 0; i < count && first + (size_t)i < s->n; i++) {
        const char *line = s->lines[first + (size_t)i];
        if (i > 0) {
            if (used + 2 >= size)
                break;
            out[used++] = '\n';
        }
        size_t k = safe_cut(line, strlen(line), size - 1 - used);
        memcpy(out + used, line, k);
        used += k;
        out[used] = '\0';
        if (k < strlen(line))
            break;
    }
}

/* ---- loading ---------------------------------------------------------------- */

static int add_line(gen_seeds *s, const char *b, size_t n, size_t *cap)
{
    while (n > 0 && (b[n - 1] == '\r' || b[n - 1] == ' ' || b[n - 1] == '\t'))
        n--;
    while (n > 0 && (*b == ' ' || *b == '\t')) {
        b++;
        n--;
    }
    if (n == 0)
        return 0;
    if (s->n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        char **l = realloc(s->lines, *cap * sizeof *l);
        if (!l)
            return -1;
        s->lines = l;
    }
    char *c = malloc(n + 1);
    if (!c)
        return -1;
    memcpy(c, b, n);
    c[n] = '\0';
    s->lines[s->n++] = c;
    return 0;
}

static int load_file(gen_seeds *s, const char *path, size_t *cap)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t n;
    int rc = 0;
    while (rc == 0 && (n = getline(&line, &lcap, f)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            n--;
        rc = add_line(s, line, (size_t)n, cap);
    }
    free(line);
    fclose(f);
    return rc;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int is_txt(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return n > 4 && strcmp(d->d_name + n - 4, ".txt") == 0;
}

int gen_seeds_load(gen_seeds *s, const char *dir)
{
    s->lines = NULL;
    s->n = 0;
    struct dirent **names;
    /* Sorted, so the lines come in the same order on every machine. */
    int k = scandir(dir, &names, is_txt, by_name);
    if (k < 0) {
        perror(dir);
        return -1;
    }
    size_t cap = 0;
    int rc = 0;
    for (int i = 0; i < k; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
        if (rc == 0 && load_file(s, path, &cap) != 0) {
            perror(path);
            rc = -1;
        }
        free(names[i]);
    }
    free(names);
    if (rc == 0 && s->n == 0) {
        fprintf(stderr, "%s: no seed text (*.txt)\n", dir);
        rc = -1;
    }
    if (rc != 0)
        gen_seeds_free(s);
    return rc;
}

void gen_seeds_free(gen_seeds *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->lines[i]);
    free(s->lines);
    s->lines = NULL;
    s->n = 0;
}
