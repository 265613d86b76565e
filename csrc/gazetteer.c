/*
** gazetteer.c: names compiled into a trie over word keys, matched
** longest-leftmost over a token array.
**
** Layout (all arrays, no per-name allocation):
**  - vocab: open-addressing table from a key string (normalize.c) to a key
**    number; spellings made equivalent share one number.
**  - root[key]: the trie state after one word; edges: a hash table from
**    (state, key) to the next state.  accept[state]: the first name ending
**    there (names at one state are a list ordered by priority).
**  - names: record, case requirements (2 bits a word), tag, priority.
**  - records: string fields as offsets into one arena.
** Matching builds "units" (one per word, or per part of a hyphenated word)
** in caller-owned scratch space, then walks the trie from each unit.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wirenews.h"

#define MAX_WORDS 32

/* Case requirement of one word of a name. */
enum { REQ_NONE = 0, REQ_CAP, REQ_UPPER };

/* Unit flags beyond WN_W_*. */
#define U_JOINED 0x10u       /* a hyphen joins it to the next unit */
#define U_SKIP   0x20u       /* an optional article */
#define U_WORD   0x40u       /* part of a word token */
#define U_SHORT  0x80u       /* a key under 4 bytes */

typedef struct Unit {
  uint32_t key;              /* key number; 0 = none (no match crosses it) */
  uint32_t start, stop;      /* bytes, 1-based inclusive */
  uint32_t tok;              /* token index, 1-based */
  uint32_t info;             /* WN_W_*, U_* */
} Unit;

typedef struct VSlot {
  uint32_t hash, off, len, key;   /* key 0 = empty slot */
} VSlot;

typedef struct Name {
  uint64_t reqs;             /* case requirement of word w: bits 2w, 2w+1 */
  uint32_t record;
  uint32_t next;             /* next name at the same state, index + 1 */
  uint32_t state;            /* where the name ends */
  int16_t tag;
  int16_t priority;
} Name;

typedef struct Bytes { char *v; size_t n, cap; } Bytes;

struct wn_gazetteer {
  wn_normalizer norm;
  Bytes keys;                /* key strings */
  VSlot *vocab; size_t vcap, vn;
  uint32_t *root; size_t nkeys, rootcap;    /* indexed by key number */
  uint8_t *first_req; size_t frcap;         /* least case requirement on the
                                               first word of the names under
                                               root[key]; 3: no name */
  uint64_t *ekeys; uint32_t *evals; size_t ecap, en;
  uint32_t *accept; size_t nstates, scap;   /* indexed by state */
  uint32_t *last; size_t lcap;              /* last name of each list */
  Name *names; size_t nnames, ncap;
  wn_gz_record *recs; size_t nrecs, rcap;
  Bytes strs;                /* record strings, NUL-terminated */
  wn_tokens scratch_toks;    /* for tokenizing names being added */
  wn_gz_matches scratch;
};

/* -------------------------------------------------------------- helpers */

/* Grows *v (of elem-byte items, capacity *cap) to hold need items. */
static int grow_array(void **v, size_t *cap, size_t need, size_t elem) {
  void *nv = wn_grow(*v, cap, need, elem);
  if (nv == NULL) return WN_ENOMEM;
  *v = nv;
  return WN_OK;
}

/* Appends n bytes and a NUL; stores the offset in *off. */
static int bytes_put(Bytes *b, const char *s, size_t n, uint32_t *off) {
  int rc;
  if (b->n + n + 1 > (size_t)UINT32_MAX) return WN_ETOOBIG;
  rc = grow_array((void **)&b->v, &b->cap, b->n + n + 1, 1);
  if (rc != WN_OK) return rc;
  if (n) memcpy(b->v + b->n, s, n);
  b->v[b->n + n] = '\0';
  *off = (uint32_t)b->n;
  b->n += n + 1;
  return WN_OK;
}

