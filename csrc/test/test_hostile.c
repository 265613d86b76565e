/*
** test_hostile.c: the C core on malformed and degenerate input, without
** Lua: every ill-formed UTF-8 form is rejected one byte at a time, the
** tokenizer refuses oversized input before reading it, NUL bytes, long
** runs and big lexicons are handled, and the gazetteer's fuzz findings
** stay fixed (a rejected TSV load changes nothing; longest matches never
** overlap).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wirenews.h"
#include "check.h"


/* Decoding s must reject its first byte (cp -1, one byte). */
static void rejects(const char *s, size_t len, const char *what) {
  int32_t cp = 0;
  int n = wn_utf8_decode((const unsigned char *)s, len, &cp);
  CHECKF(n == 1 && cp == -1, "%s: decoded %d bytes as %ld", what, n, (long)cp);
}

static void test_ill_formed_utf8(void) {
  rejects("\xC0\x80", 2, "overlong NUL");
  rejects("\xC1\xBF", 2, "overlong 2-byte");
  rejects("\xE0\x80\xAF", 3, "overlong 3-byte");
  rejects("\xE0\x9F\xBF", 3, "overlong 3-byte, top");
  rejects("\xF0\x80\x80\xAF", 4, "overlong 4-byte");
  rejects("\xF0\x8F\xBF\xBF", 4, "overlong 4-byte, top");
  rejects("\xED\xA0\x80", 3, "high surrogate");
  rejects("\xED\xBF\xBF", 3, "low surrogate");
  rejects("\xF4\x90\x80\x80", 4, "above U+10FFFF");
  rejects("\xF5\x80\x80\x80", 4, "lead byte F5");
  rejects("\xFF", 1, "byte FF");
  rejects("\x80", 1, "lone continuation");
  rejects("\xE2\x82", 2, "truncated 3-byte");
  rejects("\xE2\x82\xAC", 2, "length cuts a valid sequence");
  rejects("\xE2\x28\xA1", 3, "bad continuation");
}

static void test_boundaries_accepted(void) {
  static const struct { const char *s; int n; int32_t cp; } ok[] = {
    {"\xC2\x80", 2, 0x80}, {"\xDF\xBF", 2, 0x7FF}, {"\xE0\xA0\x80", 3, 0x800},
    {"\xED\x9F\xBF", 3, 0xD7FF}, {"\xEE\x80\x80", 3, 0xE000},
    {"\xEF\xBF\xBF", 3, 0xFFFF}, {"\xF0\x90\x80\x80", 4, 0x10000},
    {"\xF4\x8F\xBF\xBF", 4, 0x10FFFF},
  };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    int32_t cp;
    int n = wn_utf8_decode((const unsigned char *)ok[i].s, strlen(ok[i].s), &cp);
    CHECKF(n == ok[i].n && cp == ok[i].cp, "U+%04lX: %d bytes, got %ld",
          (long)ok[i].cp, n, (long)cp);
  }
}

static void test_oversized_input_refused_unread(void) {
  wn_tokens t;
  char one = 'x';
  wn_tokens_init(&t);
  /* the length is checked before any byte is read */
  CHECKF(wn_tokenize(&t, &one, WN_MAX_INPUT + 1) == WN_ETOOBIG, "no ETOOBIG");
  CHECKF(t.n == 0, "%zu tokens from a refused input", t.n);
  CHECKF(strstr(wn_strerror(WN_ETOOBIG), "too large") != NULL, "message");
  wn_tokens_free(&t);
}

static void test_nul_bytes_are_tokens(void) {
  static const char text[] = "a\0b\0\0";
  wn_tokens t;
  wn_tokens_init(&t);
  CHECKF(wn_tokenize(&t, text, sizeof text - 1) == WN_OK, "tokenize");
  CHECKF(t.n == 5, "%zu tokens, want 5", t.n);
  if (t.n == 5) {
    CHECKF(t.v[1].start == 2 && t.v[1].stop == 2, "NUL span");
    CHECKF(t.v[1].flags & WN_F_CONTROL, "NUL not flagged as control");
  }
  wn_tokens_free(&t);
}

/* A run of n invalid bytes is one token, counted in invalid_bytes. */
static void test_long_invalid_run(void) {
  size_t n = 1000000;
  char *s = (char *)malloc(n);
  wn_tokens t;
  wn_tokens_init(&t);
  CHECKF(s != NULL, "malloc");
  if (s == NULL) return;
  memset(s, 0xFF, n);
  CHECKF(wn_tokenize(&t, s, n) == WN_OK, "tokenize");
  CHECKF(t.n == 1 && t.invalid_bytes == n, "%zu tokens, %zu invalid bytes",
        t.n, t.invalid_bytes);
  wn_tokens_free(&t);
  wn_tokens_free(&t);                    /* freeing twice is harmless */
  free(s);
}

