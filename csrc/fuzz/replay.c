/*
** replay.c: a main for the harnesses without libFuzzer.  Feeds every file
** named on the command line (directories: every file in them) to
** LLVMFuzzerTestOneInput once, so regression inputs run under any
** compiler with ASan/UBSan.  Prints one line per input; a property
** violation or sanitizer report aborts the process.
*/
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"

static unsigned char *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  unsigned char *buf = NULL;
  long n;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
      fseek(f, 0, SEEK_SET) == 0) {
    /* malloc(0) may return NULL; one spare byte keeps it a real block */
    buf = (unsigned char *)malloc((size_t)n + 1);
    if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
      free(buf);
      buf = NULL;
    }
    *size = (size_t)n;
  }
  fclose(f);
  return buf;
}

static int run_file(const char *path) {
  size_t size = 0;
  unsigned char *buf = read_file(path, &size);
  unsigned char *exact;
  if (buf == NULL) {
    fprintf(stderr, "replay: cannot read %s\n", path);
    return 1;
  }
  /* an exact-size copy, so ASan sees any read past the end */
  exact = (unsigned char *)malloc(size ? size : 1);
  if (exact == NULL) { free(buf); return 1; }
  memcpy(exact, buf, size);
  free(buf);
  LLVMFuzzerTestOneInput(exact, size);
  free(exact);
  printf("replay: %s (%zu bytes) ok\n", path, size);
  return 0;
}

static int run_path(const char *path) {
  struct stat st;
  DIR *d;
  struct dirent *e;
  int failed = 0;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "replay: cannot open %s\n", path);
    return 1;
  }
  if (!S_ISDIR(st.st_mode)) return run_file(path);
  d = opendir(path);
  if (d == NULL) return 1;
  while ((e = readdir(d)) != NULL) {
    char sub[4096];
    if (e->d_name[0] == '.') continue;
    if ((size_t)snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) >=
        sizeof sub)
      continue;
    failed |= run_path(sub);
  }
  closedir(d);
  return failed;
}

int main(int argc, char **argv) {
  int failed = 0;
  for (int i = 1; i < argc; i++) failed |= run_path(argv[i]);
  return failed;
}
