/*
** fuzz_document.c: paragraph fingerprints (duplicate detection).
**
** Input: one byte for k (0..9, so out-of-range values are tried), one
** byte for the room given to the shingle hashes (0..63, an exact-size
** heap block so ASan sees any write past it), then the paragraph.
** Properties checked: WN_EINVAL exactly when k is outside 1..WN_FP_MAX_K;
** otherwise at most max shingles, sorted and distinct, alpha_words <=
** words; the same result again, and for an ASCII upper-cased copy
** (words compare case-insensitively).
**
** Needs: document.c
*/
#include <string.h>
#include "fuzz.h"

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
done:
  free(out);
  free(out2);
  free(upper);
  return 0;
}
