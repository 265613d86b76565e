/*
** fuzz_lexset.c: the lexicon hash set against a sorted-array reference.
**
** The first input byte picks the key source: even, the remaining input is
** lines whose folded hashes are the keys (as core.lexicon builds them);
** odd, it is raw little-endian 32-bit keys, so 0, 1 and keys that collide
** in the low bits are tried.  Each key is stored with its position as
** payload.  Properties: the set holds as many keys as there are distinct
** ones (0 and 1 being one key), each key yields the payload of its last
** put, keys never put are absent, the load stays under 1/2.
*/
#include <string.h>
#include "fuzz.h"

typedef struct Entry { uint32_t key; int32_t pos; } Entry;

static uint32_t stored_form(uint32_t key) { return key ? key : 1u; }

static int by_key_then_pos(const void *a, const void *b) {
  const Entry *x = (const Entry *)a, *y = (const Entry *)b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Splits the input into keys; returns how many were written to e. */
static size_t read_keys(const uint8_t *data, size_t size, Entry *e) {
  size_t n = 0;
  if (size == 0) return 0;
  if ((data[0] & 1) == 0) {
    size_t i = 1, start = 1;
    for (; i <= size; i++) {
      if (i == size || data[i] == '\n') {
        e[n].key = wn_hash_folded((const char *)data + start, i - start);
        e[n].pos = (int32_t)n;
        n++;
        start = i + 1;
      }
    }
  } else {
    for (size_t i = 1; i + 4 <= size; i += 4) {
      e[n].key = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 |
                 (uint32_t)data[i + 2] << 16 | (uint32_t)data[i + 3] << 24;
      e[n].pos = (int32_t)n;
      n++;
    }
  }
  return n;
}

static int in_reference(const Entry *ref, size_t n, uint32_t key) {
  Entry probe = {stored_form(key), INT32_MAX};
  size_t lo = 0, hi = n;                 /* last entry <= probe */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (by_key_then_pos(&ref[mid], &probe) <= 0) lo = mid + 1; else hi = mid;
  }
  return lo > 0 && ref[lo - 1].key == probe.key;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wn_lexset set;
  Entry *keys = (Entry *)malloc((size + 1) * sizeof(Entry));
  Entry *ref = (Entry *)malloc((size + 1) * sizeof(Entry));
  size_t n, distinct = 0;
  wn_lexset_init(&set);
  if (keys == NULL || ref == NULL) goto done;
  n = read_keys(data, size, keys);
  for (size_t i = 0; i < n; i++) {
    FUZZ_OK(wn_lexset_put(&set, keys[i].key, keys[i].pos));
    ref[i].key = stored_form(keys[i].key);
    ref[i].pos = keys[i].pos;
  }
  qsort(ref, n, sizeof(Entry), by_key_then_pos);
  for (size_t i = 0; i < n; i++) {
    int32_t val = -1;
    if (i + 1 < n && ref[i + 1].key == ref[i].key) continue;
    distinct++;                          /* ref[i]: the last put of a key */
    FUZZ_REQUIRE(wn_lexset_get(&set, ref[i].key, &val) == 1,
                 "key %08x is missing", ref[i].key);
    FUZZ_REQUIRE(val == ref[i].pos, "key %08x gives %d, last put was %d",
                 ref[i].key, val, ref[i].pos);
    if (!in_reference(ref, n, ref[i].key + 1))
      FUZZ_REQUIRE(wn_lexset_get(&set, ref[i].key + 1, NULL) == 0,
                   "key %08x was never put but is found", ref[i].key + 1);
  }
  FUZZ_REQUIRE(set.n == distinct, "%zu keys held, %zu distinct put", set.n,
               distinct);
  FUZZ_REQUIRE(set.n == 0 || (set.cap & (set.cap - 1)) == 0, "capacity %zu",
               set.cap);
  FUZZ_REQUIRE(set.n * 2 <= set.cap, "load %zu/%zu", set.n, set.cap);
done:
  wn_lexset_free(&set);
  free(keys);
  free(ref);
  return 0;
}
