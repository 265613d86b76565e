/*
** fuzz_gazetteer.c: gazetteer compilation (TSV) and matching.
**
** Input: gazetteer TSV, a NUL byte, then the text to match (without a NUL
** the whole input is both, so names meet their own spellings).  The
** normaliser gets a sample of the default variant key first.
** Properties checked:
**  - loading returns OK, or EINVAL with a line inside the input and a
**    message, leaving the gazetteer empty (every line is checked before
**    anything is added); OK adds one record per data line;
**  - matches lie inside the input and inside their tokens, name and
**    record numbers are in range; longest-leftmost matches are ordered and
**    disjoint, and each is among the all-names matches (same name and end);
**  - every name and alias of the TSV matches its own text;
**  - a second gazetteer from the same TSV matches the same, and matching
**    again into a reused array gives the same.
**
** Needs: gazetteer.c normalize.c
*/
#include <string.h>
#include "fuzz.h"

static const char *const rules[][2] = {
  {"ou", "u"}, {"ee", "i"}, {"ei", "ay"}, {"iyeh$", "iya"}, {"eh$", "a"},
  {"^kafr$", "kfar"}, {"^abd$", "abdul"},
};
static const struct { const char *word; int solo; } articles[] = {
  {"al", 1}, {"el", 1}, {"ad", 0}, {"ez", 0}, {"ash", 0},
};
static const char *const equivs[][2] = {{"Zour", "Zor"}, {"Qaida", "Qaeda"}};

static wn_gazetteer *new_gazetteer(void) {
  wn_gazetteer *gz = wn_gz_new();
  wn_normalizer *nz;
  if (gz == NULL) return NULL;
  nz = wn_gz_normalizer(gz);
  for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
    if (wn_norm_add_rule(nz, rules[i][0], rules[i][1]) != WN_OK) goto fail;
  for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++)
    if (wn_norm_add_article(nz, articles[i].word, articles[i].solo) != WN_OK)
      goto fail;
  for (size_t i = 0; i < sizeof equivs / sizeof equivs[0]; i++)
    if (wn_gz_add_equiv(gz, equivs[i][0], strlen(equivs[i][0]), equivs[i][1],
                        strlen(equivs[i][1])) != WN_OK)
      goto fail;
  return gz;
fail:
  wn_gz_free(gz);
  return NULL;
}

/* Lines of the TSV that are not blank or comments; and all lines. */
static size_t data_lines(const char *s, size_t n, size_t *lines) {
  size_t pos = 0, data = 0;
  *lines = 0;
  while (pos < n) {
    const char *nl = memchr(s + pos, '\n', n - pos);
    size_t end = nl ? (size_t)(nl - s) : n, len = end - pos;
    (*lines)++;
    if (len > 0 && s[end - 1] == '\r') len--;
    if (len > 0 && s[pos] != '#') data++;
    pos = end + 1;
  }
  return data;
}

/* Loads tsv into gz and checks the result; returns 1 when it loaded. */
static int load(wn_gazetteer *gz, const char *tsv, size_t n) {
  wn_gz_error err;
  size_t lines, data = data_lines(tsv, n, &lines);
  int rc = wn_gz_load_tsv(gz, tsv, n, &err);
  FUZZ_REQUIRE(rc == WN_OK || rc == WN_EINVAL || rc == WN_ENOMEM,
               "load gives %d", rc);
  if (rc == WN_EINVAL) {
    FUZZ_REQUIRE(err.line >= 1 && err.line <= lines && err.msg[0] != '\0',
                 "error at line %zu of %zu: '%s'", err.line, lines, err.msg);
    FUZZ_REQUIRE(wn_gz_nrecords(gz) == 0 && wn_gz_nnames(gz) == 0,
                 "a rejected load (line %zu: %s) left %zu records, %zu names",
                 err.line, err.msg, wn_gz_nrecords(gz), wn_gz_nnames(gz));
  }
  if (rc != WN_OK) return 0;
  FUZZ_REQUIRE(wn_gz_nrecords(gz) == data, "%zu records from %zu data lines",
               wn_gz_nrecords(gz), data);
  for (uint32_t r = 0; r < wn_gz_nrecords(gz); r++) {
    const wn_gz_record *rec = wn_gz_record_at(gz, r);
    FUZZ_REQUIRE(rec != NULL && wn_gz_str(gz, rec->id)[0] != '\0',
                 "record %u has no id", r);
  }
  return 1;
}

static void check_matches(const wn_gz_matches *m, const wn_gazetteer *gz,
                          const wn_tokens *t, size_t len, int longest) {
  for (size_t i = 0; i < m->n; i++) {
    const wn_gz_match *x = &m->v[i];
    FUZZ_REQUIRE(x->start >= 1 && x->start <= x->stop && x->stop <= len,
                 "match %zu span %u..%u, text %zu bytes", i + 1, x->start,
                 x->stop, len);
    FUZZ_REQUIRE(x->first >= 1 && x->first <= x->last && x->last <= t->n,
                 "match %zu tokens %u..%u of %zu", i + 1, x->first, x->last,
                 t->n);
    FUZZ_REQUIRE(x->start >= t->v[x->first - 1].start &&
                 x->stop <= t->v[x->last - 1].stop, "match %zu span %u..%u "
                 "outside its tokens", i + 1, x->start, x->stop);
    FUZZ_REQUIRE(x->name < wn_gz_nnames(gz) && x->record < wn_gz_nrecords(gz),
                 "match %zu name %u record %u", i + 1, x->name, x->record);
    if (longest && i > 0)
      FUZZ_REQUIRE(x->start > m->v[i - 1].stop, "longest match %zu "
                   "(%u..%u) overlaps match %zu (%u..%u)", i + 1, x->start,
                   x->stop, i, m->v[i - 1].start, m->v[i - 1].stop);
  }
}

