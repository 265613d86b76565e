/*
** fuzz_gazetteer.c: the TSV loader and the matcher on arbitrary bytes.
**
** The input is a TSV gazetteer, a NUL byte, then a text (without a NUL
** the whole input is both).  A small variant key is set first.
** Properties: loading gives WN_OK or WN_EINVAL (with a line inside the
** input and an unchanged, empty gazetteer); every match lies inside the
** text on token edges; longest-mode matches are ordered and do not
** overlap, and each is also found in all-mode.
*/
#include <string.h>
#include "fuzz.h"

static int setup(wn_gazetteer *gz) {
  static const char *const rules[][2] = {
    {"ou", "u"}, {"ee", "i"}, {"ei", "ay"}, {"iyeh$", "iya"}, {"^kafr$", "kfar"},
  };
  wn_normalizer *nz = wn_gz_normalizer(gz);
  size_t i;
  int rc;
  for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
    if ((rc = wn_norm_add_rule(nz, rules[i][0], rules[i][1])) != WN_OK) return rc;
  if ((rc = wn_norm_add_article(nz, "al", 1)) != WN_OK) return rc;
  if ((rc = wn_norm_add_article(nz, "ez", 0)) != WN_OK) return rc;
  return wn_gz_add_equiv(gz, "Zour", 4, "Zor", 3);
}

static size_t count_lines(const uint8_t *d, size_t n) {
  size_t i, lines = 1;
  for (i = 0; i < n; i++) lines += d[i] == '\n';
  return lines;
}

static int found_in(const wn_gz_matches *all, const wn_gz_match *m) {
  size_t i;
  for (i = 0; i < all->n; i++)
    if (all->v[i].start == m->start && all->v[i].stop == m->stop &&
        all->v[i].record == m->record && all->v[i].name == m->name)
      return 1;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wn_gazetteer *gz = wn_gz_new();
  wn_tokens toks;
  wn_gz_matches lm, am;
  wn_gz_error err;
  const uint8_t *nul = size ? memchr(data, 0, size) : NULL;
  size_t tsv_len = nul ? (size_t)(nul - data) : size;
  const char *text = nul ? (const char *)nul + 1 : (const char *)data;
  size_t text_len = nul ? size - tsv_len - 1 : size;
  size_t i;
  int rc;
  wn_tokens_init(&toks);
  wn_gz_matches_init(&lm);
  wn_gz_matches_init(&am);
  if (gz == NULL) goto done;
  FUZZ_OK(setup(gz));
  rc = wn_gz_load_tsv(gz, (const char *)data, tsv_len, &err);
  FUZZ_REQUIRE(rc == WN_OK || rc == WN_EINVAL || rc == WN_ENOMEM, "load gave %d", rc);
  if (rc == WN_ENOMEM) goto done;
  if (rc == WN_EINVAL) {
    FUZZ_REQUIRE(err.line >= 1 && err.line <= count_lines(data, tsv_len),
                 "error line %zu", err.line);
    FUZZ_REQUIRE(err.msg[0] != '\0', "empty error message");
    FUZZ_REQUIRE(wn_gz_nrecords(gz) == 0, "%zu records after an error",
                 wn_gz_nrecords(gz));
  }
  FUZZ_OK(wn_tokenize(&toks, text, text_len));
  FUZZ_OK(wn_gz_find(gz, text, &toks, WN_GZ_LONGEST, &lm));
  FUZZ_OK(wn_gz_find(gz, text, &toks, WN_GZ_ALL, &am));
  for (i = 0; i < lm.n; i++) {
    const wn_gz_match *m = &lm.v[i];
    FUZZ_REQUIRE(m->start >= 1 && m->start <= m->stop && m->stop <= text_len,
                 "span %u-%u of %zu bytes", m->start, m->stop, text_len);
    FUZZ_REQUIRE(m->first >= 1 && m->first <= m->last && m->last <= toks.n,
                 "tokens %u-%u of %zu", m->first, m->last, toks.n);
    FUZZ_REQUIRE(m->record < wn_gz_nrecords(gz), "record %u", m->record);
    FUZZ_REQUIRE(i == 0 || lm.v[i - 1].stop < m->start, "overlap at %u", m->start);
    FUZZ_REQUIRE(found_in(&am, m), "longest match %u-%u not in all-mode",
                 m->start, m->stop);
  }
  FUZZ_REQUIRE(am.n >= lm.n, "%zu all-mode matches, %zu longest", am.n, lm.n);
done:
  wn_gz_matches_free(&lm);
  wn_gz_matches_free(&am);
  wn_tokens_free(&toks);
  wn_gz_free(gz);
  return 0;
}
