/*
** lexset.c: an open-addressing set of 32-bit hashes with an int payload.
** Lexicons from Lua (abbreviations, trigger words) are turned into these
** so a C pass can test a token's folded form with a single probe.
*/
#include <stdlib.h>
#include "wirenews.h"

void wn_lexset_init(wn_lexset *s) {
  s->keys = NULL;
  s->vals = NULL;
  s->n = s->cap = 0;
}

void wn_lexset_free(wn_lexset *s) {
  free(s->keys);
  free(s->vals);
  wn_lexset_init(s);
}

static uint32_t nonzero(uint32_t h) { return h ? h : 1u; }

/* Linear probing; the multiplier spreads FNV's low bits. */
static size_t slot_of(const wn_lexset *s, uint32_t h) {
  size_t mask = s->cap - 1;
  size_t i = (size_t)((h * 2654435761u) & mask);
  while (s->keys[i] != 0 && s->keys[i] != h) i = (i + 1) & mask;
  return i;
}

static int rehash(wn_lexset *s, size_t ncap) {
  wn_lexset t;
  size_t i;
  t.keys = (uint32_t *)calloc(ncap, sizeof(uint32_t));
  t.vals = (int32_t *)calloc(ncap, sizeof(int32_t));
  if (t.keys == NULL || t.vals == NULL) {
    free(t.keys); free(t.vals);
    return WN_ENOMEM;
  }
  t.cap = ncap;
  t.n = s->n;
  for (i = 0; i < s->cap; i++) {
    if (s->keys[i] != 0) {
      size_t k = slot_of(&t, s->keys[i]);
      t.keys[k] = s->keys[i];
      t.vals[k] = s->vals[i];
    }
  }
  free(s->keys);
  free(s->vals);
  *s = t;
  return WN_OK;
}

int wn_lexset_put(wn_lexset *s, uint32_t hash, int32_t val) {
  size_t k;
  hash = nonzero(hash);
  if ((s->n + 1) * 2 > s->cap) {           /* keep the load under 1/2 */
    size_t ncap = s->cap ? s->cap * 2 : 16;
    if (ncap < s->cap || ncap > SIZE_MAX / sizeof(uint32_t)) return WN_ENOMEM;
    if (rehash(s, ncap) != WN_OK) return WN_ENOMEM;
  }
  k = slot_of(s, hash);
  if (s->keys[k] == 0) { s->keys[k] = hash; s->n++; }
  s->vals[k] = val;
  return WN_OK;
}

int wn_lexset_get(const wn_lexset *s, uint32_t hash, int32_t *val) {
  size_t k;
  if (s->cap == 0) return 0;
  hash = nonzero(hash);
  k = slot_of(s, hash);
  if (s->keys[k] == 0) return 0;
  if (val) *val = s->vals[k];
  return 1;
}
