/* test_sentence.c: the sentence splitter without Lua. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wirenews.h"
#include "check.h"


/* A small rule pack: the lexicons the Lua module would build. */
typedef struct Pack { wn_lexset abbrevs, words; wn_sbd_opts opts; } Pack;

static void put(wn_lexset *s, const char *w, int32_t val) {
  if (wn_lexset_put(s, wn_hash_folded(w, strlen(w)), val) != WN_OK) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
}

static void pack_init(Pack *p) {
  static const char *const starters[] = {"The", "He", "It", "How", "They",
                                         NULL};
  static const char *const joiners[] = {"the", "of", "said", NULL};
  int k;
  wn_lexset_init(&p->abbrevs);
  wn_lexset_init(&p->words);
  put(&p->abbrevs, "mr", WN_ABBR_TITLE | WN_ABBR_CAPITAL);
  put(&p->abbrevs, "gen", WN_ABBR_TITLE | WN_ABBR_CAPITAL);
  put(&p->abbrevs, "co", WN_ABBR_PLAIN);
  put(&p->abbrevs, "ill", WN_ABBR_PLAIN | WN_ABBR_CAPITAL);
  put(&p->abbrevs, "no", WN_ABBR_NUMERIC);
  put(&p->abbrevs, "p.m.", WN_ABBR_TIME);
  for (k = 0; starters[k]; k++) put(&p->words, starters[k], WN_WORD_STARTER);
  for (k = 0; joiners[k]; k++) put(&p->words, joiners[k], WN_WORD_JOINER);
  wn_sbd_opts_init(&p->opts);
  p->opts.abbrevs = &p->abbrevs;
  p->opts.words = &p->words;
}

static void pack_free(Pack *p) {
  wn_lexset_free(&p->abbrevs);
  wn_lexset_free(&p->words);
}

/* Splits s and compares the sentences with the |-separated list. */
static void expect(const Pack *p, const char *s, const char *expected) {
  wn_tokens t;
  wn_spans sp;
  char buf[1024];
  size_t k, pos = 0;
  wn_tokens_init(&t);
  wn_spans_init(&sp);
  CHECK(wn_tokenize(&t, s, strlen(s)) == WN_OK);
  CHECK(wn_sentences(&sp, s, strlen(s), &t, &p->opts) == WN_OK);
  buf[0] = '\0';
  for (k = 0; k < sp.n; k++)
    if (!join_span(buf, sizeof buf, &pos, s, sp.v[k].start, sp.v[k].stop)) break;
  CHECK_STR("sentences", s, buf, expected);
  wn_spans_free(&sp);
  wn_tokens_free(&t);
}

static void test_stops(const Pack *p) {
  expect(p, "Hello World. My name is Jonas.", "Hello World.|My name is Jonas.");
  expect(p, "Hello?! Is that you?", "Hello?!|Is that you?");
  expect(p, "She works at Yahoo! in Paris.", "She works at Yahoo! in Paris.");
  expect(p, "He said \"no.\" Then he left.", "He said \"no.\"|Then he left.");
  expect(p, "He said \"no.\" she said.", "He said \"no.\" she said.");
  expect(p, "It rose (by 5 pct.) in May.", "It rose (by 5 pct.) in May.");
  expect(p, "I never meant that.... She left.", "I never meant that....|She left.");
  expect(p, "It is . . . I think so.", "It is . . . I think so.");
}

static void test_abbreviations(const Pack *p) {
  expect(p, "Mr. Smith met Gen. Jones.", "Mr. Smith met Gen. Jones.");
  expect(p, "Ask Jane and co. They know.", "Ask Jane and co.|They know.");
  expect(p, "Briggs & Co. at noon.", "Briggs & Co. at noon.");
  expect(p, "He is No. 5 now.", "He is No. 5 now.");
  expect(p, "I live in the U.S. How about you?",
         "I live in the U.S.|How about you?");
  expect(p, "The U.S. Army came.", "The U.S. Army came.");
  expect(p, "Jonas E. Smith came.", "Jonas E. Smith came.");
  expect(p, "He was ill. Doctors came.", "He was ill.|Doctors came.");
  expect(p, "He left at 6 p.m. Mr. Smith stayed.",
         "He left at 6 p.m.|Mr. Smith stayed.");
}

