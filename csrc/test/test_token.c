/* test_token.c: the tokenizer and lexicon set without Lua. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wirenews.h"
#include "check.h"


/* Tokenizes s and compares the token texts with the |-separated list. */
static void expect_tokens(const char *s, const char *expected) {
  wn_tokens t;
  char buf[512];
  size_t k, pos = 0;
  wn_tokens_init(&t);
  CHECK(wn_tokenize(&t, s, strlen(s)) == WN_OK);
  buf[0] = '\0';
  for (k = 0; k < t.n; k++)
    if (!join_span(buf, sizeof buf, &pos, s, t.v[k].start, t.v[k].stop)) break;
  CHECK_STR("tokens", s, buf, expected);
  wn_tokens_free(&t);
}

static void test_decisions(void) {
  expect_tokens("Al-Arba'een", "Al-Arba'een");
  expect_tokens("Khan Sheikhun's", "Khan|Sheikhun|'s");
  expect_tokens("13,500 and 2,400", "13,500|and|2,400");
  expect_tokens("U.S. troops", "U.S.|troops");
  expect_tokens("11-year rule", "11-year|rule");
  expect_tokens("(2nd-R)", "(|2nd-R|)");
  expect_tokens("Homs -- the", "Homs|--|the");
  expect_tokens("", "");
  expect_tokens("   \n ", "");
}

static void test_invalid_bytes(void) {
  const char s[] = "a\xff\xfe" "b";
  wn_tokens t;
  wn_tokens_init(&t);
  CHECK(wn_tokenize(&t, s, sizeof s - 1) == WN_OK);
  CHECK(t.n == 3);
  CHECK(t.n == 3 && t.v[1].cls == WN_TK_INVALID);
  CHECK(t.invalid_bytes == 2);
  wn_tokens_free(&t);
}

static void test_utf8_decode(void) {
  int32_t cp;
  CHECK(wn_utf8_decode((const unsigned char *)"\xc3\xa9", 2, &cp) == 2 &&
        cp == 0xE9);
  CHECK(wn_utf8_decode((const unsigned char *)"\xc0\x80", 2, &cp) == 1 &&
        cp == -1);                                   /* overlong */
  CHECK(wn_utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp) == 1 &&
        cp == -1);                                   /* surrogate */
  CHECK(wn_utf8_decode((const unsigned char *)"\xe2\x82", 2, &cp) == 1 &&
        cp == -1);                                   /* truncated */
  CHECK(wn_cp_class(0x00A0) == WN_CP_SPACE);
  CHECK(wn_cp_class(0x2014) == WN_CP_PUNCT);
  CHECK(wn_cp_class(0x0645) == WN_CP_LETTER);
  CHECK(wn_hash_folded("KAFR", 4) == wn_hash_folded("kafr", 4));
}

static void test_lexset(void) {
  wn_lexset s;
  int32_t v = 0;
  uint32_t i;
  wn_lexset_init(&s);
  CHECK(!wn_lexset_get(&s, 42, &v));
  for (i = 0; i < 1000; i++) CHECK(wn_lexset_put(&s, i * 7919u, (int32_t)i) == WN_OK);
  CHECK(s.n == 1000);
  for (i = 0; i < 1000; i++) CHECK(wn_lexset_get(&s, i * 7919u, &v) && v == (int32_t)i);
  CHECK(!wn_lexset_get(&s, 7919u * 1000u + 1, &v));
  CHECK(wn_lexset_put(&s, 0, 5) == WN_OK && wn_lexset_get(&s, 0, &v) && v == 5);
  wn_lexset_free(&s);
}

int main(void) {
  test_decisions();
  test_invalid_bytes();
  test_utf8_decode();
  test_lexset();
  return check_report("test_token");
}