static uint32_t fnv1a(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

/* ---------------------------------------------------------- lifecycle */

wn_gazetteer *wn_gz_new(void) {
  wn_gazetteer *gz = (wn_gazetteer *)calloc(1, sizeof *gz);
  uint32_t off;
  if (gz == NULL) return NULL;
  wn_norm_init(&gz->norm);
  wn_tokens_init(&gz->scratch_toks);
  wn_gz_matches_init(&gz->scratch);
  gz->nstates = 1;                        /* state 0: the root */
  if (bytes_put(&gz->strs, "", 0, &off) != WN_OK ||
      grow_array((void **)&gz->accept, &gz->scap, 1, sizeof(uint32_t)) != WN_OK ||
      grow_array((void **)&gz->last, &gz->lcap, 1, sizeof(uint32_t)) != WN_OK) {
    wn_gz_free(gz);
    return NULL;
  }
  gz->accept[0] = 0;
  gz->last[0] = 0;
  return gz;
}

void wn_gz_free(wn_gazetteer *gz) {
  if (gz == NULL) return;
  wn_norm_free(&gz->norm);
  free(gz->keys.v);
  free(gz->vocab);
  free(gz->root);
  free(gz->first_req);
  free(gz->ekeys);
  free(gz->evals);
  free(gz->accept);
  free(gz->last);
  free(gz->names);
  free(gz->recs);
  free(gz->strs.v);
  wn_tokens_free(&gz->scratch_toks);
  wn_gz_matches_free(&gz->scratch);
  free(gz);
}

wn_normalizer *wn_gz_normalizer(wn_gazetteer *gz) { return &gz->norm; }
size_t wn_gz_nrecords(const wn_gazetteer *gz) { return gz->nrecs; }
size_t wn_gz_nnames(const wn_gazetteer *gz) { return gz->nnames; }

const wn_gz_record *wn_gz_record_at(const wn_gazetteer *gz, uint32_t rec) {
  return rec < gz->nrecs ? &gz->recs[rec] : NULL;
}

const char *wn_gz_str(const wn_gazetteer *gz, uint32_t off) {
  return off < gz->strs.n ? gz->strs.v + off : "";
}

size_t wn_gz_memory(const wn_gazetteer *gz) {
  return sizeof *gz + gz->keys.cap + gz->vcap * sizeof(VSlot) +
         gz->rootcap * sizeof(uint32_t) + gz->frcap +
         gz->ecap * (sizeof(uint64_t) + sizeof(uint32_t)) +
         (gz->scap + gz->lcap) * sizeof(uint32_t) + gz->ncap * sizeof(Name) +
         gz->rcap * sizeof(wn_gz_record) + gz->strs.cap +
         gz->norm.cap * sizeof(wn_keyrule);
}

/* -------------------------------------------------------------- vocab */

/* Slot of key string s (empty slot when absent). */
static size_t vocab_slot(const wn_gazetteer *gz, const char *s, size_t n,
                         uint32_t h) {
  size_t mask = gz->vcap - 1, i = (size_t)(h * 2654435761u) & mask;
  for (;;) {
    const VSlot *v = &gz->vocab[i];
    if (v->key == 0) return i;
    if (v->hash == h && v->len == n && memcmp(gz->keys.v + v->off, s, n) == 0)
      return i;
    i = (i + 1) & mask;
  }
}

static uint32_t key_lookup(const wn_gazetteer *gz, const char *s, size_t n) {
  if (gz->vn == 0) return 0;
  return gz->vocab[vocab_slot(gz, s, n, fnv1a(s, n))].key;
}

static int vocab_rehash(wn_gazetteer *gz) {
  size_t ncap = gz->vcap ? gz->vcap * 2 : 1024, i;
  VSlot *old = gz->vocab, *nv;
  size_t ocap = gz->vcap;
  nv = (VSlot *)calloc(ncap, sizeof(VSlot));
  if (nv == NULL) return WN_ENOMEM;
  gz->vocab = nv;
  gz->vcap = ncap;
  for (i = 0; i < ocap; i++) {
    if (old[i].key != 0) {
      size_t mask = ncap - 1, j = (size_t)(old[i].hash * 2654435761u) & mask;
      while (nv[j].key != 0) j = (j + 1) & mask;
      nv[j] = old[i];
    }
  }
  free(old);
  return WN_OK;
}

/* Stores key string s with key number key (a new number when key is 0);
** returns the number, 0 when out of memory. */
static uint32_t key_intern(wn_gazetteer *gz, const char *s, size_t n,
                           uint32_t key) {
  uint32_t h = fnv1a(s, n), off;
  size_t i;
  if ((gz->vn + 1) * 4 > gz->vcap * 3 && vocab_rehash(gz) != WN_OK) return 0;
  i = vocab_slot(gz, s, n, h);
  if (gz->vocab[i].key != 0) return gz->vocab[i].key;
  if (key == 0) {
    if (gz->nkeys + 2 > UINT32_MAX ||
        grow_array((void **)&gz->root, &gz->rootcap, gz->nkeys + 2,
                   sizeof(uint32_t)) != WN_OK ||
        grow_array((void **)&gz->first_req, &gz->frcap, gz->nkeys + 2, 1) != WN_OK)
      return 0;
    key = (uint32_t)++gz->nkeys;
    gz->root[key] = 0;
    gz->first_req[key] = 3;
  }
  if (bytes_put(&gz->keys, s, n, &off) != WN_OK) return 0;
  gz->vocab[i].hash = h;
  gz->vocab[i].off = off;
  gz->vocab[i].len = (uint32_t)n;
  gz->vocab[i].key = key;
  gz->vn++;
  return key;
}

/* -------------------------------------------------------------- trie */

static uint32_t edge_get(const wn_gazetteer *gz, uint32_t state, uint32_t key) {
  uint64_t k = ((uint64_t)state << 32) | key;
  size_t mask, i;
  if (gz->ecap == 0) return 0;
  mask = gz->ecap - 1;
  i = (size_t)mix64(k) & mask;
  while (gz->ekeys[i] != 0) {
    if (gz->ekeys[i] == k) return gz->evals[i];
    i = (i + 1) & mask;
  }
  return 0;
}

static void edge_store(uint64_t *ek, uint32_t *ev, size_t cap, uint64_t k,
                       uint32_t v) {
  size_t mask = cap - 1, i = (size_t)mix64(k) & mask;
  while (ek[i] != 0 && ek[i] != k) i = (i + 1) & mask;
  ek[i] = k;
  ev[i] = v;
}

static int edges_rehash(wn_gazetteer *gz) {
  size_t ncap = gz->ecap ? gz->ecap * 2 : 1024, i;
  uint64_t *nk = (uint64_t *)calloc(ncap, sizeof(uint64_t));
  uint32_t *nv = (uint32_t *)calloc(ncap, sizeof(uint32_t));
  if (nk == NULL || nv == NULL) {
    free(nk); free(nv);
    return WN_ENOMEM;
  }
  for (i = 0; i < gz->ecap; i++)
    if (gz->ekeys[i] != 0) edge_store(nk, nv, ncap, gz->ekeys[i], gz->evals[i]);
  free(gz->ekeys);
  free(gz->evals);
  gz->ekeys = nk;
  gz->evals = nv;
  gz->ecap = ncap;
  return WN_OK;
}

static int new_state(wn_gazetteer *gz, uint32_t *state) {
  int rc;
  if (gz->nstates >= UINT32_MAX - 1) return WN_ETOOBIG;
  rc = grow_array((void **)&gz->accept, &gz->scap, gz->nstates + 1,
                  sizeof(uint32_t));
  if (rc == WN_OK)
    rc = grow_array((void **)&gz->last, &gz->lcap, gz->nstates + 1,
                    sizeof(uint32_t));
  if (rc != WN_OK) return rc;
  gz->accept[gz->nstates] = 0;
  gz->last[gz->nstates] = 0;
  *state = (uint32_t)gz->nstates++;
  return WN_OK;
}

/* The state after key from state (from 0 = the root), created if needed. */
static int step_create(wn_gazetteer *gz, uint32_t from, uint32_t key,
                       uint32_t *to) {
  int rc;
  if (from == 0) {
    if (gz->root[key] == 0) {
      rc = new_state(gz, &gz->root[key]);
      if (rc != WN_OK) return rc;
    }
    *to = gz->root[key];
    return WN_OK;
  }
  *to = edge_get(gz, from, key);
  if (*to != 0) return WN_OK;
  if ((gz->en + 1) * 4 > gz->ecap * 3 && (rc = edges_rehash(gz)) != WN_OK)
    return rc;
  rc = new_state(gz, to);
  if (rc != WN_OK) return rc;
  edge_store(gz->ekeys, gz->evals, gz->ecap, ((uint64_t)from << 32) | key, *to);
  gz->en++;
  return WN_OK;
}

/* --------------------------------------------------------------- units */

static int is_hyphen_at(const unsigned char *p, size_t i, size_t end,
                        size_t *w) {
  if (p[i] == '-') { *w = 1; return 1; }
  if (p[i] == 0xE2 && i + 2 < end && p[i + 1] == 0x80 &&
      (p[i + 2] == 0x90 || p[i + 2] == 0x91)) {
    *w = 3;
    return 1;
  }
  return 0;
}

typedef struct Units {
  Unit *v;
  size_t n, cap;
  int probe;          /* intern nothing: any word with a key gets key 1 */
} Units;

static int unit_push(Units *u, uint32_t key, uint32_t start, uint32_t stop,
                     uint32_t tok, uint32_t info) {
  Unit *x;
  if (u->n == u->cap) {
    int rc = grow_array((void **)&u->v, &u->cap, u->n + 1, sizeof(Unit));
    if (rc != WN_OK) return rc;
  }
  x = &u->v[u->n++];
  x->key = key; x->start = start; x->stop = stop; x->tok = tok; x->info = info;
  return WN_OK;
}

/* The key number of a key string: looked up, or interned when mgz is the
** gazetteer being built. */
static uint32_t key_of(const wn_gazetteer *gz, wn_gazetteer *mgz,
                       const char *k, size_t n) {
  if (n == 0) return 0;
  return mgz ? key_intern(mgz, k, n, 0) : key_lookup(gz, k, n);
}

/*
** Most words of a text are frequent ones, so the key of a plain word token
** (no hyphen, at most CACHE_WORD bytes) is remembered in a direct-mapped
** cache, by its exact bytes.
*/
#define CACHE_SLOTS 4096
#define CACHE_WORD 22

typedef struct CacheSlot {
  uint32_t key, info;
  uint8_t len;
  char bytes[CACHE_WORD + 1];
} CacheSlot;

static CacheSlot *cache_slot(CacheSlot *cache, const wn_token *tk) {
  uint32_t h = tk->hash ^ (tk->flags & (WN_F_CAP | WN_F_ALLCAPS)) * 0x9E3779B1u;
  return &cache[(h * 2654435761u) >> 20];        /* 12 bits: 4096 slots */
}

/* The parts of a word token, each a unit. */
static int word_units(const wn_gazetteer *gz, wn_gazetteer *mgz,
                      const char *text, const wn_token *tk, uint32_t tok,
                      Units *u, CacheSlot *cache) {
  const unsigned char *p = (const unsigned char *)text;
  size_t a = tk->start - 1, end = tk->stop, i = a, first = u->n;
  CacheSlot *slot = NULL;
  if (cache != NULL && !(tk->flags & WN_F_HYPHEN) && end - a <= CACHE_WORD) {
    slot = cache_slot(cache, tk);
    if (slot->len == end - a && memcmp(slot->bytes, text + a, end - a) == 0)
      return unit_push(u, slot->key, tk->start, tk->stop, tok, slot->info);
  }
  int hyphens = (tk->flags & WN_F_HYPHEN) != 0;
  while (a <= end) {
    char key[WN_KEY_MAX];
    unsigned info;
    size_t klen, hw = 0;
    uint32_t kn;
    int rc;
    if (hyphens) {
      while (i < end && !is_hyphen_at(p, i, end, &hw)) i++;
    } else {
      i = end;
    }
    klen = wn_norm_word(&gz->norm, text + a, i - a, key, &info);
    if ((info & WN_W_UPPER) && klen < 2) info &= ~WN_W_UPPER;
    kn = u->probe ? (klen != 0) : key_of(gz, mgz, key, klen);
    if (mgz && klen && kn == 0) return WN_ENOMEM;
    info |= U_WORD;
    if (klen < 4) info |= U_SHORT;
    if (i < end) info |= U_JOINED;
    rc = unit_push(u, kn, (uint32_t)a + 1, (uint32_t)i, tok, info);
    if (rc != WN_OK) return rc;
    if (i >= end) break;
    i += hw;
    a = i;
  }
  /* articles are optional: joined ones ("al-"), or solo words ("Al") */
  if (u->n - first == 1) {
    if (u->v[first].info & WN_W_SOLO) u->v[first].info |= U_SKIP;
    if (slot != NULL) {
      slot->key = u->v[first].key;
      slot->info = u->v[first].info;
      slot->len = (uint8_t)(end - a);
      memcpy(slot->bytes, text + a, end - a);
    }
  } else {
    size_t k;
    for (k = first; k + 1 < u->n; k++)
      if (u->v[k].info & WN_W_ARTICLE) u->v[k].info |= U_SKIP;
  }
  return WN_OK;
}

/* Fills u with the units of the tokens.  Punctuation, numbers and symbols
** are keyed by their folded bytes; URLs, control characters and invalid
** bytes, and paragraph breaks, get a unit without a key. */
static int build_units(const wn_gazetteer *gz, wn_gazetteer *mgz,
                       const char *text, const wn_tokens *toks, Units *u,
                       CacheSlot *cache) {
  size_t t;
  u->n = 0;
  for (t = 0; t < toks->n; t++) {
    const wn_token *tk = &toks->v[t];
    uint32_t tok = (uint32_t)t + 1, key = 0;
    int rc;
    if (t > 0 && (tk->flags & WN_F_PARA) &&
        (rc = unit_push(u, 0, tk->start, tk->start, tok, 0)) != WN_OK)
      return rc;
    if (tk->cls == WN_TK_WORD && !(tk->flags & (WN_F_URL | WN_F_CONTROL))) {
      rc = word_units(gz, mgz, text, tk, tok, u, cache);
    } else {
      size_t n = tk->stop - tk->start + 1;
      if (tk->cls != WN_TK_INVALID && !(tk->flags & (WN_F_URL | WN_F_CONTROL))
          && n <= WN_KEY_MAX) {
        key = u->probe ? 1 : key_of(gz, mgz, text + tk->start - 1, n);
        if (mgz && key == 0) return WN_ENOMEM;
      }
      rc = unit_push(u, key, tk->start, tk->stop, tok, 0);
    }
    if (rc != WN_OK) return rc;
  }
  return WN_OK;
}

/* ------------------------------------------------------ adding names */

int wn_gz_add_equiv(wn_gazetteer *gz, const char *a, size_t alen,
                    const char *b, size_t blen) {
  char ka[WN_KEY_MAX], kb[WN_KEY_MAX];
  unsigned ia, ib;
  size_t na = wn_norm_word(&gz->norm, a, alen, ka, &ia);
  size_t nb = wn_norm_word(&gz->norm, b, blen, kb, &ib);
  uint32_t key, old;
  if (gz->nnames > 0 || na == 0 || nb == 0) return WN_EINVAL;
  key = key_intern(gz, kb, nb, 0);
  if (key == 0) return WN_ENOMEM;
  old = key_lookup(gz, ka, na);
  if (old != 0) return old == key ? WN_OK : WN_EINVAL;
  return key_intern(gz, ka, na, key) ? WN_OK : WN_ENOMEM;
}

static int add_string(wn_gazetteer *gz, const char *s, uint32_t *off) {
  if (s == NULL || *s == '\0') { *off = 0; return WN_OK; }
  return bytes_put(&gz->strs, s, strlen(s), off);
}

int wn_gz_add_record(wn_gazetteer *gz, const wn_gz_fields *f, uint32_t *rec) {
  wn_gz_record r;
  int rc;
  if (gz->nrecs >= UINT32_MAX - 1) return WN_ETOOBIG;
  rc = grow_array((void **)&gz->recs, &gz->rcap, gz->nrecs + 1, sizeof r);
  if (rc != WN_OK) return rc;
  if ((rc = add_string(gz, f->id, &r.id)) != WN_OK ||
      (rc = add_string(gz, f->canonical, &r.canonical)) != WN_OK ||
      (rc = add_string(gz, f->kind, &r.kind)) != WN_OK ||
      (rc = add_string(gz, f->country, &r.country)) != WN_OK ||
      (rc = add_string(gz, f->admin, &r.admin)) != WN_OK ||
      (rc = add_string(gz, f->klass, &r.klass)) != WN_OK)
    return rc;
  r.lat = f->lat;
  r.lon = f->lon;
  gz->recs[gz->nrecs] = r;
  *rec = (uint32_t)gz->nrecs++;
  return WN_OK;
}

static uint8_t case_req(unsigned info, int policy) {
  if (policy == WN_CASE_ANY || !(info & WN_W_CAP)) return REQ_NONE;
  return (info & WN_W_UPPER) ? REQ_UPPER : REQ_CAP;
}

/* Is an identical name (same record, state and case) already there?  A
** record's names are added together, so only the last names are looked at. */
static int has_same_name(const wn_gazetteer *gz, uint32_t state, uint32_t rec,
                         uint64_t reqs) {
  size_t i = gz->nnames;
  while (i > 0 && gz->names[i - 1].record == rec) {
    const Name *nm = &gz->names[--i];
    if (nm->state == state && nm->reqs == reqs) return 1;
  }
  return 0;
}

/* Links name index ni into the list at state, by priority, stable: most
** names go to the end, found without a walk. */
static void link_name(wn_gazetteer *gz, uint32_t state, uint32_t ni) {
  uint32_t *link = &gz->accept[state], tail = gz->last[state];
  int16_t pr = gz->names[ni].priority;
  if (tail != 0 && gz->names[tail - 1].priority >= pr) {
    link = &gz->names[tail - 1].next;
  } else {
    while (*link != 0 && gz->names[*link - 1].priority >= pr)
      link = &gz->names[*link - 1].next;
  }
  gz->names[ni].next = *link;
  if (*link == 0) gz->last[state] = ni + 1;
  *link = ni + 1;
}

/*
** The words of a name: their key numbers and case requirements (2 bits a
** word), *nw of them.  With probe set nothing is interned, so a name can
** be checked before anything is added.  WN_EINVAL as for wn_gz_add_name.
*/
static int name_keys(wn_gazetteer *gz, const char *name, size_t len,
                     int casepolicy, int probe, uint32_t *keys,
                     uint64_t *reqs, size_t *nw) {
  Units u;
  size_t k, skips = 0;
  int rc, words = 0;
  *nw = 0;
  *reqs = 0;
  rc = wn_tokenize(&gz->scratch_toks, name, len);
  if (rc != WN_OK) return rc;
  u.v = (Unit *)gz->scratch.scratch;
  u.cap = gz->scratch.scratch_cap / sizeof(Unit);
  u.n = 0;
  u.probe = probe;
  rc = build_units(gz, probe ? NULL : gz, name, &gz->scratch_toks, &u, NULL);
  gz->scratch.scratch = u.v;
  gz->scratch.scratch_cap = u.cap * sizeof(Unit);
  if (rc != WN_OK) return rc;
  /* in a name every article is optional, joined or not ("Ar Raqqah") */
  for (k = 0; k < u.n; k++) skips += (u.v[k].info & WN_W_ARTICLE) != 0;
  for (k = 0; k < u.n; k++) {
    if ((u.v[k].info & WN_W_ARTICLE) && skips < u.n) continue;
    if (u.v[k].key == 0 || *nw == MAX_WORDS) return WN_EINVAL;
    words |= (u.v[k].info & U_WORD) != 0;
    keys[*nw] = u.v[k].key;
    *reqs |= (uint64_t)case_req(u.v[k].info, casepolicy) << (2 * *nw);
    (*nw)++;
  }
  return words ? WN_OK : WN_EINVAL;
}

int wn_gz_add_name(wn_gazetteer *gz, uint32_t rec, const char *name,
                   size_t len, int casepolicy, int tag, int priority) {
  uint32_t keys[MAX_WORDS], state = 0;
  uint64_t reqs;
  size_t k, nw;
  int rc;
  Name *nm;
  if (rec >= gz->nrecs) return WN_EINVAL;
  /* a rejected name may leave keys interned: without names they never
  ** match (files are checked with probes before anything is added) */
  rc = name_keys(gz, name, len, casepolicy, 0, keys, &reqs, &nw);
  if (rc != WN_OK) return rc;
  for (k = 0; k < nw; k++)
    if ((rc = step_create(gz, state, keys[k], &state)) != WN_OK) return rc;
  if (has_same_name(gz, state, rec, reqs)) return WN_OK;
  if ((reqs & 3u) < gz->first_req[keys[0]]) gz->first_req[keys[0]] = (uint8_t)(reqs & 3u);
  if (gz->nnames >= UINT32_MAX - 1) return WN_ETOOBIG;
  rc = grow_array((void **)&gz->names, &gz->ncap, gz->nnames + 1, sizeof(Name));
  if (rc != WN_OK) return rc;
  nm = &gz->names[gz->nnames];
  nm->record = rec;
  nm->reqs = reqs;
  nm->state = state;
  nm->tag = (int16_t)(tag < INT16_MIN ? INT16_MIN : tag > INT16_MAX ? INT16_MAX : tag);
  nm->priority = (int16_t)(priority < -32768 ? -32768 :
                           priority > 32767 ? 32767 : priority);
  link_name(gz, state, (uint32_t)gz->nnames);
  gz->nnames++;
  return WN_OK;
}

/* ------------------------------------------------------------ matching */

void wn_gz_matches_init(wn_gz_matches *m) {
  m->v = NULL;
  m->n = m->cap = 0;
  m->scratch = NULL;
  m->scratch_cap = 0;
  m->cache = NULL;
  m->cache_owner = NULL;
  m->cache_keys = 0;
}

void wn_gz_matches_free(wn_gz_matches *m) {
  free(m->v);
  free(m->scratch);
  free(m->cache);
  wn_gz_matches_init(m);
}

/* Do the units on path satisfy the case requirements of name nm? */
static inline int case_ok(const Name *nm, const Unit *u, const uint32_t *path) {
  uint64_t reqs = nm->reqs;
  size_t w;
  for (w = 0; reqs != 0; w++, reqs >>= 2) {
    unsigned req = (unsigned)(reqs & 3u);
    uint32_t info = u[path[w]].info;
    if (req == REQ_CAP && !(info & WN_W_CAP)) return 0;
    if (req == REQ_UPPER && !(info & WN_W_UPPER)) return 0;
    /* a short word in capitals is an acronym, not a name: "OFF" is not
    ** the town "Of", "SA" not "Sah"; "HOMS" still is Homs */
    if (req == REQ_CAP && (info & (WN_W_UPPER | U_SHORT)) == (WN_W_UPPER | U_SHORT))
      return 0;
  }
  return 1;
}

/* First unit of a match starting at unit i: a leading article joined to
** it ("Al-Hafa") or capitalised before it ("Al Hafa") belongs to it,
** unless a match before it (at units below floor) took it already. */
static size_t lead_unit(const Unit *u, size_t i, size_t floor) {
  if (i > floor && (u[i - 1].info & U_SKIP) &&
      (u[i - 1].info & (U_JOINED | WN_W_CAP)))
    return i - 1;
  return i;
}

/* The walk from one unit: where it starts and what it may not cover. */
typedef struct Walk {
  const Unit *u;
  size_t n, i, floor;
} Walk;

static int emit(wn_gz_matches *out, const Walk *w, size_t j, uint32_t ni,
                const Name *nm) {
  wn_gz_match *m;
  const Unit *u = w->u;
  size_t a = lead_unit(u, w->i, w->floor);
  if (out->n == out->cap) {
    int rc = grow_array((void **)&out->v, &out->cap, out->n + 1,
                        sizeof(wn_gz_match));
    if (rc != WN_OK) return rc;
  }
  m = &out->v[out->n++];
  m->start = u[a].start;
  m->stop = u[j].stop;
  m->first = u[a].tok;
  m->last = u[j].tok;
  m->name = ni;
  m->record = nm->record;
  m->tag = nm->tag;
  return WN_OK;
}

/* The next unit a name can continue with after unit j: articles between
** are skipped.  Returns n when there is none. */
static size_t next_unit(const Unit *u, size_t n, size_t j) {
  size_t k = j + 1;
  while (k < n && (u[k].info & U_SKIP)) k++;
  return k;
}

/*
** Walks the trie from unit w->i.  In WN_GZ_ALL mode every name whose case
** fits is emitted; otherwise the longest is, and *end gets its last unit
** (left as it is when there is none).
*/
static int walk(const wn_gazetteer *gz, const Walk *w, int mode,
                wn_gz_matches *out, size_t *end) {
  uint32_t path[MAX_WORDS], state, next, best = 0;
  const Unit *u = w->u;
  size_t depth = 1, i = w->i, n = w->n, j = i, bestj = 0;
  state = u[i].key ? gz->root[u[i].key] : 0;
  path[0] = (uint32_t)i;
  while (state != 0) {
    uint32_t ni;
    for (ni = gz->accept[state]; ni != 0; ni = gz->names[ni - 1].next) {
      const Name *nm = &gz->names[ni - 1];
      if (!case_ok(nm, u, path)) continue;
      if (mode == WN_GZ_ALL) {
        int rc = emit(out, w, j, ni - 1, nm);
        if (rc != WN_OK) return rc;
      } else {
        best = ni;
        bestj = j;
        break;
      }
    }
    if (depth == MAX_WORDS) break;
    j = next_unit(u, n, j);
    if (j >= n || u[j].key == 0) break;
    next = edge_get(gz, state, u[j].key);
    if (next == 0 && (u[j].info & WN_W_ARTICLE)) {
      /* names keep no article, so one standing alone inside a name is
      ** optional too: "Deir ez Zor" is "Deir ez-Zor" */
      size_t k = next_unit(u, n, j);
      if (k < n && u[k].key != 0 &&
          (next = edge_get(gz, state, u[k].key)) != 0)
        j = k;
    }
    state = next;
    path[depth++] = (uint32_t)j;
  }
  if (best != 0) {
    *end = bestj;
    return emit(out, w, bestj, best - 1, &gz->names[best - 1]);
  }
  return WN_OK;
}

int wn_gz_find(const wn_gazetteer *gz, const char *text,
                const wn_tokens *toks, int mode, wn_gz_matches *out) {
  Units u;
  Walk w;
  size_t i;
  int rc;
  out->n = 0;
  if (out->cache_owner != gz || out->cache_keys != gz->vn) {
    free(out->cache);                     /* another gazetteer, or it grew */
    out->cache = calloc(CACHE_SLOTS, sizeof(CacheSlot));
    if (out->cache == NULL) return WN_ENOMEM;
    out->cache_owner = gz;
    out->cache_keys = gz->vn;
  }
  u.v = (Unit *)out->scratch;
  u.cap = out->scratch_cap / sizeof(Unit);
  u.n = 0;
  u.probe = 0;
  rc = build_units(gz, NULL, text, toks, &u, (CacheSlot *)out->cache);
  out->scratch = u.v;
  out->scratch_cap = u.cap * sizeof(Unit);
  if (rc != WN_OK) return rc;
  w.u = u.v;
  w.n = u.n;
  w.floor = 0;
  for (i = 0; i < u.n; i++) {
    size_t end = SIZE_MAX;
    uint32_t key = u.v[i].key;
    if (key == 0 || gz->root[key] == 0) continue;
    /* "the" need not be walked when every name it starts needs "The" */
    switch (gz->first_req[key]) {
      case REQ_NONE: break;
      case REQ_CAP: if (u.v[i].info & WN_W_CAP) break; continue;
      case REQ_UPPER: if (u.v[i].info & WN_W_UPPER) break; continue;
      default: continue;
    }
    w.i = i;
    rc = walk(gz, &w, mode, out, &end);
    if (rc != WN_OK) return rc;
    if (mode != WN_GZ_ALL && end != SIZE_MAX) {
      i = end;                          /* the next match starts after it */
      w.floor = end + 1;
    }
  }
  return WN_OK;
}

/* ------------------------------------------------------------ TSV files */

#define TSV_FIELDS 12

typedef struct Line {
  const char *f[TSV_FIELDS];
  size_t len[TSV_FIELDS];
  size_t nf;
} Line;

static int fail(wn_gz_error *err, size_t line, const char *msg) {
  err->line = line;
  snprintf(err->msg, sizeof err->msg, "%s", msg);
  return WN_EINVAL;
}

/* Splits s[0..n-1] at tabs; returns 0 when there are too many fields. */
static int split_line(const char *s, size_t n, Line *ln) {
  size_t a = 0, i;
  ln->nf = 0;
  for (i = 0; i <= n; i++) {
    if (i == n || s[i] == '\t') {
      if (ln->nf == TSV_FIELDS) return 0;
      ln->f[ln->nf] = s + a;
      ln->len[ln->nf++] = i - a;
      a = i + 1;
    }
  }
  return 1;
}

static int field_is(const Line *ln, size_t k, const char *word) {
  return k < ln->nf && ln->len[k] == strlen(word) &&
         memcmp(ln->f[k], word, ln->len[k]) == 0;
}

static size_t field_len(const Line *ln, size_t k) {
  return k < ln->nf ? ln->len[k] : 0;
}

/* Parses a number field; returns 0 when it is not a finite number. */
static int parse_number(const char *s, size_t n, double *v) {
  char buf[64], *end;
  if (n == 0 || n >= sizeof buf) return 0;
  memcpy(buf, s, n);
  buf[n] = '\0';
  *v = strtod(buf, &end);
  return *end == '\0' && isfinite(*v) && buf[0] != ' ';
}

static int has_keyable_char(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
      return 1;
  }
  return 0;
}

