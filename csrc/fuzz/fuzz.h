/*
** fuzz.h: shared pieces of the libFuzzer harnesses (csrc/fuzz/fuzz_*.c).
**
** Each harness defines LLVMFuzzerTestOneInput and checks properties of
** the core on the input; a violated property aborts with a message, which
** libFuzzer (or the standalone replay driver, replay.c) reports as a crash.
*/
#ifndef WN_FUZZ_H
#define WN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "wirenews.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_REQUIRE(cond, ...)                                          \
  do {                                                                   \
    if (!(cond)) {                                                       \
      fprintf(stderr, "%s:%d: property violated: %s: ", __FILE__,        \
              __LINE__, #cond);                                          \
      fprintf(stderr, __VA_ARGS__);                                      \
      fputc('\n', stderr);                                               \
      abort();                                                           \
    }                                                                    \
  } while (0)

/* A core call that can only fail for lack of memory: under the fuzzer an
** allocation failure is not a finding, so it ends the input quietly. */
#define FUZZ_OK(call)                                                    \
  do {                                                                   \
    int fuzz_rc_ = (call);                                               \
    FUZZ_REQUIRE(fuzz_rc_ == WN_OK || fuzz_rc_ == WN_ENOMEM,             \
                 "unexpected result %d (%s)", fuzz_rc_,                  \
                 wn_strerror(fuzz_rc_));                                 \
    if (fuzz_rc_ != WN_OK) goto done;                                    \
  } while (0)

/* Is s[i..j-1] nothing but white space (code points of class SPACE)? */
static inline int fuzz_all_space(const unsigned char *s, size_t len,
                                 size_t i, size_t j) {
  while (i < j) {
    int32_t cp;
    int n = wn_utf8_decode(s + i, len - i, &cp);
    if (wn_cp_class(cp) != WN_CP_SPACE) return 0;
    i += (size_t)n;
  }
  return i == j;
}

#endif
