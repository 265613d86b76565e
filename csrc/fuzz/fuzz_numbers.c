/*
** fuzz_numbers.c: the number parser on arbitrary text.
**
** The text is tokenized and parsed with the default number words; when
** its first token is a word, that word is also given a vague figure first
** (as wn.numbers' coding policy does), which must then read back.
** Properties checked: each number lies inside the input and inside its
** tokens (first <= last, both in the array, bytes within them), numbers
** are ordered and disjoint, kind and flags are known values, value and
** high are numbers (not NaN), infinite only with WN_NF_OVERFLOW, equal
** unless the number is a range; parsing again, into a reused array, gives
** the same.
**
** Needs: number.c
*/
#include <math.h>
#include <string.h>
#include "fuzz.h"

#define KNOWN_NUMBER_FLAGS 0x1FFFu

static void check_number(const wn_number *r, size_t i, const wn_tokens *t,
                         size_t len) {
  FUZZ_REQUIRE(r->start >= 1 && r->start <= r->stop && r->stop <= len,
               "number %zu span %u..%u, input %zu bytes", i + 1, r->start,
               r->stop, len);
  FUZZ_REQUIRE(r->first <= r->last && r->last < t->n, "number %zu tokens "
               "%u..%u of %zu", i + 1, r->first, r->last, t->n);
  FUZZ_REQUIRE(r->start >= t->v[r->first].start &&
               r->stop <= t->v[r->last].stop, "number %zu span %u..%u "
               "outside its tokens %u..%u", i + 1, r->start, r->stop,
               t->v[r->first].start, t->v[r->last].stop);
  FUZZ_REQUIRE(r->kind >= WN_NK_CARDINAL && r->kind <= WN_NK_MEASURE,
               "number %zu kind %u", i + 1, r->kind);
  FUZZ_REQUIRE((r->flags & ~KNOWN_NUMBER_FLAGS) == 0, "number %zu flags %x",
               i + 1, r->flags);
  FUZZ_REQUIRE(!isnan(r->value) && !isnan(r->high), "number %zu is NaN",
               i + 1);
  FUZZ_REQUIRE((isfinite(r->value) && isfinite(r->high)) ||
               (r->flags & WN_NF_OVERFLOW), "number %zu infinite without "
               "WN_NF_OVERFLOW", i + 1);
  FUZZ_REQUIRE((r->flags & WN_NF_RANGE) || r->high == r->value,
               "number %zu: high %g differs from value %g outside a range",
               i + 1, r->high, r->value);
}

static void check_numbers(const wn_numbers *nb, const wn_tokens *t,
                          size_t len) {
  for (size_t i = 0; i < nb->n; i++) {
    check_number(&nb->v[i], i, t, len);
    if (i > 0)
      FUZZ_REQUIRE(nb->v[i].start > nb->v[i - 1].stop &&
                   nb->v[i].first >= nb->v[i - 1].last, "number %zu "
                   "(%u..%u) overlaps or precedes number %zu (%u..%u)",
                   i + 1, nb->v[i].start, nb->v[i].stop, i,
                   nb->v[i - 1].start, nb->v[i - 1].stop);
  }
}

static int same_numbers(const wn_numbers *a, const wn_numbers *b) {
  return a->n == b->n &&
         (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof(wn_number)) == 0);
}

/* Gives the first token a vague figure when it is a word; checks it. */
static void try_vague(wn_numparser *p, const wn_tokens *t, const char *s) {
  const wn_token *tk;
  double got = 0;
  int rc;
  if (t->n == 0 || t->v[0].cls != WN_TK_WORD) return;
  tk = &t->v[0];
  rc = wn_numparser_set_vague(p, s + tk->start - 1, tk->stop - tk->start + 1,
                              17);
  FUZZ_REQUIRE(rc == WN_OK || rc == WN_EINVAL || rc == WN_ENOMEM,
               "set_vague gives %d", rc);
  if (rc == WN_OK)
    FUZZ_REQUIRE(wn_numparser_get_vague(p, s + tk->start - 1,
                                        tk->stop - tk->start + 1, &got) &&
                 got == 17, "a vague figure set is not read back (%g)", got);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  wn_numparser p;
  wn_tokens t;
  wn_numbers nb, again;
  wn_tokens_init(&t);
  wn_numbers_init(&nb);
  wn_numbers_init(&again);
  if (wn_numparser_init(&p) != WN_OK) return 0;
  FUZZ_OK(wn_tokenize(&t, s, size));
  try_vague(&p, &t, s);
  FUZZ_OK(wn_numbers_parse(&p, &t, s, size, &nb));
  check_numbers(&nb, &t, size);
  FUZZ_OK(wn_numbers_parse(&p, &t, s, size, &again));
  FUZZ_REQUIRE(same_numbers(&nb, &again), "a second run differs");
  FUZZ_OK(wn_numbers_parse(&p, &t, s, size, &again));      /* reused */
  FUZZ_REQUIRE(same_numbers(&nb, &again), "a run into a reused array differs");
done:
  wn_numparser_free(&p);
  wn_tokens_free(&t);
  wn_numbers_free(&nb);
  wn_numbers_free(&again);
  return 0;
}