static int valid_utf8(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    if ((unsigned char)s[i] < 0x80) { i++; continue; }
    i += (size_t)wn_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (cp < 0) return 0;
  }
  return 1;
}

/* Checks one line's fields; the reason goes to err. */
static int check_line(const Line *ln, size_t lineno, wn_gz_error *err) {
  static const char *const names[] = {"id", "name", "kind"};
  double lat, lon;
  size_t k;
  if (ln->nf < 3) {
    char msg[96];
    snprintf(msg, sizeof msg, "expected at least 3 tab-separated fields "
             "(id, name, kind), found %u", (unsigned)ln->nf);
    return fail(err, lineno, msg);
  }
  for (k = 0; k < 3; k++) {
    if (ln->len[k] == 0) {
      char msg[64];
      snprintf(msg, sizeof msg, "empty %s", names[k]);
      return fail(err, lineno, msg);
    }
  }
  for (k = 0; k < ln->nf; k++) {
    if (ln->len[k] >= 1024 && k != 1 && k != 8)
      return fail(err, lineno, "field longer than 1023 bytes");
    /* fields are stored as C strings: a NUL would cut them silently */
    if (memchr(ln->f[k], '\0', ln->len[k]) != NULL)
      return fail(err, lineno, "NUL byte in a field");
  }
  if (!has_keyable_char(ln->f[1], ln->len[1]))
    return fail(err, lineno, "name has no letter or digit");
  if ((field_len(ln, 6) == 0) != (field_len(ln, 7) == 0))
    return fail(err, lineno, "latitude and longitude must be given together");
  if (field_len(ln, 6) > 0) {
    if (!parse_number(ln->f[6], ln->len[6], &lat) || lat < -90 || lat > 90)
      return fail(err, lineno, "latitude is not a number in -90..90");
    if (!parse_number(ln->f[7], ln->len[7], &lon) || lon < -180 || lon > 180)
      return fail(err, lineno, "longitude is not a number in -180..180");
  }
  if (field_len(ln, 8) > 0) {
    const char *s = ln->f[8];
    size_t n = ln->len[8], a = 0, i;
    for (i = 0; i <= n; i++) {
      if (i == n || s[i] == '|') {
        if (!has_keyable_char(s + a, i - a))
          return fail(err, lineno, "empty alias (aliases are separated by |)");
        a = i + 1;
      }
    }
  }
  if (field_len(ln, 10) > 0 && !field_is(ln, 10, "name") && !field_is(ln, 10, "any"))
    return fail(err, lineno, "case must be \"name\" or \"any\"");
  if (field_len(ln, 11) > 0) {
    double p;
    /* the range first: casting a huge double to int is undefined */
    if (!parse_number(ln->f[11], ln->len[11], &p) || p < -1000 || p > 1000 ||
        p != (double)(int)p)
      return fail(err, lineno, "priority is not an integer in -1000..1000");
  }
  return WN_OK;
}