static void test_big_lexset(void) {
  wn_lexset set;
  size_t n = 1000000, missing = 0;
  wn_lexset_init(&set);
  for (size_t i = 0; i < n; i++)
    if (wn_lexset_put(&set, (uint32_t)(i * 2654435761u), (int32_t)i) != WN_OK)
      break;
  CHECKF(set.n == n, "%zu keys held", set.n);
  for (size_t i = 0; i < n; i++) {
    int32_t v;
    if (!wn_lexset_get(&set, (uint32_t)(i * 2654435761u), &v) || v != (int32_t)i)
      missing++;
  }
  CHECKF(missing == 0, "%zu keys lost", missing);
  wn_lexset_free(&set);
  wn_lexset_free(&set);
}

/* A load that fails on a later line leaves the gazetteer as it was. */
static void test_rejected_tsv_changes_nothing(void) {
  static const char good[] = "a\tHoms\tplace\n";
  static const char bad_name[] = "b\tHama\tplace\nc\t\xC2\xAB\tplace\n";
  static const char bad_alias[] = "d\tIdlib\tplace\t\t\t\t\t\tIdleb|\xC2\xBB\n";
  static const char nul[] = "e\0f\tDaraa\tplace\n";
  wn_gazetteer *gz = wn_gz_new();
  wn_gz_error err;
  CHECKF(gz != NULL, "wn_gz_new");
  if (gz == NULL) return;
  CHECKF(wn_gz_load_tsv(gz, good, sizeof good - 1, &err) == WN_OK, "good");
  CHECKF(wn_gz_load_tsv(gz, bad_name, sizeof bad_name - 1, &err) == WN_EINVAL &&
        err.line == 2, "bad name: line %zu", err.line);
  CHECKF(wn_gz_load_tsv(gz, bad_alias, sizeof bad_alias - 1, &err) == WN_EINVAL &&
        err.line == 1 && strstr(err.msg, "alias 2") != NULL, "bad alias: %s",
        err.msg);
  CHECKF(wn_gz_load_tsv(gz, nul, sizeof nul - 1, &err) == WN_EINVAL &&
        strstr(err.msg, "NUL") != NULL, "NUL in a field: %s", err.msg);
  CHECKF(wn_gz_nrecords(gz) == 1 && wn_gz_nnames(gz) == 1,
        "%zu records, %zu names after rejected loads", wn_gz_nrecords(gz),
        wn_gz_nnames(gz));
  wn_gz_free(gz);
}

/* An article that is a name of its own ends one longest match; the next
** name may not take it again as its leading article. */
static void test_longest_matches_disjoint(void) {
  static const char tsv[] = "a\tAl\tactor\nh\tAl-Hafa\tplace\n";
  static const char text[] = "in Al-Hafa today";
  wn_gazetteer *gz = wn_gz_new();
  wn_gz_error err;
  wn_tokens t;
  wn_gz_matches m;
  wn_tokens_init(&t);
  wn_gz_matches_init(&m);
  CHECKF(gz != NULL, "wn_gz_new");
  if (gz == NULL) return;
  CHECKF(wn_norm_add_article(wn_gz_normalizer(gz), "al", 1) == WN_OK, "article");
  CHECKF(wn_gz_load_tsv(gz, tsv, sizeof tsv - 1, &err) == WN_OK, "%s", err.msg);
  CHECKF(wn_tokenize(&t, text, sizeof text - 1) == WN_OK, "tokenize");
  CHECKF(wn_gz_find(gz, text, &t, WN_GZ_LONGEST, &m) == WN_OK, "find");
  CHECKF(m.n == 2, "%zu matches, want 2", m.n);
  if (m.n == 2)
    CHECKF(m.v[0].stop < m.v[1].start, "matches %u..%u and %u..%u overlap",
          m.v[0].start, m.v[0].stop, m.v[1].start, m.v[1].stop);
  wn_gz_matches_free(&m);
  wn_tokens_free(&t);
  wn_gz_free(gz);
}

int main(void) {
  test_ill_formed_utf8();
  test_boundaries_accepted();
  test_oversized_input_refused_unread();
  test_nul_bytes_are_tokens();
  test_long_invalid_run();
  test_big_lexset();
  test_rejected_tsv_changes_nothing();
  test_longest_matches_disjoint();
  return check_report("test_hostile");
}
