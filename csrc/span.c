/*
** span.c: a growable array of byte spans (sentences, paragraphs).
*/
#include <stdlib.h>
#include "wirenews.h"

void wn_spans_init(wn_spans *s) {
  s->v = NULL;
  s->n = s->cap = 0;
}

void wn_spans_free(wn_spans *s) {
  free(s->v);
  wn_spans_init(s);
}

int wn_spans_push(wn_spans *s, uint32_t start, uint32_t stop) {
  if (s->n == s->cap) {
    size_t ncap = s->cap ? s->cap * 2 : 16;
    wn_span *nv;
    if (ncap > SIZE_MAX / sizeof(wn_span)) return WN_ENOMEM;
    nv = (wn_span *)realloc(s->v, ncap * sizeof(wn_span));
    if (nv == NULL) return WN_ENOMEM;
    s->v = nv;
    s->cap = ncap;
  }
  s->v[s->n].start = start;
  s->v[s->n].stop = stop;
  s->n++;
  return WN_OK;
}