static void test_lines(const Pack *p) {
  /* a subhead line stands alone; a wrapped line goes on */
  expect(p, "The army attacked the town of Homs on Tuesday, killing many.\n"
            "Lavrov Urges Talks\n"
            "The assault came a day after the visit of the Russian minister.",
         "The army attacked the town of Homs on Tuesday, killing many.|"
         "Lavrov Urges Talks|"
         "The assault came a day after the visit of the Russian minister.");
  expect(p, "The company said its first quarter profits would be lower than\n"
            "expected because of the cold weather in the north of the\n"
            "country.\n",
         "The company said its first quarter profits would be lower than\n"
         "expected because of the cold weather in the north of the\n"
         "country.");
  expect(p, "DAMASCUS -\nThe army attacked.", "DAMASCUS -\nThe army attacked.");
  expect(p, "One.\n\nTwo", "One.|Two");
  expect(p, "Line one\r\n\r\nLine two", "Line one|Line two");
}

static void test_lists(const Pack *p) {
  expect(p, "1.) The first item 2.) The second item",
         "1.) The first item|2.) The second item");
  expect(p, "a. The first item b. The second item",
         "a. The first item|b. The second item");
}

static void test_empty_and_odd(const Pack *p) {
  wn_tokens t;
  wn_spans sp;
  const char bad[] = "a\xff. B\0c.";
  expect(p, "", "");
  expect(p, " \n\t ", "");
  expect(p, "no stop at all", "no stop at all");
  wn_tokens_init(&t);
  wn_spans_init(&sp);
  CHECK(wn_tokenize(&t, bad, sizeof bad - 1) == WN_OK);
  CHECK(wn_sentences(&sp, bad, sizeof bad - 1, &t, NULL) == WN_OK);
  CHECK(sp.n >= 1 && sp.v[0].start == 1 &&
        sp.v[sp.n - 1].stop == sizeof bad - 1);
  wn_spans_free(&sp);
  wn_tokens_free(&t);
}

/* Every token in exactly one sentence, spans ordered, on random bytes
** drawn from a small alphabet full of stops, quotes and brackets. */
static void test_cover_random(const Pack *p) {
  static const char alphabet[] = "aB. .?!\"'()[]\n\n-1:A.b,“”…\t";
  char s[400];
  unsigned seed = 12345;
  int round;
  for (round = 0; round < 2000; round++) {
    wn_tokens t;
    wn_spans sp;
    size_t k, len = 1 + (size_t)(round % 399), tok = 0;
    for (k = 0; k < len; k++) {
      seed = seed * 1103515245u + 12345u;
      s[k] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
    }
    wn_tokens_init(&t);
    wn_spans_init(&sp);
    CHECK(wn_tokenize(&t, s, len) == WN_OK);
    CHECK(wn_sentences(&sp, s, len, &t, &p->opts) == WN_OK);
    for (k = 0; k < sp.n; k++) {
      CHECK(tok < t.n && sp.v[k].start == t.v[tok].start);
      while (tok < t.n && t.v[tok].stop < sp.v[k].stop) tok++;
      CHECK(tok < t.n && sp.v[k].stop == t.v[tok].stop);
      tok++;
    }
    CHECK(tok == t.n);
    wn_spans_free(&sp);
    wn_tokens_free(&t);
  }
}

int main(void) {
  Pack p;
  pack_init(&p);
  test_stops(&p);
  test_abbreviations(&p);
  test_lines(&p);
  test_lists(&p);
  test_empty_and_odd(&p);
  test_cover_random(&p);
  pack_free(&p);
  return check_report("test_sentence");
}