/* A NUL-terminated copy of field k in buf (size cap), or NULL when empty. */
static const char *field_str(const Line *ln, size_t k, char *buf, size_t cap) {
  size_t n = field_len(ln, k);
  if (n == 0) return NULL;
  if (n >= cap) n = cap - 1;
  memcpy(buf, ln->f[k], n);
  buf[n] = '\0';
  return buf;
}

static int add_line(wn_gazetteer *gz, const Line *ln) {
  char b[6][1024];
  wn_gz_fields f;
  uint32_t rec;
  int rc, policy = field_is(ln, 10, "any") ? WN_CASE_ANY : WN_CASE_NAME;
  double prio = 0;
  f.id = field_str(ln, 0, b[0], sizeof b[0]);
  f.kind = field_str(ln, 2, b[1], sizeof b[1]);
  f.canonical = field_str(ln, 3, b[2], sizeof b[2]);
  if (f.canonical == NULL) f.canonical = field_str(ln, 1, b[2], sizeof b[2]);
  f.country = field_str(ln, 4, b[3], sizeof b[3]);
  f.admin = field_str(ln, 5, b[4], sizeof b[4]);
  f.klass = field_str(ln, 9, b[5], sizeof b[5]);
  f.lat = f.lon = NAN;
  if (field_len(ln, 6) > 0) {
    parse_number(ln->f[6], ln->len[6], &f.lat);
    parse_number(ln->f[7], ln->len[7], &f.lon);
  }
  if (field_len(ln, 11) > 0) parse_number(ln->f[11], ln->len[11], &prio);
  if ((rc = wn_gz_add_record(gz, &f, &rec)) != WN_OK) return rc;
  rc = wn_gz_add_name(gz, rec, ln->f[1], ln->len[1], policy, 0, (int)prio);
  if (rc == WN_OK && field_len(ln, 8) > 0) {
    const char *s = ln->f[8];
    size_t n = ln->len[8], a = 0, i;
    for (i = 0; i <= n && rc == WN_OK; i++) {
      if (i == n || s[i] == '|') {
        rc = wn_gz_add_name(gz, rec, s + a, i - a, policy, 1, (int)prio);
        a = i + 1;
      }
    }
  }
  return rc;
}

