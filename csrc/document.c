/*
** document.c: paragraph fingerprints for duplicate detection.
**
** A paragraph is read as a sequence of words: maximal runs of bytes that
** are neither ASCII white space nor ASCII punctuation, ASCII-lower-cased
** (UTF-8 letters are compared as they are).  From one pass it gives the
** hash of the whole word sequence (exact repeats), the hash of its figures
** (re-filed copy repeats its numbers; changed numbers are news), word
** counts, and the distinct hashes of its k-word shingles (near repeats).
*/
#include <stdlib.h>
#include <string.h>
#include "wirenews.h"

#define FNV32_OFFSET 2166136261u
#define FNV32_PRIME  16777619u
#define FNV64_OFFSET 14695981039346656037ull
#define FNV64_PRIME  1099511628211ull

static int is_separator(unsigned char c) {
  return c < 0x80 && (c <= 0x20 || c == 0x7f ||
         (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) ||
         (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e));
}

static uint64_t mix64(uint64_t h, uint32_t v) {
  int i;
  for (i = 0; i < 4; i++) {
    h ^= (v >> (8 * i)) & 0xffu;
    h *= FNV64_PRIME;
  }
  return h;
}

/* Hash of the k word hashes ending at ring position last. */
static uint32_t shingle_hash(const uint32_t *ring, int k, size_t last) {
  uint32_t h = FNV32_OFFSET;
  int j;
  for (j = k - 1; j >= 0; j--) {
    h ^= ring[(last + WN_FP_MAX_K - (size_t)j) % WN_FP_MAX_K];
    h *= FNV32_PRIME;
    h ^= h >> 15;
  }
  return h;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Sorts out[0..n-1] and drops repeats; returns the new count. */
static size_t sort_unique(uint32_t *out, size_t n) {
  size_t i, m = 0;
  if (n == 0) return 0;
  qsort(out, n, sizeof *out, cmp_u32);
  for (i = 1; i < n; i++)
    if (out[i] != out[m]) out[++m] = out[i];
  return m + 1;
}

int wn_fingerprint(const char *s, size_t len, int k, uint32_t *out,
                   size_t max, wn_fingerprint_t *fp) {
  uint32_t ring[WN_FP_MAX_K];
  size_t i = 0, nsh = 0;
  uint64_t figures = FNV64_OFFSET;
  int in_digits = 0;
  if (k < 1 || k > WN_FP_MAX_K || (max > 0 && out == NULL)) return WN_EINVAL;
  fp->key = FNV64_OFFSET;
  fp->words = fp->alpha_words = 0;
  fp->shingles = 0;
  while (i < len) {
    uint32_t h = FNV32_OFFSET;
    size_t start;
    int letters_only = 1;
    while (i < len && is_separator((unsigned char)s[i])) i++;
    if (i >= len) break;
    start = i;
    for (; i < len && !is_separator((unsigned char)s[i]); i++) {
      unsigned char c = (unsigned char)s[i];
      if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
      if (c >= '0' && c <= '9') {
        figures = mix64(figures, c);
        in_digits = 1;
      } else if (in_digits) {
        figures = mix64(figures, ' ');
        in_digits = 0;
      }
      if (!(c >= 'a' && c <= 'z')) letters_only = 0;
      h ^= c;
      h *= FNV32_PRIME;
    }
    if (in_digits) { figures = mix64(figures, ' '); in_digits = 0; }
    ring[fp->words % WN_FP_MAX_K] = h;
    fp->words++;
    if (letters_only && i - start >= 2) fp->alpha_words++;
    fp->key = mix64(mix64(fp->key, h), 0x20u);
    if (fp->words >= (size_t)k && nsh < max)
      out[nsh++] = shingle_hash(ring, k, (fp->words - 1) % WN_FP_MAX_K);
  }
  fp->figures = (uint32_t)(figures ^ (figures >> 32));
  fp->shingles = sort_unique(out, nsh);
  return WN_OK;
}

static int is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t wn_next_word(const char *s, size_t len, size_t *pos, size_t *start) {
  size_t i = *pos;
  while (i < len && !is_ascii_alnum((unsigned char)s[i])) i++;
  if (i >= len) { *pos = len; return 0; }
  *start = i;
  for (i++; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!is_ascii_alnum(c) && c != '\'' && c != '-') break;
  }
  *pos = i;
  return i - *start;
}

