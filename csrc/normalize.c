/*
** normalize.c: the key of a word for gazetteer matching.
**
** A key is what two spellings of one name have in common: case folded,
** diacritics and transliteration marks removed, doubled consonants
** written once, then the caller's variant rules ("Kafr" -> "Kfar",
** "iyeh$" -> "iya").  The rules are data (lua/wirenews/data/variants.lua)
** so users can extend them; see wirenews.h for the steps.
*/
#include <stdlib.h>
#include <string.h>
#include "wirenews.h"

/* Base letters of U+00C0..U+024F and U+1E00..U+1EFF ('?' = none), from
** the Unicode canonical decompositions, plus a few letters that have none
** (ı ø đ ł ħ ŧ ð þ). */
static const char latin_base[] =
  "aaaaaa?ceeeeiiiidnooooo?ouuuuyt?aaaaaa?ceeeeiiiidnooooo?ouuuuyty"
  "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkklllllll"
  "lllnnnnnnn??oooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
  "b???????????????????????????????oo?????????????uu????zz?????????"
  "?????????????aaiioouuuuuuuuuu?aaaa????ggkkoooo??j???gg??nnaa????"
  "aaaaeeeeiiiioooorrrruuuusstt??hh??????aaeeooooooooyy????????????"
  "????????????????";

static const char latin_ext_add_base[] =
  "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
  "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
  "wwwwwwwwwwxxxxyyzzzzzzhtwy??????aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
  "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy??????";

/* Apostrophes, ayn/hamza signs and accents written as letters: dropped. */
static int is_mark_char(int32_t cp) {
  switch (cp) {
    case '\'': case '`': case '.': case 0x00B4: case 0x02B9: case 0x02BB:
    case 0x02BC: case 0x02BD: case 0x02BE: case 0x02BF: case 0x02C8:
    case 0x2018: case 0x2019: case 0x2032:
      return 1;
    default:
      return (cp >= 0x0300 && cp <= 0x036F);   /* combining diacritics */
  }
}

/* ASCII base letter of a Latin letter, or 0. */
static int latin_letter(int32_t cp) {
  char c = '?';
  if (cp >= 0xC0 && cp < 0x250) c = latin_base[cp - 0xC0];
  else if (cp >= 0x1E00 && cp < 0x1F00) c = latin_ext_add_base[cp - 0x1E00];
  return c == '?' ? 0 : c;
}

