/* test_document.c: paragraph fingerprints, word counts, folded text, duplicate index and word sets, without Lua. */
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

static size_t words_of(const char *s) { return wn_count_words(s, strlen(s)); }

/* the same count as select(2, s:gsub("%w[%w'%-]*", "")) in Lua */
static void test_count_words_follows_the_lua_pattern(void) {
  CHECK(words_of("") == 0);
  CHECK(words_of("  -- ' ") == 0);
  CHECK(words_of("At least 47 people") == 4);
  CHECK(words_of("don't self-rule 'quoted' -x") == 4);
  CHECK(words_of("a--b c'") == 2);
  CHECK(words_of("Qusa\xffir \xd8\xad x") == 3);
  CHECK(wn_count_words("one two", 3) == 1);
}

static int folds_to(const char *s, const char *want) {
  char out[64];
  size_t n = wn_fold_space_lower(s, strlen(s), out);
  return n == strlen(want) && memcmp(out, want, n) == 0;
}

static void test_fold_space_lower_is_lua_lower_and_collapse(void) {
  CHECK(folds_to("", ""));
  CHECK(folds_to("(Reporting BY  Jane\r\n\tDoe)", "(reporting by jane doe)"));
  CHECK(folds_to(" \v\f x ", " x "));
  CHECK(folds_to("\xc3\x89T\xc3\x89", "\xc3\x89t\xc3\x89")); /* UTF-8 bytes kept */
}

static wn_dedup_cfg default_cfg(void) {
  wn_dedup_cfg c;
  c.shingle = 3; c.max_shingles = 64; c.max_postings = 32;
  c.min_words_exact = 4; c.min_words_near = 8; c.threshold = 0.6;
  return c;
}

static int check_para(wn_dedup *d, uint32_t id, const char *s, uint32_t *of, double *sim) {
  int kind = -1;
  CHECK(wn_dedup_check(d, id, s, strlen(s), &kind, of, sim) == WN_OK);
  return kind;
}

static void test_dedup_exact_and_near_repeats(void) {
  wn_dedup d;
  wn_dedup_cfg c = default_cfg();
  uint32_t of;
  double sim;
  const char *a = "Rebels shelled the northern town of Qusayr on Monday killing at least 12 civilians, activists said.";
  const char *near = "Rebels shelled the northern town of Qusayr on Monday, killing at least 12 civilians, activists reported.";
  const char *update = "Rebels shelled the northern town of Qusayr on Monday killing at least 15 civilians, activists said.";
  CHECK(wn_dedup_init(&d, &c) == WN_OK);
  CHECK(check_para(&d, 1, a, &of, &sim) == WN_DUP_NONE);
  CHECK(check_para(&d, 2, "He said.", &of, &sim) == WN_DUP_NONE);
  CHECK(check_para(&d, 3, "He said.", &of, &sim) == WN_DUP_NONE);  /* too short */
  CHECK(check_para(&d, 4, "REBELS shelled the northern town of Qusayr on Monday -- killing at least 12 civilians activists said",
                   &of, &sim) == WN_DUP_EXACT && of == 1 && sim == 1.0);
  CHECK(check_para(&d, 5, near, &of, &sim) == WN_DUP_NEAR && of == 1 && sim >= 0.6 && sim < 1.0);
  CHECK(check_para(&d, 6, update, &of, &sim) == WN_DUP_NONE);       /* figures changed */
  CHECK(wn_dedup_check(&d, 0, a, strlen(a), &(int){0}, &of, &sim) == WN_EINVAL);
  wn_dedup_free(&d);
  wn_dedup_free(&d);                                                  /* idempotent */
  c.shingle = 0;
  CHECK(wn_dedup_init(&d, &c) == WN_EINVAL);
  wn_dedup_free(&d);
}

/* i written in letters, so that its words are alphabetic */
static void letters_of(uint32_t i, char *out) {
  int n = 0;
  do { out[n++] = (char)('a' + i % 26); i /= 26; } while (i);
  out[n] = 0;
}