/* Would the name and every alias of a line be accepted?  Checked before
** anything is added, so a rejected file leaves the gazetteer unchanged. */
static int check_names(wn_gazetteer *gz, const Line *ln, size_t lineno,
                       wn_gz_error *err) {
  uint32_t keys[MAX_WORDS];
  uint64_t reqs;
  size_t nw, n = field_len(ln, 8), a = 0, i, k = 0;
  int rc = name_keys(gz, ln->f[1], ln->len[1], WN_CASE_NAME, 1, keys, &reqs,
                     &nw);
  if (rc == WN_EINVAL)
    return fail(err, lineno, "name has no word to match, or over 32 words");
  for (i = 0; rc == WN_OK && n > 0 && i <= n; i++) {
    if (i == n || ln->f[8][i] == '|') {
      k++;
      rc = name_keys(gz, ln->f[8] + a, i - a, WN_CASE_NAME, 1, keys, &reqs, &nw);
      if (rc == WN_EINVAL) {
        char msg[80];
        snprintf(msg, sizeof msg, "alias %u has no word to match, or over "
                 "32 words", (unsigned)k);
        return fail(err, lineno, msg);
      }
      a = i + 1;
    }
  }
  return rc;
}

/* Calls each line's handler (check or add); pass 0 checks, 1 adds. */
static int each_line(wn_gazetteer *gz, const char *buf, size_t len, int pass,
                     wn_gz_error *err) {
  size_t pos = 0, lineno = 0;
  while (pos < len) {
    const char *s = buf + pos, *nl = memchr(s, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - s) : len - pos;
    Line ln;
    int rc;
    pos += n + 1;
    lineno++;
    if (n > 0 && s[n - 1] == '\r') n--;
    if (n == 0 || s[0] == '#') continue;
    if (pass == 0) {
      if (!valid_utf8(s, n)) return fail(err, lineno, "invalid UTF-8");
      if (!split_line(s, n, &ln))
        return fail(err, lineno, "more than 12 tab-separated fields");
      if ((rc = check_line(&ln, lineno, err)) != WN_OK) return rc;
      if ((rc = check_names(gz, &ln, lineno, err)) != WN_OK) return rc;
    } else {
      split_line(s, n, &ln);
      rc = add_line(gz, &ln);
      if (rc == WN_EINVAL)
        return fail(err, lineno, "a name or alias has a part that cannot be "
                    "matched (control character, URL or no letter)");
      if (rc != WN_OK) return rc;
    }
  }
  return WN_OK;
}

