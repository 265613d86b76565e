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
  wn_span *nv = (wn_span *)wn_grow(s->v, &s->cap, s->n + 1, sizeof *nv);
  if (nv == NULL) return WN_ENOMEM;
  s->v = nv;
  s->v[s->n].start = start;
  s->v[s->n].stop = stop;
  s->n++;
  return WN_OK;
}
