/*
** fuzz_sentences.c: the sentence splitter on arbitrary text.
**
** The text is tokenized, then split three ways: without lexicons, with a
** sample of the default abbreviations and word roles, and the same in "pdf"
** mode with a tiny wrap width.  Properties checked each time: spans lie
** inside the input, start at a token start and stop at a token stop, are
** ordered and do not overlap, and together hold every token exactly once
** (the first sentence starts at the first token, each next one at the
** token after the previous stop, the last stops at the last token);
** splitting again gives the same spans.
**
** Needs: sentence.c
*/
#include <string.h>
#include "fuzz.h"

/* A sample of lua/wirenews/sentences.lua's data, one of each behaviour. */
static const struct { const char *word; int32_t kind; } abbrevs[] = {
  {"mr", WN_ABBR_TITLE}, {"gen", WN_ABBR_TITLE}, {"dr", WN_ABBR_TITLE},
  {"no", WN_ABBR_NUMERIC}, {"p", WN_ABBR_NUMERIC},
  {"n\xC2\xB0", WN_ABBR_NUMERIC}, {"a.m.", WN_ABBR_TIME},
  {"p.m.", WN_ABBR_TIME}, {"co", WN_ABBR_PLAIN}, {"inc", WN_ABBR_PLAIN},
  {"jan", WN_ABBR_PLAIN}, {"u.s.", WN_ABBR_PLAIN}, {"etc", WN_ABBR_PLAIN},
  {"e.g.", WN_ABBR_PLAIN}, {"ill", WN_ABBR_PLAIN | WN_ABBR_CAPITAL},
  {"mass", WN_ABBR_PLAIN | WN_ABBR_CAPITAL},
};
static const struct { const char *word; int32_t roles; } words[] = {
  {"the", WN_WORD_STARTER | WN_WORD_JOINER}, {"he", WN_WORD_STARTER},
  {"they", WN_WORD_STARTER}, {"but", WN_WORD_STARTER},
  {"in", WN_WORD_STARTER | WN_WORD_JOINER}, {"how", WN_WORD_STARTER},
  {"a", WN_WORD_STARTER | WN_WORD_JOINER}, {"after", WN_WORD_STARTER},
  {"of", WN_WORD_JOINER}, {"said", WN_WORD_JOINER}, {"and", WN_WORD_JOINER},
};

static int build_lexicons(wn_lexset *ab, wn_lexset *wd) {
  for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++)
    if (wn_lexset_put(ab, wn_hash_folded(abbrevs[i].word,
                                         strlen(abbrevs[i].word)),
                      abbrevs[i].kind) != WN_OK)
      return WN_ENOMEM;
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (wn_lexset_put(wd, wn_hash_folded(words[i].word, strlen(words[i].word)),
                      words[i].roles) != WN_OK)
      return WN_ENOMEM;
  return WN_OK;
}

static void check_spans(const wn_spans *sp, const wn_tokens *t, size_t len) {
  size_t k = 0;                         /* the token the next span starts at */
  for (size_t i = 0; i < sp->n; i++) {
    uint32_t a = sp->v[i].start, b = sp->v[i].stop;
    FUZZ_REQUIRE(a >= 1 && a <= b && b <= len, "sentence %zu span %u..%u, "
                 "input %zu bytes", i + 1, a, b, len);
    FUZZ_REQUIRE(k < t->n && t->v[k].start == a, "sentence %zu starts at "
                 "%u, not at token %zu", i + 1, a, k + 1);
    while (k < t->n && t->v[k].stop < b) k++;
    FUZZ_REQUIRE(k < t->n && t->v[k].stop == b, "sentence %zu stops at %u, "
                 "not at a token stop", i + 1, b);
    k++;
  }
  FUZZ_REQUIRE(k == t->n, "tokens %zu..%zu are in no sentence", k + 1, t->n);
}

static int same_spans(const wn_spans *a, const wn_spans *b) {
  return a->n == b->n &&
         (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof(wn_span)) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  wn_tokens t;
  wn_lexset ab, wd;
  wn_spans sp, again;
  wn_sbd_opts opts[3];
  wn_tokens_init(&t);
  wn_lexset_init(&ab);
  wn_lexset_init(&wd);
  wn_spans_init(&sp);
  wn_spans_init(&again);
  FUZZ_OK(wn_tokenize(&t, s, size));
  FUZZ_OK(build_lexicons(&ab, &wd));
  for (int v = 0; v < 3; v++) wn_sbd_opts_init(&opts[v]);
  opts[1].abbrevs = opts[2].abbrevs = &ab;
  opts[1].words = opts[2].words = &wd;
  opts[2].pdf = 1;
  opts[2].min_wrap = 1;
  for (int v = 0; v < 3; v++) {
    sp.n = again.n = 0;
    FUZZ_OK(wn_sentences(&sp, s, size, &t, &opts[v]));
    check_spans(&sp, &t, size);
    FUZZ_OK(wn_sentences(&again, s, size, &t, &opts[v]));
    FUZZ_REQUIRE(same_spans(&sp, &again), "options %d: a second run differs",
                 v);
  }
done:
  wn_tokens_free(&t);
  wn_lexset_free(&ab);
  wn_lexset_free(&wd);
  wn_spans_free(&sp);
  wn_spans_free(&again);
  return 0;
}