size_t wn_count_words(const char *s, size_t len) {
  size_t pos = 0, start, n = 0;
  while (wn_next_word(s, len, &pos, &start) > 0) n++;
  return n;
}

static int is_ascii_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

size_t wn_fold_space_lower(const char *s, size_t len, char *out) {
  size_t i = 0, n = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (is_ascii_space(c)) {
      out[n++] = ' ';
      while (i < len && is_ascii_space((unsigned char)s[i])) i++;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    out[n++] = (char)c;
    i++;
  }
  return n;
}

/* ------------------------------------------------------------- paragraphs */

typedef struct line_t {
  size_t start, stop;   /* 0-based; stop is one past the last byte */
  int blank, indented;
} line_t;

static int is_line_blank_byte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/* Reads the line at *pos into *l and moves *pos past its line end. */
static void next_line(const char *s, size_t len, size_t *pos, line_t *l) {
  size_t i = *pos, first = *pos;
  while (i < len && s[i] != '\n' && s[i] != '\r') i++;
  l->start = *pos;
  l->stop = i;
  while (first < i && is_line_blank_byte((unsigned char)s[first])) first++;
  l->blank = first >= i;
  l->indented = !l->blank && first > *pos;
  if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') i += 2;
  else if (i < len) i++;
  *pos = i;
}

static int ends_sentence(unsigned char c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' ||
         c == '\'' || c == ')' || c == ']';
}

static int paragraph_mode(const char *s, size_t len) {
  size_t pos = 0, nline = 0, indented = 0, wrapped = 0, nonblank = 0, blanks = 0;
  line_t l;
  while (pos < len) {
    next_line(s, len, &pos, &l);
    nline++;
    if (l.blank) { blanks++; continue; }
    nonblank++;
    if (l.indented && nline > 1) indented++;
    if (!ends_sentence((unsigned char)s[l.stop - 1])) wrapped++;
  }
  if (indented > 0 && indented < nonblank) return WN_PAR_INDENT;
  if (blanks > 0 && wrapped * 2 >= nonblank) return WN_PAR_BLANK;
  return WN_PAR_LINE;
}

/* Pushes s[start..stop) trimmed of white space, when anything is left. */
static int push_trimmed(const char *s, size_t start, size_t stop, wn_spans *out) {
  while (start < stop && is_ascii_space((unsigned char)s[start])) start++;
  while (stop > start && is_ascii_space((unsigned char)s[stop - 1])) stop--;
  if (start >= stop) return WN_OK;
  return wn_spans_push(out, (uint32_t)(start + 1), (uint32_t)stop);
}

int wn_paragraphs(const char *s, size_t len, wn_spans *out, int *mode) {
  size_t pos = 0, open_start = 0, open_stop = 0;
  int open = 0, rc = WN_OK;
  line_t l;
  if (len > WN_MAX_INPUT) return WN_ETOOBIG;
  *mode = paragraph_mode(s, len);
  while (pos < len && rc == WN_OK) {
    next_line(s, len, &pos, &l);
    if (l.blank || *mode == WN_PAR_LINE || (*mode == WN_PAR_INDENT && l.indented)) {
      if (open) rc = push_trimmed(s, open_start, open_stop, out);
      open = 0;
      if (l.blank) continue;
    }
    if (!open) { open = 1; open_start = l.start; }
    open_stop = l.stop;
  }
  if (open && rc == WN_OK) rc = push_trimmed(s, open_start, open_stop, out);
  return rc;
}

/* ------------------------------------------------------------- duplicates */

#define DEDUP_MAX_SHINGLES 1024

/* Grows *p (elements of size elem, *cap of them) to hold need, zeroing the
** new part.  The caller updates *cap after all arrays sharing it grew. */
static int grow_array(void **p, size_t cap, size_t ncap, size_t elem) {
  void *q;
  if (ncap > SIZE_MAX / elem) return WN_ENOMEM;
  q = realloc(*p, ncap * elem);
  if (q == NULL) return WN_ENOMEM;
  memset((char *)q + cap * elem, 0, (ncap - cap) * elem);
  *p = q;
  return WN_OK;
}

