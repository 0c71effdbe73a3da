/*
 * signup_writes_ceiling: how many signups a second SQLite itself can write here, with nothing but
 * the writes (issue #21 target 2: signups ≥ 0.3 × /healthz; BENCHMARKS.md "What stands in the way").
 *
 *   signup_writes_ceiling DATABASE N GROUP
 *
 * DATABASE is made by `herald migrate` (Herald's schema, with or without the search index's trigger:
 * the calling script decides). For each of N signups, Herald's own statements for a first signup
 * (HeraldSQLite's SQLiteQueries): the subscriber (its unique key, the by-creation index and, when the
 * trigger is there, its search index entries, or from migration 23 on its row in the index's
 * queue), the confirmation token (a random-looking hash, as a
 * SHA-256 is), the pending subscription (and its counter trigger), the consent event (and its daily
 * counter trigger), and the outbox row with a 3,000-byte confirmation and the address as its
 * throttle key. The addresses are the ones scripts/benchmarks/signup.lua posts (two wrk threads'
 * "reader-tT-SECONDS-COUNTER@example.org", interleaved), so the indexes see the same keys as in
 * bench-signup. GROUP signups share one transaction, as Herald's group commit shares one under
 * load. Herald's connection pragmas (WAL, synchronous = NORMAL, foreign keys, secure_delete).
 *
 * Left out, each in the figure's favour: every read Herald makes (the address lookup, suppression
 * and throttle counts), the savepoints, the rehearsal, the outbox worker's `sending`/`sent` updates
 * (in a bench-signup run only about a tenth of the confirmations leave during the load), and any
 * program around the statements, which are prepared once. So this is more than Herald's one writer
 * can do with these writes, on this machine, for this write mix.
 *
 * Prints "signups=N group=G seconds=S per_s=R cpu_us_per_signup=C".
 *   cc -O2 -o signup_writes_ceiling signup_writes_ceiling.c -lsqlite3
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static sqlite3 *database;

static void fail(const char *what) {
    fprintf(stderr, "signup_writes_ceiling: %s: %s\n", what, sqlite3_errmsg(database));
    exit(1);
}

static sqlite3_stmt *prepare(const char *sql) {
    sqlite3_stmt *statement;
    if (sqlite3_prepare_v2(database, sql, -1, &statement, NULL) != SQLITE_OK) fail(sql);
    return statement;
}

static void run(sqlite3_stmt *statement, const char *what) {
    if (sqlite3_step(statement) != SQLITE_DONE) fail(what);
    sqlite3_reset(statement);
}

static void execute(const char *sql) {
    if (sqlite3_exec(database, sql, NULL, NULL, NULL) != SQLITE_OK) fail(sql);
}

static double cpu_seconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (double)usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + (double)usage.ru_stime.tv_sec +
           usage.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 4 || atol(argv[2]) <= 0 || atol(argv[3]) <= 0) {
        fprintf(stderr, "usage: signup_writes_ceiling DATABASE N GROUP\n");
        return 2;
    }
    long total = atol(argv[2]), group = atol(argv[3]);
    if (sqlite3_open(argv[1], &database) != SQLITE_OK) fail("open");
    execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
            " PRAGMA temp_store = FILE; PRAGMA secure_delete = ON;"
            " INSERT OR IGNORE INTO newsletters (slug, title) VALUES ('daily', 'Daily')");
    sqlite3_stmt *subscriber = prepare("INSERT INTO subscribers (email, smtp_address, canonical_key, name, attributes,"
                                       " created_at, updated_at, language) VALUES (?1, ?1, ?1, NULL, '{}', ?2, ?2, NULL)");
    sqlite3_stmt *token = prepare("INSERT INTO tokens (hash, purpose, subscriber_id, newsletter, created_at, expires_at,"
                                  " used_at, pending_name) VALUES (?1, 'confirm', ?2, 'daily', ?3, ?3 + 172800000, NULL,"
                                  " NULL)");
    sqlite3_stmt *subscription = prepare("INSERT INTO subscriptions (subscriber_id, newsletter, status, created_at,"
                                         " updated_at, confirmed_at, unsubscribed_at) VALUES (?1, 'daily', 'pending',"
                                         " ?2, ?2, NULL, NULL)");
    sqlite3_stmt *consent = prepare("INSERT INTO consent_events (subscriber_id, newsletter, action, ip, user_agent,"
                                    " source, occurred_at) VALUES (?1, 'daily', 'signup', '127.0.0.1',"
                                    " 'Mozilla/5.0 (X11; Linux x86_64)', 'form', ?2)");
    sqlite3_stmt *outbox = prepare("INSERT INTO outbox (kind, subscriber_id, throttle_key, sender, recipients, smtputf8,"
                                   " data, state, attempts, created_at, next_attempt_at) VALUES ('confirmation', ?1, ?2,"
                                   " 'news@example.org', json_array(?2), 0, ?3, 'pending', 0, ?4, ?4)");
    sqlite3_stmt *begin = prepare("BEGIN IMMEDIATE"), *commit = prepare("COMMIT");
    char message[3000];
    for (size_t i = 0; i < sizeof message; i++) message[i] = (char)('a' + i % 26);
    char address[64], hash[65];
    long long now = 1765000000000LL;
    struct timespec start, end;
    double cpu_start = cpu_seconds();
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 1; i <= total; i++) {
        if ((i - 1) % group == 0) run(begin, "BEGIN");
        unsigned long long scrambled = ((unsigned long long)i * 2654435761ULL) % 4294967296ULL;
        snprintf(address, sizeof address, "reader-t%ld-1765000000-%ld@example.org", 1 + i % 2, (i + 1) / 2);
        snprintf(hash, sizeof hash, "%016llx%016llx%016llx%016llx", scrambled * 31, scrambled * 37, scrambled * 41,
                 (unsigned long long)i);
        sqlite3_bind_text(subscriber, 1, address, -1, SQLITE_STATIC);
        sqlite3_bind_int64(subscriber, 2, now + i);
        run(subscriber, "subscriber");
        sqlite3_int64 id = sqlite3_last_insert_rowid(database);
        sqlite3_bind_text(token, 1, hash, -1, SQLITE_STATIC);
        sqlite3_bind_int64(token, 2, id);
        sqlite3_bind_int64(token, 3, now + i);
        run(token, "token");
        sqlite3_bind_int64(subscription, 1, id);
        sqlite3_bind_int64(subscription, 2, now + i);
        run(subscription, "subscription");
        sqlite3_bind_int64(consent, 1, id);
        sqlite3_bind_int64(consent, 2, now + i);
        run(consent, "consent");
        sqlite3_bind_int64(outbox, 1, id);
        sqlite3_bind_text(outbox, 2, address, -1, SQLITE_STATIC);
        sqlite3_bind_blob(outbox, 3, message, sizeof message, SQLITE_STATIC);
        sqlite3_bind_int64(outbox, 4, now + i);
        run(outbox, "outbox");
        if (i % group == 0 || i == total) run(commit, "COMMIT");
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double cpu = cpu_seconds() - cpu_start;
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("signups=%ld group=%ld seconds=%.3f per_s=%.0f cpu_us_per_signup=%.1f\n", total, group, seconds,
           total / seconds, cpu * 1e6 / total);
    sqlite3_stmt *statements[] = {subscriber, token, subscription, consent, outbox, begin, commit};
    for (size_t i = 0; i < sizeof statements / sizeof *statements; i++) sqlite3_finalize(statements[i]);
    return sqlite3_close(database) == SQLITE_OK ? 0 : 1;
}