/* Is x among all (the same name ending at the same byte; all may have
** taken a leading article that x leaves to the match before it)? */
static int has_match(const wn_gz_matches *all, const wn_gz_match *x) {
  for (size_t i = 0; i < all->n; i++)
    if (all->v[i].start <= x->start && all->v[i].stop == x->stop &&
        all->v[i].name == x->name)
      return 1;
  return 0;
}

/* Does the text s[0..n-1] match record rec (any of its names)? */
static int matches_record(const wn_gazetteer *gz, const char *s, size_t n,
                          uint32_t rec, wn_tokens *t, wn_gz_matches *m) {
  if (wn_tokenize(t, s, n) != WN_OK ||
      wn_gz_find(gz, s, t, WN_GZ_ALL, m) != WN_OK)
    return -1;                           /* out of memory: no finding */
  for (size_t i = 0; i < m->n; i++)
    if (m->v[i].record == rec) return 1;
  return 0;
}

/* Every name and alias of every loaded line matches its own text. */
static void check_names_match_themselves(const wn_gazetteer *gz,
                                         const char *tsv, size_t n) {
  size_t pos = 0;
  uint32_t rec = 0;
  wn_tokens t;
  wn_gz_matches m;
  wn_tokens_init(&t);
  wn_gz_matches_init(&m);
  while (pos < n) {
    const char *line = tsv + pos, *nl = memchr(line, '\n', n - pos);
    size_t len = nl ? (size_t)(nl - line) : n - pos, f = 0, a = 0;
    pos += len + 1;
    if (len > 0 && line[len - 1] == '\r') len--;
    if (len == 0 || line[0] == '#') continue;
    for (size_t i = 0; i <= len; i++) {  /* fields 1 (name), 8 (aliases) */
      int end = i == len || line[i] == '\t';
      int alias_end = f == 8 && (end || line[i] == '|');
      if (((f == 1 && end) || alias_end) && i > a) {   /* "" is no alias */
        int found = matches_record(gz, line + a, i - a, rec, &t, &m);
        FUZZ_REQUIRE(found != 0, "name '%.*s' of record %u does not match "
                     "itself", (int)(i - a), line + a, rec);
      }
      if (end) f++;
      if (end || alias_end) a = i + 1;
    }
    rec++;
  }
  wn_tokens_free(&t);
  wn_gz_matches_free(&m);
}

static int same_matches(const wn_gz_matches *a, const wn_gz_matches *b) {
  return a->n == b->n &&
         (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof(wn_gz_match)) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *in = (const char *)data;
  const char *nul = memchr(in, '\0', size);
  const char *tsv = in, *text = nul ? nul + 1 : in;
  size_t tsvlen = nul ? (size_t)(nul - in) : size;
  size_t textlen = nul ? size - tsvlen - 1 : size;
  wn_gazetteer *gz = new_gazetteer(), *gz2 = new_gazetteer();
  wn_tokens t;
  wn_gz_matches longest, all, again;
  wn_tokens_init(&t);
  wn_gz_matches_init(&longest);
  wn_gz_matches_init(&all);
  wn_gz_matches_init(&again);
  if (gz == NULL || gz2 == NULL) goto done;
  if (!load(gz, tsv, tsvlen) || !load(gz2, tsv, tsvlen)) goto done;
  check_names_match_themselves(gz, tsv, tsvlen);
  FUZZ_OK(wn_tokenize(&t, text, textlen));
  FUZZ_OK(wn_gz_find(gz, text, &t, WN_GZ_LONGEST, &longest));
  check_matches(&longest, gz, &t, textlen, 1);
  FUZZ_OK(wn_gz_find(gz, text, &t, WN_GZ_ALL, &all));
  check_matches(&all, gz, &t, textlen, 0);
  for (size_t i = 0; i < longest.n; i++)
    FUZZ_REQUIRE(has_match(&all, &longest.v[i]), "longest match %zu "
                 "(%u..%u) is not among all matches", i + 1,
                 longest.v[i].start, longest.v[i].stop);
  FUZZ_OK(wn_gz_find(gz2, text, &t, WN_GZ_LONGEST, &again));
  FUZZ_REQUIRE(same_matches(&longest, &again), "a second gazetteer differs");
  FUZZ_OK(wn_gz_find(gz, text, &t, WN_GZ_ALL, &again));   /* reused */
  FUZZ_REQUIRE(same_matches(&all, &again), "matching again differs");
done:
  wn_gz_free(gz);
  wn_gz_free(gz2);
  wn_tokens_free(&t);
  wn_gz_matches_free(&longest);
  wn_gz_matches_free(&all);
  wn_gz_matches_free(&again);
  return 0;
}
