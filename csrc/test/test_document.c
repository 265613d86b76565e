/* test_document.c: paragraph fingerprints without Lua. */
#include <stdio.h>
#include <string.h>
#include "wirenews.h"
#include "check.h"


static wn_fingerprint_t fp_of(const char *s, uint32_t *out, size_t max) {
  wn_fingerprint_t fp;
  int rc = wn_fingerprint(s, strlen(s), 3, out, max, &fp);
  CHECK(rc == WN_OK);
  return fp;
}

static void test_exact_key_ignores_case_spacing_punctuation(void) {
  uint32_t a[64], b[64];
  wn_fingerprint_t x = fp_of("At least 47 people were killed.", a, 64);
  wn_fingerprint_t y = fp_of("at  least 47 PEOPLE -- were killed", b, 64);
  wn_fingerprint_t z = fp_of("At least 48 people were killed.", b, 64);
  CHECK(x.key == y.key);
  CHECK(x.key != z.key);
  CHECK(x.figures != z.figures);
  CHECK(x.words == 6 && x.alpha_words == 5);
}

static void test_shingles_are_distinct_and_sorted(void) {
  uint32_t out[64];
  size_t i;
  wn_fingerprint_t fp = fp_of("a b c a b c a b c", out, 64);
  /* shingles: abc bca cab abc bca cab abc -> three distinct */
  CHECK(fp.shingles == 3);
  for (i = 1; i < fp.shingles; i++) CHECK(out[i - 1] < out[i]);
}

static void test_limits(void) {
  uint32_t out[4];
  wn_fingerprint_t fp;
  const char *s = "one two three four five six seven eight nine ten";
  CHECK(wn_fingerprint(s, strlen(s), 3, out, 4, &fp) == WN_OK);
  CHECK(fp.shingles <= 4 && fp.words == 10);
  CHECK(wn_fingerprint(s, strlen(s), 0, out, 4, &fp) == WN_EINVAL);
  CHECK(wn_fingerprint(s, strlen(s), WN_FP_MAX_K + 1, out, 4, &fp) == WN_EINVAL);
  CHECK(wn_fingerprint("", 0, 3, out, 4, &fp) == WN_OK && fp.words == 0 && fp.shingles == 0);
  CHECK(wn_fingerprint("x y", 3, 3, out, 4, &fp) == WN_OK && fp.shingles == 0);
  /* UTF-8 and invalid bytes are word bytes, never read past len */
  CHECK(wn_fingerprint("Qusa\xffir \xd8\xad", 9, 1, out, 4, &fp) == WN_OK && fp.words == 2);
}

int main(void) {
  test_exact_key_ignores_case_spacing_punctuation();
  test_shingles_are_distinct_and_sorted();
  test_limits();
  return check_report("test_document");
}
