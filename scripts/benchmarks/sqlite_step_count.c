// sqlite_step_count: an LD_PRELOAD library that counts sqlite3_step calls per SQL text, and the CPU
// time the calling thread spent inside them, to see how many statements a request costs and how
// long the one SQLite writer is busy with them (BENCHMARKS.md, "Issue #21 (target 2, SQLite):
// statements per signup, counted" and "what stands in the way"). A statement that returns rows steps
// once per row and once more to finish, so a one-row SELECT counts 2. Not part of Herald or its tests.
//
//   gcc -O2 -shared -fPIC -o /tmp/sqlite_step_count.so scripts/benchmarks/sqlite_step_count.c -ldl
//   LD_PRELOAD=/tmp/sqlite_step_count.so SQLITE_STEP_COUNT=/tmp/steps HERALD_BENCH_BINARY=B scripts/bench-signup --repeat 1
//   sort -t$'\t' -k2 -rn /tmp/steps.PID | head -30     # one file per process that ran statements (the server's is largest)
//
// Each process writes "TOTAL n cpu_ns" and then "count<TAB>thread CPU ns<TAB>first 160 bytes of the
// SQL" to $SQLITE_STEP_COUNT.PID when it exits and every 200,000 steps. The CPU time is the calling
// thread's (CLOCK_THREAD_CPUTIME_ID) around each call, so time the thread waited for a core is not
// in it; the two clock reads per call add well under a microsecond.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
typedef struct sqlite3_stmt sqlite3_stmt;
static int (*real_step)(sqlite3_stmt *);
static const char *(*real_sql)(sqlite3_stmt *);
#define SLOTS 4096
static char *texts[SLOTS]; static unsigned long counts[SLOTS], cpu_ns[SLOTS]; static unsigned long total, total_ns;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static void dump(void) {
  const char *prefix = getenv("SQLITE_STEP_COUNT"); if (!prefix || total == 0) return;
  char path[512]; snprintf(path, sizeof path, "%s.%d", prefix, (int)getpid());
  FILE *f = fopen(path, "w"); if (!f) return;
  fprintf(f, "TOTAL %lu %lu\n", total, total_ns);
  for (int i = 0; i < SLOTS; i++) if (texts[i]) fprintf(f, "%lu\t%lu\t%.160s\n", counts[i], cpu_ns[i], texts[i]);
  fclose(f);
}
__attribute__((destructor)) static void fin(void) { pthread_mutex_lock(&lock); dump(); pthread_mutex_unlock(&lock); }
static unsigned long thread_ns(void) {
  struct timespec t; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (unsigned long)t.tv_sec * 1000000000UL + (unsigned long)t.tv_nsec;
}
__attribute__((constructor)) static void start(void) {
  real_step = dlsym(RTLD_NEXT, "sqlite3_step"); real_sql = dlsym(RTLD_NEXT, "sqlite3_sql");
}
int sqlite3_step(sqlite3_stmt *s) {
  const char *sql = real_sql(s);
  if (!sql) return real_step(s);
  unsigned long h = 5381, slot = SLOTS; for (const char *p = sql; *p; p++) h = h * 33 + (unsigned char)*p;
  pthread_mutex_lock(&lock);
  for (unsigned long i = h % SLOTS, n = 0; n < SLOTS; i = (i + 1) % SLOTS, n++) {
    if (!texts[i]) { texts[i] = strdup(sql); }
    if (strcmp(texts[i], sql) == 0) { slot = i; break; }
  }
  pthread_mutex_unlock(&lock);
  unsigned long before = thread_ns();
  int code = real_step(s);
  unsigned long spent = thread_ns() - before;
  pthread_mutex_lock(&lock);
  if (slot < SLOTS) { counts[slot]++; cpu_ns[slot] += spent; }
  total_ns += spent;
  if (++total % 200000 == 0) dump();
  pthread_mutex_unlock(&lock);
  return code;
}
