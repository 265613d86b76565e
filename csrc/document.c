/*
** document.c: paragraph fingerprints for duplicate detection.
**
** A paragraph is read as a sequence of words: maximal runs of bytes that
** are neither ASCII white space nor ASCII punctuation, ASCII-lower-cased
** (UTF-8 letters are compared as they are).  From one pass it gives the
** hash of the whole word sequence (exact repeats), the hash of its figures
** (re-filed copy repeats its numbers; changed numbers are news), word
** counts, and the distinct hashes of its k-word shingles (near repeats).
*/
#include <stdlib.h>
#include "wirenews.h"

#define FNV32_OFFSET 2166136261u
#define FNV32_PRIME  16777619u
#define FNV64_OFFSET 14695981039346656037ull
#define FNV64_PRIME  1099511628211ull

static int is_separator(unsigned char c) {
  return c < 0x80 && (c <= 0x20 || c == 0x7f ||
         (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) ||
         (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e));
}

static uint64_t mix64(uint64_t h, uint32_t v) {
  int i;
  for (i = 0; i < 4; i++) {
    h ^= (v >> (8 * i)) & 0xffu;
    h *= FNV64_PRIME;
  }
  return h;
}

/* Hash of the k word hashes ending at ring position last. */
static uint32_t shingle_hash(const uint32_t *ring, int k, size_t last) {
  uint32_t h = FNV32_OFFSET;
  int j;
  for (j = k - 1; j >= 0; j--) {
    h ^= ring[(last + WN_FP_MAX_K - (size_t)j) % WN_FP_MAX_K];
    h *= FNV32_PRIME;
    h ^= h >> 15;
  }
  return h;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Sorts out[0..n-1] and drops repeats; returns the new count. */
static size_t sort_unique(uint32_t *out, size_t n) {
  size_t i, m = 0;
  if (n == 0) return 0;
  qsort(out, n, sizeof *out, cmp_u32);
  for (i = 1; i < n; i++)
    if (out[i] != out[m]) out[++m] = out[i];
  return m + 1;
}

int wn_fingerprint(const char *s, size_t len, int k, uint32_t *out,
                   size_t max, wn_fingerprint_t *fp) {
  uint32_t ring[WN_FP_MAX_K];
  size_t i = 0, nsh = 0;
  uint64_t figures = FNV64_OFFSET;
  int in_digits = 0;
  if (k < 1 || k > WN_FP_MAX_K || (max > 0 && out == NULL)) return WN_EINVAL;
  fp->key = FNV64_OFFSET;
  fp->words = fp->alpha_words = 0;
  fp->shingles = 0;
  while (i < len) {
    uint32_t h = FNV32_OFFSET;
    size_t start;
    int letters_only = 1;
    while (i < len && is_separator((unsigned char)s[i])) i++;
    if (i >= len) break;
    start = i;
    for (; i < len && !is_separator((unsigned char)s[i]); i++) {
      unsigned char c = (unsigned char)s[i];
      if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
      if (c >= '0' && c <= '9') {
        figures = mix64(figures, c);
        in_digits = 1;
      } else if (in_digits) {
        figures = mix64(figures, ' ');
        in_digits = 0;
      }
      if (!(c >= 'a' && c <= 'z')) letters_only = 0;
      h ^= c;
      h *= FNV32_PRIME;
    }
    if (in_digits) { figures = mix64(figures, ' '); in_digits = 0; }
    ring[fp->words % WN_FP_MAX_K] = h;
    fp->words++;
    if (letters_only && i - start >= 2) fp->alpha_words++;
    fp->key = mix64(mix64(fp->key, h), 0x20u);
    if (fp->words >= (size_t)k && nsh < max)
      out[nsh++] = shingle_hash(ring, k, (fp->words - 1) % WN_FP_MAX_K);
  }
  fp->figures = (uint32_t)(figures ^ (figures >> 32));
  fp->shingles = sort_unique(out, nsh);
  return WN_OK;
}

static int is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t wn_count_words(const char *s, size_t len) {
  size_t i = 0, n = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (!is_ascii_alnum(c)) { i++; continue; }
    n++;
    for (i++; i < len; i++) {
      c = (unsigned char)s[i];
      if (!is_ascii_alnum(c) && c != '\'' && c != '-') break;
    }
  }
  return n;
}

static int is_ascii_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

size_t wn_fold_space_lower(const char *s, size_t len, char *out) {
  size_t i = 0, n = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (is_ascii_space(c)) {
      out[n++] = ' ';
      while (i < len && is_ascii_space((unsigned char)s[i])) i++;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    out[n++] = (char)c;
    i++;
  }
  return n;
}