static size_t mix_slot(uint64_t key, size_t cap) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  return (size_t)key & (cap - 1);
}

int wn_dedup_init(wn_dedup *d, const wn_dedup_cfg *cfg) {
  memset(d, 0, sizeof *d);
  if (cfg->shingle < 1 || cfg->shingle > WN_FP_MAX_K ||
      cfg->max_shingles > DEDUP_MAX_SHINGLES)
    return WN_EINVAL;
  d->cfg = *cfg;
  d->out = malloc(DEDUP_MAX_SHINGLES * sizeof *d->out);
  return d->out ? WN_OK : WN_ENOMEM;
}

void wn_dedup_free(wn_dedup *d) {
  free(d->ekeys); free(d->eids); free(d->eused);
  free(d->pkeys); free(d->phead); free(d->pcount);
  free(d->nid); free(d->nnext);
  free(d->sizes); free(d->figures); free(d->shared);
  free(d->touched); free(d->out);
  memset(d, 0, sizeof *d);
}

/* Slot of key in the exact table (its own, or the empty one for it). */
static size_t exact_slot(const wn_dedup *d, uint64_t key) {
  size_t k = mix_slot(key, d->ecap);
  while (d->eused[k] && d->ekeys[k] != key) k = (k + 1) & (d->ecap - 1);
  return k;
}

static int exact_reserve(wn_dedup *d) {
  size_t i, ncap, old = d->ecap;
  uint64_t *keys = d->ekeys;
  uint32_t *ids = d->eids;
  unsigned char *used = d->eused;
  if ((d->en + 1) * 2 <= d->ecap) return WN_OK;
  ncap = old ? old * 2 : 16;
  if (ncap > SIZE_MAX / sizeof(uint64_t)) return WN_ENOMEM;
  d->ekeys = calloc(ncap, sizeof *d->ekeys);
  d->eids = calloc(ncap, sizeof *d->eids);
  d->eused = calloc(ncap, 1);
  if (!d->ekeys || !d->eids || !d->eused) {
    free(d->ekeys); free(d->eids); free(d->eused);
    d->ekeys = keys; d->eids = ids; d->eused = used;
    return WN_ENOMEM;
  }
  d->ecap = ncap;
  for (i = 0; i < old; i++) {
    if (used[i]) {
      size_t k = exact_slot(d, keys[i]);
      d->eused[k] = 1; d->ekeys[k] = keys[i]; d->eids[k] = ids[i];
    }
  }
  free(keys); free(ids); free(used);
  return WN_OK;
}

/* Slot of a shingle in the postings table; pcount 0 marks an empty slot. */
static size_t posting_slot(const wn_dedup *d, uint32_t key) {
  size_t k = mix_slot(key, d->pcap);
  while (d->pcount[k] && d->pkeys[k] != key) k = (k + 1) & (d->pcap - 1);
  return k;
}

static int postings_reserve(wn_dedup *d, size_t more) {
  size_t i, ncap, old = d->pcap;
  uint32_t *keys = d->pkeys, *head = d->phead, *count = d->pcount;
  if ((d->pn + more) * 2 <= d->pcap) return WN_OK;
  ncap = old ? old : 64;
  while ((d->pn + more) * 2 > ncap) {
    if (ncap > SIZE_MAX / 2 / sizeof(uint32_t)) return WN_ENOMEM;
    ncap *= 2;
  }
  d->pkeys = calloc(ncap, sizeof(uint32_t));
  d->phead = calloc(ncap, sizeof(uint32_t));
  d->pcount = calloc(ncap, sizeof(uint32_t));
  if (!d->pkeys || !d->phead || !d->pcount) {
    free(d->pkeys); free(d->phead); free(d->pcount);
    d->pkeys = keys; d->phead = head; d->pcount = count;
    return WN_ENOMEM;
  }
  d->pcap = ncap;
  for (i = 0; i < old; i++) {
    if (count[i]) {
      size_t k = posting_slot(d, keys[i]);
      d->pkeys[k] = keys[i]; d->phead[k] = head[i]; d->pcount[k] = count[i];
    }
  }
  free(keys); free(head); free(count);
  return WN_OK;
}