static void para_of(uint32_t i, const char *last, char *buf, size_t size) {
  char w[16];
  letters_of(i, w);
  snprintf(buf, size, "%sa %sb %sc %sd %se %sf %sg %sh %si %sj %sk %s",
           w, w, w, w, w, w, w, w, w, w, w, last);
}

/* Many paragraphs: the tables grow and every earlier one is still found. */
static void test_dedup_grows(void) {
  wn_dedup d;
  wn_dedup_cfg c = default_cfg();
  char buf[256];
  uint32_t i, of;
  double sim;
  CHECK(wn_dedup_init(&d, &c) == WN_OK);
  for (i = 1; i <= 3000; i++) {
    snprintf(buf, sizeof buf, "alpha%u beta%u gamma%u delta%u epsilon%u zeta%u eta%u theta%u", i, i, i, i, i, i, i, i);
    CHECK(check_para(&d, i, buf, &of, &sim) == WN_DUP_NONE);
  }
  snprintf(buf, sizeof buf, "alpha%u beta%u gamma%u delta%u epsilon%u zeta%u eta%u theta%u", 1234u, 1234u, 1234u, 1234u, 1234u, 1234u, 1234u, 1234u);
  CHECK(check_para(&d, 3001, buf, &of, &sim) == WN_DUP_EXACT && of == 1234);
  wn_dedup_free(&d);
  CHECK(wn_dedup_init(&d, &c) == WN_OK);
  for (i = 1; i <= 3000; i++) {
    para_of(i, "end", buf, sizeof buf);
    CHECK(check_para(&d, i, buf, &of, &sim) == WN_DUP_NONE);
  }
  para_of(1234, "finish", buf, sizeof buf);                     /* one word changed */
  CHECK(check_para(&d, 3001, buf, &of, &sim) == WN_DUP_NEAR && of == 1234);
  wn_dedup_free(&d);
}

static void test_wordset_and_unknown_words(void) {
  wn_wordset ws;
  wn_spans sp;
  const char *list = "aardvark\nzebra\nzebra\nRefused x-ray\n";
  const char *text = "Zebras extremistsrefused zebra, aardvarks x\xc3\xa9tait refused";
  CHECK(wn_wordset_build(&ws, list, strlen(list)) == WN_OK);
  CHECK(ws.n == 5);                               /* aardvark zebra efused x ray */
  CHECK(wn_wordset_has(&ws, "zebra", 5) && wn_wordset_has(&ws, "efused", 6));
  CHECK(!wn_wordset_has(&ws, "zebr", 4) && !wn_wordset_has(&ws, "", 0));
  wn_spans_init(&sp);
  CHECK(wn_unknown_words(&ws, text, strlen(text), 5, &sp) == WN_OK);
  /* "Zebras" has a capital, "zebra" is known, "x" and "tait" are short */
  CHECK(sp.n == 3);
  CHECK(sp.n == 3 && sp.v[0].start == 8 && sp.v[0].stop == 24);   /* extremistsrefused */
  CHECK(sp.n == 3 && sp.v[1].start == 33 && sp.v[1].stop == 41);  /* aardvarks */
  CHECK(sp.n == 3 && sp.v[2].start == 51 && sp.v[2].stop == 57);  /* refused */
  wn_spans_free(&sp);
  wn_wordset_free(&ws);
  wn_wordset_free(&ws);                           /* idempotent */
  CHECK(wn_wordset_build(&ws, "", 0) == WN_OK && !wn_wordset_has(&ws, "a", 1));
  wn_wordset_free(&ws);
}

int main(void) {
  test_wordset_and_unknown_words();
  test_dedup_exact_and_near_repeats();
  test_dedup_grows();
  test_fold_space_lower_is_lua_lower_and_collapse();
  test_count_words_follows_the_lua_pattern();
  test_exact_key_ignores_case_spacing_punctuation();
  test_shingles_are_distinct_and_sorted();
  test_limits();
  return check_report("test_document");
}
