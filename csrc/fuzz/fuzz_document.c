/*
** fuzz_document.c: paragraph fingerprints (duplicate detection).
**
** Input: one byte for k (0..9, so out-of-range values are tried), one
** byte for the room given to the shingle hashes (0..63, an exact-size
** heap block so ASan sees any write past it), then the paragraph.
** Properties checked: WN_EINVAL exactly when k is outside 1..WN_FP_MAX_K;
** otherwise at most max shingles, sorted and distinct, alpha_words <=
** words; the same result again, and for an ASCII upper-cased copy
** (words compare case-insensitively).  Paragraphs of the same text:
** increasing, in bounds, not overlapping, trimmed of white space.  The
** duplicate index over its lines: a repeat names an earlier line, and a
** line seen again whole is an exact repeat when it has enough words.
** A word set of the first half: every unknown word it reports is a
** maximal all-lower-case letter run, long enough and not in the set.
**
** Needs: document.c span.c
*/
#include <ctype.h>
#include <string.h>
#include "fuzz.h"

static int is_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }

static void check_paragraphs(const char *s, size_t len) {
  wn_spans sp;
  int mode = -1;
  wn_spans_init(&sp);
  if (wn_paragraphs(s, len, &sp, &mode) == WN_OK) {
    FUZZ_REQUIRE(mode == WN_PAR_LINE || mode == WN_PAR_INDENT || mode == WN_PAR_BLANK,
                 "mode %d", mode);
    for (size_t i = 0; i < sp.n; i++) {
      wn_span p = sp.v[i];
      FUZZ_REQUIRE(p.start >= 1 && p.start <= p.stop && p.stop <= len,
                   "paragraph %zu at %u..%u of %zu bytes", i, p.start, p.stop, len);
      FUZZ_REQUIRE(i == 0 || sp.v[i - 1].stop < p.start, "paragraph %zu overlaps", i);
      FUZZ_REQUIRE(!is_space((unsigned char)s[p.start - 1]) &&
                   !is_space((unsigned char)s[p.stop - 1]), "paragraph %zu untrimmed", i);
    }
  }
  wn_spans_free(&sp);
}

static void check_dedup(const char *s, size_t len) {
  wn_dedup d;
  wn_dedup_cfg cfg = {3, 64, 2, 2, 3, 0.5};
  size_t pos = 0;
  uint32_t id = 0;
  int kind;
  uint32_t of;
  double sim;
  if (wn_dedup_init(&d, &cfg) != WN_OK) return;
  while (pos < len) {
    const char *nl = memchr(s + pos, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - (s + pos)) : len - pos;
    wn_fingerprint_t fp;
    uint32_t out[64];
    if (wn_dedup_check(&d, ++id, s + pos, n, &kind, &of, &sim) != WN_OK) break;
    FUZZ_REQUIRE(kind == WN_DUP_NONE || (of >= 1 && of < id && sim > 0 && sim <= 1),
                 "line %u: kind %d of %u sim %g", id, kind, of, sim);
    /* the same line again repeats it exactly */
    if (wn_fingerprint(s + pos, n, 3, out, 64, &fp) == WN_OK && fp.words >= 2 &&
        wn_dedup_check(&d, ++id, s + pos, n, &kind, &of, &sim) == WN_OK)
      FUZZ_REQUIRE(kind == WN_DUP_EXACT && of < id, "line %u not an exact repeat", id);
    pos += n + 1;
  }
  wn_dedup_free(&d);
}

static void check_wordset(const char *s, size_t len, size_t min_len) {
  wn_wordset ws;
  wn_spans sp;
  if (wn_wordset_build(&ws, s, len / 2) != WN_OK) return;
  wn_spans_init(&sp);
  if (wn_unknown_words(&ws, s, len, min_len, &sp) == WN_OK) {
    for (size_t i = 0; i < sp.n; i++) {
      size_t a = sp.v[i].start - 1, b = sp.v[i].stop;   /* [a, b) */
      FUZZ_REQUIRE(a < b && b <= len && b - a >= min_len, "word %zu at %zu..%zu", i, a, b);
      for (size_t j = a; j < b; j++)
        FUZZ_REQUIRE(s[j] >= 'a' && s[j] <= 'z', "word %zu has byte %d", i, s[j]);
      FUZZ_REQUIRE((a == 0 || !isalpha((unsigned char)s[a - 1])) &&
                   (b == len || !isalpha((unsigned char)s[b])), "word %zu not maximal", i);
      FUZZ_REQUIRE(!wn_wordset_has(&ws, s + a, b - a), "word %zu is known", i);
    }
  }
  wn_spans_free(&sp);
  wn_wordset_free(&ws);
}

static int same_fp(const wn_fingerprint_t *a, const wn_fingerprint_t *b) {
  return a->key == b->key && a->figures == b->figures &&
         a->words == b->words && a->alpha_words == b->alpha_words &&
         a->shingles == b->shingles;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int k;
  size_t max, len;
  const char *s;
  char *upper = NULL;
  uint32_t *out = NULL, *out2 = NULL;
  wn_fingerprint_t fp, fp2;
  int rc;
  if (size < 2) return 0;
  k = data[0] % 10;
  max = data[1] % 64;
  s = (const char *)data + 2;
  len = size - 2;
  out = (uint32_t *)malloc(max ? max * sizeof(uint32_t) : 1);
  out2 = (uint32_t *)malloc(max ? max * sizeof(uint32_t) : 1);
  upper = (char *)malloc(len ? len : 1);
  if (out == NULL || out2 == NULL || upper == NULL) goto done;
  rc = wn_fingerprint(s, len, k, out, max, &fp);
  FUZZ_REQUIRE((rc == WN_EINVAL) == (k < 1 || k > WN_FP_MAX_K),
               "k %d gives %d", k, rc);
  if (rc != WN_OK) goto done;
  FUZZ_REQUIRE(fp.shingles <= max, "%zu shingles in room for %zu",
               fp.shingles, max);
  for (size_t i = 1; i < fp.shingles; i++)
    FUZZ_REQUIRE(out[i - 1] < out[i], "shingles %zu, %zu not sorted and "
                 "distinct", i, i + 1);
  FUZZ_REQUIRE(fp.alpha_words <= fp.words, "%zu alphabetic words of %zu",
               fp.alpha_words, fp.words);
  FUZZ_OK(wn_fingerprint(s, len, k, out2, max, &fp2));
  FUZZ_REQUIRE(same_fp(&fp, &fp2) &&
               memcmp(out, out2, fp.shingles * sizeof(uint32_t)) == 0,
               "a second run differs");
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    upper[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  FUZZ_OK(wn_fingerprint(upper, len, k, out2, max, &fp2));
  FUZZ_REQUIRE(same_fp(&fp, &fp2) &&
               memcmp(out, out2, fp.shingles * sizeof(uint32_t)) == 0,
               "an upper-cased copy differs");
  check_paragraphs(s, len);
  check_dedup(s, len);
  check_wordset(s, len, max % 10);
done:
  free(out);
  free(out2);
  free(upper);
  return 0;
}
