/*
** array.c: growth of the core's C arrays, written once so that every
** array gets the same overflow checks.
*/
#include <stdlib.h>
#include "wirenews.h"

void *wn_grow(void *v, size_t *cap, size_t need, size_t elem) {
  size_t ncap = *cap ? *cap : 16;
  void *nv;
  if (need <= *cap) return v;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2) return NULL;
    ncap *= 2;
  }
  if (ncap > SIZE_MAX / elem) return NULL;
  nv = realloc(v, ncap * elem);
  if (nv == NULL) return NULL;
  *cap = ncap;
  return nv;
}