/* What a load may have to undo. */
typedef struct Mark { size_t nrecs, nnames, nstrs; } Mark;

/*
** Removes the records and names added since mark m.  Trie states and keys
** made meanwhile stay: without names they never match.
*/
static void rollback(wn_gazetteer *gz, const Mark *m) {
  size_t st;
  for (st = 0; st < gz->nstates; st++) {
    uint32_t *link = &gz->accept[st];
    gz->last[st] = 0;
    while (*link != 0) {
      if (*link - 1 >= m->nnames) {
        *link = gz->names[*link - 1].next;
      } else {
        gz->last[st] = *link;
        link = &gz->names[*link - 1].next;
      }
    }
  }
  gz->nrecs = m->nrecs;
  gz->nnames = m->nnames;
  gz->strs.n = m->nstrs;
}

int wn_gz_load_tsv(wn_gazetteer *gz, const char *buf, size_t len,
                   wn_gz_error *err) {
  Mark m;
  int rc;
  err->line = 0;
  err->msg[0] = '\0';
  rc = each_line(gz, buf, len, 0, err);
  if (rc != WN_OK) return rc;
  m.nrecs = gz->nrecs; m.nnames = gz->nnames;
  m.nstrs = gz->strs.n;
  /* the check pass cannot see every name the tokenizer refuses (a control
  ** character inside a name): such a line fails here and is undone */
  rc = each_line(gz, buf, len, 1, err);
  if (rc != WN_OK) rollback(gz, &m);
  return rc;
}
