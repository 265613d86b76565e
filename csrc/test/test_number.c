/* test_number.c: the number parser without Lua. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wirenews.h"
#include "check.h"


/* Parses s with p into nb (tokens freed here). */
static void parse(const wn_numparser *p, const char *s, size_t len,
                  wn_numbers *nb) {
  wn_tokens t;
  wn_tokens_init(&t);
  CHECK(wn_tokenize(&t, s, len) == WN_OK);
  CHECK(wn_numbers_parse(p, &t, s, len, nb) == WN_OK);
  wn_tokens_free(&t);
}

/* s must hold exactly one number, spanning `text`, with value and kind. */
static void expect_one(const wn_numparser *p, const char *s, const char *text,
                       double value, int kind) {
  wn_numbers nb;
  wn_numbers_init(&nb);
  parse(p, s, strlen(s), &nb);
  if (nb.n != 1) {
    fprintf(stderr, "\"%s\": %zu numbers, expected 1\n", s, nb.n);
    failures++;
  } else {
    const wn_number *r = &nb.v[0];
    size_t len = r->stop - r->start + 1;
    if (len != strlen(text) || memcmp(s + r->start - 1, text, len) != 0 ||
        fabs(r->value - value) > 1e-9 * (fabs(value) > 1 ? fabs(value) : 1) ||
        r->kind != kind) {
      fprintf(stderr, "\"%s\": got \"%.*s\" %g %s, expected \"%s\" %g %s\n",
              s, (int)len, s + r->start - 1, r->value,
              wn_numkind_name(r->kind), text, value, wn_numkind_name(kind));
      failures++;
    }
  }
  wn_numbers_free(&nb);
}

static void test_forms(const wn_numparser *p) {
  expect_one(p, "more than 13,500 people", "13,500", 13500, WN_NK_CARDINAL);
  expect_one(p, "5.93 mln", "5.93 mln", 5930000, WN_NK_CARDINAL);
  expect_one(p, "2.4bn", "2.4bn", 2.4e9, WN_NK_CARDINAL);
  expect_one(p, "three hundred and twenty", "three hundred and twenty", 320,
             WN_NK_CARDINAL);
  expect_one(p, "twenty-eight", "twenty-eight", 28, WN_NK_CARDINAL);
  expect_one(p, "tens of thousands of people", "tens of thousands of", 1e4,
             WN_NK_VAGUE);
  expect_one(p, "the twenty—fifth", "twenty—fifth", 25, WN_NK_ORDINAL);
  expect_one(p, "a third of them", "a third", 1.0 / 3, WN_NK_FRACTION);
}

static void test_kinds(const wn_numparser *p) {
  expect_one(p, "in 2011", "2011", 2011, WN_NK_YEAR);
  expect_one(p, "the May 25 massacre", "25", 25, WN_NK_DATE);
  expect_one(p, "at 10:30", "10:30", 1030, WN_NK_TIME);
  expect_one(p, "15 months of bloodshed", "15", 15, WN_NK_DURATION);
  expect_one(p, "the 11-year rule", "11-year", 11, WN_NK_ATTRIBUTIVE);
  expect_one(p, "his brother (2nd-R)", "2nd-R", 2, WN_NK_POSITION);
}

static void test_flags(const wn_numparser *p) {
  wn_numbers nb;
  wn_numbers_init(&nb);
  parse(p, "$5 and 7% and -3", 16, &nb);
  CHECK(nb.n == 3);
  if (nb.n == 3) {
    CHECK(nb.v[0].flags & WN_NF_MONEY);
    CHECK(nb.v[1].flags & WN_NF_PERCENT);
    CHECK((nb.v[2].flags & WN_NF_NEGATIVE) && nb.v[2].value == -3);
  }
  parse(p, "10-15", 5, &nb);
  CHECK(nb.n == 1 && (nb.v[0].flags & WN_NF_RANGE) && nb.v[0].high == 15);
  wn_numbers_free(&nb);
}

static void test_policy(void) {
  wn_numparser p;
  double fig = 0;
  CHECK(wn_numparser_init(&p) == WN_OK);
  CHECK(wn_numparser_get_vague(&p, "dozens", 6, &fig) && fig == 12);
  CHECK(wn_numparser_set_vague(&p, "DOZENS", 6, 24) == WN_OK);
  CHECK(wn_numparser_get_vague(&p, "dozens", 6, &fig) && fig == 24);
  CHECK(wn_numparser_set_vague(&p, "three", 5, 4) == WN_EINVAL);
  CHECK(wn_numparser_set_vague(&p, "many", 4, 10) == WN_OK);
  CHECK(wn_numparser_set_vague(&p, "many", 4, -1) == WN_EINVAL);
  expect_one(&p, "many were hurt", "many", 10, WN_NK_VAGUE);
  expect_one(&p, "dozens of", "dozens of", 24, WN_NK_VAGUE);
  wn_numparser_free(&p);
  wn_numparser_free(&p);                 /* freeing twice is harmless */
}

static void test_bad_input(const wn_numparser *p) {
  wn_numbers nb;
  size_t n = 1u << 20;
  char *big = (char *)malloc(n);
  wn_numbers_init(&nb);
  parse(p, "1,2,3,4", 7, &nb);
  CHECK(nb.n == 4 && (nb.v[3].flags & WN_NF_LIST) && nb.v[3].value == 4);
  parse(p, "1e400", 5, &nb);
  CHECK(nb.n == 1 && (nb.v[0].flags & WN_NF_OVERFLOW) && isinf(nb.v[0].value));
  parse(p, "999999999999999999999", 21, &nb);
  CHECK(nb.n == 1 && (nb.v[0].flags & WN_NF_INEXACT));
  parse(p, "", 0, &nb);
  CHECK(nb.n == 0);
  CHECK(big != NULL);
  if (big) {
    memset(big, '9', n);
    parse(p, big, n, &nb);
    CHECK(nb.n == 1 && (nb.v[0].flags & WN_NF_OVERFLOW) && nb.v[0].stop == n);
    free(big);
  }
  wn_numbers_free(&nb);
}

int main(void) {
  wn_numparser p;
  if (wn_numparser_init(&p) != WN_OK) {
    fprintf(stderr, "cannot build the number parser\n");
    return 1;
  }
  test_forms(&p);
  test_kinds(&p);
  test_flags(&p);
  test_policy();
  test_bad_input(&p);
  wn_numparser_free(&p);
  return check_report("test_number");
}
