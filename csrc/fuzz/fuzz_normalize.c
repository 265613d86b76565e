/*
** fuzz_normalize.c: the gazetteer's word keys (normalize.c) under rules
** and articles taken from the input.
**
** Input lines: "from=to" adds a variant rule (anchors "^", "$" allowed),
** "@word" an article ("@@word" one that stands alone too), any other line
** is a word to normalise.  Keys are written to an exact WN_KEY_MAX-byte
** heap block, so ASan sees a rule expansion that runs past it.
** Properties checked: rules and articles are accepted or refused with
** EINVAL/ETOOBIG; a key is at most WN_KEY_MAX bytes; WN_W_SOLO comes with
** WN_W_ARTICLE; the key is the same again and for an ASCII upper-cased
** copy of the word (keys are case-folded).
**
** Needs: normalize.c
*/
#include <string.h>
#include "fuzz.h"

#define MAX_LINE 80

/* Line s[0..n-1] as a NUL-terminated string in buf (cut at MAX_LINE). */
static const char *line_str(const char *s, size_t n, char *buf) {
  if (n > MAX_LINE) n = MAX_LINE;
  memcpy(buf, s, n);
  buf[n] = '\0';
  return buf;
}

static void add_config(wn_normalizer *nz, const char *s, size_t n) {
  char buf[MAX_LINE + 1];
  const char *eq = memchr(s, '=', n);
  int rc;
  if (n > 0 && s[0] == '@') {
    int solo = n > 1 && s[1] == '@';
    rc = wn_norm_add_article(nz, line_str(s + 1 + solo, n - 1 - (size_t)solo,
                                          buf), solo);
  } else {
    size_t f = (size_t)(eq - s);
    char to[MAX_LINE + 1];
    line_str(eq + 1, n - f - 1, to);
    rc = wn_norm_add_rule(nz, line_str(s, f, buf), to);
  }
  FUZZ_REQUIRE(rc == WN_OK || rc == WN_EINVAL || rc == WN_ETOOBIG ||
               rc == WN_ENOMEM, "configuration line gives %d", rc);
}

static void check_word(const wn_normalizer *nz, const char *w, size_t n,
                       char *key, char *again, char *upper) {
  unsigned info, info2;
  size_t k = wn_norm_word(nz, w, n, key, &info), k2;
  FUZZ_REQUIRE(k <= WN_KEY_MAX, "key of %zu bytes", k);
  FUZZ_REQUIRE(!(info & WN_W_SOLO) || (info & WN_W_ARTICLE),
               "solo without article: %x", info);
  k2 = wn_norm_word(nz, w, n, again, &info2);
  FUZZ_REQUIRE(k2 == k && memcmp(key, again, k) == 0 && info2 == info,
               "a second run differs");
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    upper[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  k2 = wn_norm_word(nz, upper, n, again, &info2);
  FUZZ_REQUIRE(k2 == k && memcmp(key, again, k) == 0,
               "'%.*s' and its upper-cased copy have different keys",
               (int)n, w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *in = (const char *)data;
  wn_normalizer nz;
  char *key = (char *)malloc(WN_KEY_MAX), *again = (char *)malloc(WN_KEY_MAX);
  char *upper = (char *)malloc(size ? size : 1);
  size_t pos = 0;
  wn_norm_init(&nz);
  if (key == NULL || again == NULL || upper == NULL) goto done;
  while (pos < size) {                    /* configuration first */
    const char *nl = memchr(in + pos, '\n', size - pos);
    size_t n = nl ? (size_t)(nl - (in + pos)) : size - pos;
    if ((n > 0 && in[pos] == '@') || memchr(in + pos, '=', n) != NULL)
      add_config(&nz, in + pos, n);
    pos += n + 1;
  }
  pos = 0;
  while (pos < size) {
    const char *nl = memchr(in + pos, '\n', size - pos);
    size_t n = nl ? (size_t)(nl - (in + pos)) : size - pos;
    if (!((n > 0 && in[pos] == '@') || memchr(in + pos, '=', n) != NULL))
      check_word(&nz, in + pos, n, key, again, upper);
    pos += n + 1;
  }
done:
  wn_norm_free(&nz);
  free(key);
  free(again);
  free(upper);
  return 0;
}