/* Room for paragraph ids up to id and for more posting nodes. */
static int dedup_reserve(wn_dedup *d, uint32_t id, size_t more) {
  if ((size_t)id >= d->idcap) {
    size_t ncap = d->idcap ? d->idcap : 16;
    while (ncap <= (size_t)id) ncap *= 2;
    if (grow_array((void **)&d->sizes, d->idcap, ncap, sizeof(uint32_t)) ||
        grow_array((void **)&d->figures, d->idcap, ncap, sizeof(uint32_t)) ||
        grow_array((void **)&d->shared, d->idcap, ncap, sizeof(uint32_t)) ||
        grow_array((void **)&d->touched, d->idcap, ncap, sizeof(uint32_t)))
      return WN_ENOMEM;
    d->idcap = ncap;
  }
  if (d->nn + more > d->ncap) {
    size_t ncap = d->ncap ? d->ncap : 256;
    while (d->nn + more > ncap) ncap *= 2;
    if (ncap > UINT32_MAX ||
        grow_array((void **)&d->nid, d->ncap, ncap, sizeof(uint32_t)) ||
        grow_array((void **)&d->nnext, d->ncap, ncap, sizeof(uint32_t)))
      return WN_ENOMEM;
    d->ncap = ncap;
  }
  return postings_reserve(d, more);
}

/* The most similar earlier paragraph with the same figures, or 0. */
static uint32_t most_similar(wn_dedup *d, size_t nsh, uint32_t figures, double *best_sim) {
  size_t i, ntouched = 0;
  uint32_t best = 0;
  *best_sim = 0;
  for (i = 0; i < nsh; i++) {
    size_t k = posting_slot(d, d->out[i]);
    uint32_t node;
    if (!d->pcount[k]) continue;
    for (node = d->phead[k]; node; node = d->nnext[node - 1]) {
      uint32_t other = d->nid[node - 1];
      if (d->shared[other]++ == 0) d->touched[ntouched++] = other;
    }
  }
  for (i = 0; i < ntouched; i++) {
    uint32_t other = d->touched[i], shared = d->shared[other];
    d->shared[other] = 0;
    if (d->figures[other] == figures) {
      double sim = (double)shared / (double)(nsh + d->sizes[other] - shared);
      if (sim > *best_sim || (sim == *best_sim && other < best)) {
        best = other;
        *best_sim = sim;
      }
    }
  }
  return best;
}

int wn_dedup_check(wn_dedup *d, uint32_t id, const char *s, size_t len,
                   int *kind, uint32_t *of, double *sim) {
  wn_fingerprint_t fp;
  size_t i, k;
  uint32_t best;
  int rc;
  *kind = WN_DUP_NONE; *of = 0; *sim = 0;
  if (id == 0 || id == UINT32_MAX) return WN_EINVAL;
  rc = wn_fingerprint(s, len, d->cfg.shingle, d->out, d->cfg.max_shingles, &fp);
  if (rc != WN_OK) return rc;
  if (fp.words < d->cfg.min_words_exact) return WN_OK;
  if ((rc = exact_reserve(d)) != WN_OK) return rc;
  k = exact_slot(d, fp.key);
  if (d->eused[k]) {
    *kind = WN_DUP_EXACT; *of = d->eids[k]; *sim = 1.0;
    return WN_OK;
  }
  d->eused[k] = 1; d->ekeys[k] = fp.key; d->eids[k] = id; d->en++;
  if (fp.alpha_words < d->cfg.min_words_near) return WN_OK;
  if ((rc = dedup_reserve(d, id, fp.shingles)) != WN_OK) return rc;
  best = most_similar(d, fp.shingles, fp.figures, sim);
  if (best && *sim >= d->cfg.threshold) {
    *kind = WN_DUP_NEAR; *of = best;
    return WN_OK;
  }
  *sim = 0;
  d->sizes[id] = (uint32_t)fp.shingles;
  d->figures[id] = fp.figures;
  for (i = 0; i < fp.shingles; i++) {
    size_t slot = posting_slot(d, d->out[i]);
    uint32_t n = d->pcount[slot];
    /* a second paragraph always joins (as in the Lua original): the cap
    ** applies from the third on */
    if (n == 0) { d->pkeys[slot] = d->out[i]; d->phead[slot] = 0; d->pn++; }
    else if (n >= 2 && n >= d->cfg.max_postings) continue;
    d->nid[d->nn] = id;
    d->nnext[d->nn] = d->phead[slot];
    d->phead[slot] = (uint32_t)++d->nn;
    d->pcount[slot] = n + 1;
  }
  return WN_OK;
}