static int is_vowel(int c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

void wn_norm_init(wn_normalizer *nz) {
  memset(nz, 0, sizeof *nz);
}

void wn_norm_free(wn_normalizer *nz) {
  size_t i;
  for (i = 0; i < nz->nrules; i++) {
    free(nz->rules[i].from);
    free(nz->rules[i].to);
  }
  free(nz->rules);
  wn_norm_init(nz);
}

/* Rebuilds first[]: the rules are kept sorted by first byte. */
static void index_rules(wn_normalizer *nz) {
  size_t i = 0;
  int c;
  for (c = 0; c < 256; c++) {
    nz->first[c] = (uint16_t)i;
    while (i < nz->nrules && (unsigned char)nz->rules[i].from[0] == c) i++;
  }
  nz->first[256] = (uint16_t)i;
}

static char *dup_bytes(const char *s, size_t n) {
  char *d = (char *)malloc(n + 1);
  if (d != NULL) {
    memcpy(d, s, n);
    d[n] = '\0';
  }
  return d;
}

/* Orders rules by first byte, then longest first; stable otherwise. */
static int rule_before(const wn_keyrule *a, const wn_keyrule *b) {
  unsigned char ca = (unsigned char)a->from[0], cb = (unsigned char)b->from[0];
  if (ca != cb) return ca < cb;
  return a->flen > b->flen;
}

int wn_norm_add_rule(wn_normalizer *nz, const char *from, const char *to) {
  size_t flen = strlen(from), tlen = strlen(to), pos;
  wn_keyrule r;
  r.anchor = 0;
  if (flen > 0 && from[0] == '^') { r.anchor |= 1; from++; flen--; }
  if (flen > 0 && from[flen - 1] == '$') { r.anchor |= 2; flen--; }
  if (flen == 0 || flen > 32 || tlen > 32) return WN_EINVAL;
  if (nz->nrules >= 65000) return WN_ETOOBIG;
  {
    wn_keyrule *nv = (wn_keyrule *)wn_grow(nz->rules, &nz->cap,
                                           nz->nrules + 1, sizeof *nv);
    if (nv == NULL) return WN_ENOMEM;
    nz->rules = nv;
  }
  r.from = dup_bytes(from, flen);
  r.to = dup_bytes(to, tlen);
  if (r.from == NULL || r.to == NULL) {
    free(r.from); free(r.to);
    return WN_ENOMEM;
  }
  r.flen = (uint8_t)flen;
  r.tlen = (uint8_t)tlen;
  pos = nz->nrules;
  while (pos > 0 && rule_before(&r, &nz->rules[pos - 1])) {
    nz->rules[pos] = nz->rules[pos - 1];
    pos--;
  }
  nz->rules[pos] = r;
  nz->nrules++;
  index_rules(nz);
  return WN_OK;
}

/* Equal ignoring ASCII case (a is lower case already)? */
static int strncasecmp_ascii(const char *a, const char *b, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    unsigned c = (unsigned char)b[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    if ((unsigned char)a[i] != c) return 0;
  }
  return 1;
}

int wn_norm_add_article(wn_normalizer *nz, const char *word, int solo) {
  size_t n = strlen(word), i;
  if (n == 0 || n >= sizeof nz->articles[0]) return WN_EINVAL;
  for (i = 0; i < nz->narticles; i++) {
    if (strlen(nz->articles[i]) == n && strncasecmp_ascii(nz->articles[i], word, n)) {
      nz->article_solo[i] |= (uint8_t)(solo != 0);     /* listed twice */
      return WN_OK;
    }
  }
  if (nz->narticles >= sizeof nz->articles / sizeof nz->articles[0])
    return WN_ETOOBIG;
  for (i = 0; i < n; i++) {
    unsigned c = (unsigned char)word[i];
    if (c >= 0x80) return WN_EINVAL;
    nz->articles[nz->narticles][i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
  nz->articles[nz->narticles][n] = '\0';
  nz->article_solo[nz->narticles] = (uint8_t)(solo != 0);
  nz->narticles++;
  if (n > nz->article_max) nz->article_max = n;
  return WN_OK;
}

/* Appends one ASCII byte. */
static int put_ascii(char *out, size_t *n, int c) {
  if (*n >= WN_KEY_MAX) return 0;
  out[(*n)++] = (char)c;
  return 1;
}

/* Writes doubled consonants once, in words of four bytes or more: "USS"
** and "US" stay apart, "Assad" and "Asad" do not. */
static size_t single_consonants(char *w, size_t n) {
  size_t i, m = 1;
  if (n < 4) return n;
  for (i = 1; i < n; i++) {
    int c = (unsigned char)w[i];
    if (c == w[m - 1] && c >= 'a' && c <= 'z' && !is_vowel(c)) continue;
    w[m++] = (char)c;
  }
  return m;
}

/*
** Steps 1 and 2: folded, unaccented, marks dropped, doubles single.
** Returns the length, or (size_t)-1 when the result does not fit.
*/
static size_t fold_word(const char *s, size_t len, char *out,
                        unsigned *info) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, n = 0;
  int letters = 0, uppers = 0, lowers = 0;
  while (i < len) {
    int32_t cp;
    int c, w = 1;
    if (p[i] < 0x80) cp = p[i];
    else w = wn_utf8_decode(p + i, len - i, &cp);
    i += (size_t)w;
    if (cp < 0 || is_mark_char(cp)) continue;
    if (cp < 0x80) {
      c = (int)cp;
      if (c >= 'A' && c <= 'Z') {
        if (letters++ == 0) *info |= WN_W_CAP;
        uppers++;
        c += 32;
      } else if (c >= 'a' && c <= 'z') {
        letters++; lowers++;
      } else if (!(c >= '0' && c <= '9')) {
        continue;                         /* hyphens and other joiners */
      }
      if (!put_ascii(out, &n, c)) return (size_t)-1;
      continue;
    }
    if (wn_cp_isupper(cp)) {
      if (letters == 0) *info |= WN_W_CAP;
      uppers++;
    } else if (wn_cp_islower(cp)) {
      lowers++;
    }
    letters++;
    if (cp == 0xDF || cp == 0x1E9E) {     /* ß */
      if (!put_ascii(out, &n, 's') || !put_ascii(out, &n, 's'))
        return (size_t)-1;
    } else if ((c = latin_letter(cp)) != 0) {
      if (!put_ascii(out, &n, c)) return (size_t)-1;
    } else {
      char buf[4];
      int m = wn_utf8_encode(wn_cp_fold(cp), buf);
      if (n + (size_t)m > WN_KEY_MAX) return (size_t)-1;
      memcpy(out + n, buf, (size_t)m);
      n += (size_t)m;
    }
  }
  if (letters > 0 && lowers == 0 && uppers > 0) *info |= WN_W_UPPER;
  return single_consonants(out, n);
}

static void mark_article(const wn_normalizer *nz, const char *w, size_t n,
                         unsigned *info) {
  size_t k;
  if (n > nz->article_max) return;       /* most words: no need to look */
  for (k = 0; k < nz->narticles; k++) {
    if (nz->articles[k][0] == w[0] && nz->articles[k][n] == '\0' &&
        memcmp(nz->articles[k], w, n) == 0) {
      *info |= WN_W_ARTICLE;
      if (nz->article_solo[k]) *info |= WN_W_SOLO;
      return;
    }
  }
}

/* memcmp for the few bytes of a rule, without the call. */
static inline int same_bytes(const char *a, const char *b, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (a[i] != b[i]) return 0;
  return 1;
}

/* The longest rule that applies at position i of w[0..n-1], or NULL. */
static const wn_keyrule *rule_at(const wn_normalizer *nz, const char *w,
                                 size_t n, size_t i) {
  unsigned c = (unsigned char)w[i];
  size_t r;
  for (r = nz->first[c]; r < nz->first[c + 1]; r++) {
    const wn_keyrule *k = &nz->rules[r];
    if (k->flen > n - i) continue;
    if ((k->anchor & 1) && i != 0) continue;
    if ((k->anchor & 2) && i + k->flen != n) continue;
    if (same_bytes(w + i + 1, k->from + 1, k->flen - 1u)) return k;
  }
  return NULL;
}

size_t wn_norm_word(const wn_normalizer *nz, const char *s, size_t len,
                    char *out, unsigned *info) {
  char tmp[WN_KEY_MAX];
  size_t n, i = 0, m = 0;
  *info = 0;
  n = fold_word(s, len, tmp, info);
  if (n == (size_t)-1 || n == 0) return 0;
  mark_article(nz, tmp, n, info);
  while (i < n) {
    const wn_keyrule *k = nz->nrules ? rule_at(nz, tmp, n, i) : NULL;
    if (k == NULL) {
      if (m >= WN_KEY_MAX) return 0;
      out[m++] = tmp[i++];
      continue;
    }
    if (m + k->tlen > WN_KEY_MAX) return 0;
    memcpy(out + m, k->to, k->tlen);
    m += k->tlen;
    i += k->flen;
  }
  return m;
}