/* -------------------------------------------------------------- word sets */

static uint32_t word_hash(const char *w, size_t n) {
  uint32_t h = FNV32_OFFSET;
  size_t i;
  for (i = 0; i < n; i++) {
    h ^= (unsigned char)w[i];
    h *= FNV32_PRIME;
  }
  return h;
}

/* The slot holding w, or the empty slot where it belongs. */
static size_t word_slot(const wn_wordset *ws, const char *w, size_t n) {
  size_t k = word_hash(w, n) & (ws->cap - 1);
  while (ws->len[k] &&
         !(ws->len[k] == n && memcmp(ws->chars + ws->off[k], w, n) == 0))
    k = (k + 1) & (ws->cap - 1);
  return k;
}

static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_letter(unsigned char c) { return is_lower(c) || (c >= 'A' && c <= 'Z'); }

int wn_wordset_build(wn_wordset *ws, const char *list, size_t len) {
  size_t i = 0, words = 0, cap = 16;
  memset(ws, 0, sizeof *ws);
  if (len > WN_MAX_INPUT) return WN_ETOOBIG;
  for (i = 0; i < len; i++)
    if (is_lower((unsigned char)list[i]) && (i == 0 || !is_lower((unsigned char)list[i - 1])))
      words++;
  while (cap < words * 2) cap *= 2;         /* load at most 1/2 */
  ws->chars = malloc(len ? len : 1);
  ws->off = calloc(cap, sizeof *ws->off);
  ws->len = calloc(cap, sizeof *ws->len);
  if (!ws->chars || !ws->off || !ws->len) { wn_wordset_free(ws); return WN_ENOMEM; }
  ws->cap = cap;
  for (i = 0; i < len;) {
    size_t start, k;
    if (!is_lower((unsigned char)list[i])) { i++; continue; }
    for (start = i; i < len && is_lower((unsigned char)list[i]); i++) {}
    k = word_slot(ws, list + start, i - start);
    if (ws->len[k]) continue;                /* a repeat */
    memcpy(ws->chars + ws->used, list + start, i - start);
    ws->off[k] = (uint32_t)ws->used;
    ws->len[k] = (uint32_t)(i - start);
    ws->used += i - start;
    ws->n++;
  }
  return WN_OK;
}

void wn_wordset_free(wn_wordset *ws) {
  free(ws->chars); free(ws->off); free(ws->len);
  memset(ws, 0, sizeof *ws);
}

int wn_wordset_has(const wn_wordset *ws, const char *w, size_t n) {
  if (ws->cap == 0 || n == 0) return 0;
  return ws->len[word_slot(ws, w, n)] != 0;
}

int wn_unknown_words(const wn_wordset *ws, const char *s, size_t len,
                     size_t min_len, wn_spans *out) {
  size_t i = 0;
  if (len > WN_MAX_INPUT) return WN_ETOOBIG;
  while (i < len) {
    size_t start;
    int all_lower = 1;
    if (!is_letter((unsigned char)s[i])) { i++; continue; }
    for (start = i; i < len && is_letter((unsigned char)s[i]); i++)
      if (!is_lower((unsigned char)s[i])) all_lower = 0;
    if (all_lower && i - start >= min_len && !wn_wordset_has(ws, s + start, i - start)) {
      int rc = wn_spans_push(out, (uint32_t)(start + 1), (uint32_t)i);
      if (rc != WN_OK) return rc;
    }
  }
  return WN_OK;
}
