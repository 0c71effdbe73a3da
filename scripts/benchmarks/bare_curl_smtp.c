/*
 * The bare-libcurl reference for scripts/bench-digest: sends one message file to N recipients over
 * P reused SMTP connections (one thread and one easy handle each, as Herald's pool does), with the
 * libcurl options Herald sets for a plain loopback relay (HeraldMail's CurlSMTPOptions and
 * SMTPConnection), and nothing else: no database, no rendering, no per-recipient state.
 *
 *   bare_curl_smtp URL MESSAGE_FILE N P [DATABASE [combined|minimal]]   e.g. smtp://127.0.0.1:2525 digest.eml 10000 4
 *
 * With DATABASE (a new file) it also keeps Herald's durable per-recipient state, and only that: the
 * digest_deliveries table with Herald's columns and indexes in SQLite (Herald's pragmas: WAL,
 * synchronous = NORMAL, secure_delete, ...; no foreign key to an issues table), N rows claimed before
 * the clock starts, and for each message Herald's two statements, each committed before the next
 * step: `sending` before the SMTP transaction and `sent` with the server's reply after it. One
 * committer thread commits what the senders queued as one transaction, as Herald's SQLiteGroupCommit
 * does (without its per-job savepoints, the batch claims and the lease renewals: this is a floor for
 * the cost of the state, not a copy of Herald). Nothing is rendered: every message has the same bytes.
 * With `combined`, a connection's `sent` is committed with its next message's `sending` (one commit
 * per message; `sending` is still committed before each SMTP transaction).
 * With `minimal`, the same commits as `combined` on the cheapest state measured: one narrow table
 * keyed by the subscriber holding only its state (no secondary index, no claim, result or time
 * columns, no CHECK), the connection in exclusive locking mode (no shared-memory locks per
 * transaction), secure_delete off (Debian's SQLite turns it on by default), no automatic checkpoints
 * (the WAL only grows during the run), and BEGIN/COMMIT prepared once. It is not a design Herald could
 * use as it is (nothing else could read the database while it runs, and the WAL is never folded back).
 *
 * Prints "sent N in S s" on success; exits 1 on the first failed transfer. Built by bench-digest:
 *   cc -O2 -o bare_curl_smtp bare_curl_smtp.c -lcurl -lpthread -lsqlite3
 */
#include <curl/curl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *url;
static int combine;
static int minimal;
static char *message;
static long message_size;
static long total;
static atomic_long next_index;
static atomic_int failed;

struct upload {
    const char *data;
    size_t left;
};

static size_t read_message(char *buffer, size_t size, size_t count, void *context) {
    struct upload *upload = context;
    size_t room = size * count;
    size_t n = upload->left < room ? upload->left : room;
    memcpy(buffer, upload->data, n);
    upload->data += n;
    upload->left -= n;
    return n;
}

/* The durable state (DATABASE given): one connection, owned by one committer thread that commits
 * whatever the senders have queued as one transaction, as Herald's SQLiteGroupCommit drains its queue
 * on a task of its own. */
static sqlite3 *database;
static sqlite3_stmt *start_statement, *settle_statement;
/* One commit's work: record message settle_index `sent` and/or message start_index `sending` (-1: none). */
struct job {
    long settle_index;
    long start_index;
    int done;
    int status;
    pthread_cond_t finished;
    struct job *next;
};
static pthread_mutex_t database_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work_queued = PTHREAD_COND_INITIALIZER;
static struct job *queued_first, *queued_last;
static int stopping;

static const char schema[] =
    "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = FILE;"
    " PRAGMA secure_delete = ON;"
    "CREATE TABLE digest_deliveries (issue_id INTEGER NOT NULL, subscriber_id INTEGER NOT NULL,"
    " state TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'sending', 'sent', 'deferred', 'failed', 'skipped')),"
    " claimed_by TEXT, attempts INTEGER NOT NULL DEFAULT 0, result TEXT, updated_at INTEGER, next_attempt_at INTEGER,"
    " PRIMARY KEY (issue_id, subscriber_id)) WITHOUT ROWID;"
    "CREATE INDEX digest_deliveries_open ON digest_deliveries (issue_id, state, subscriber_id);"
    "CREATE INDEX digest_deliveries_owner ON digest_deliveries (claimed_by, subscriber_id);";

/* The `minimal` mode's state: what must be known after a crash, and nothing else. */
static const char minimal_schema[] =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA locking_mode = EXCLUSIVE;"
    " PRAGMA secure_delete = OFF; PRAGMA wal_autocheckpoint = 0;"
    "CREATE TABLE digest_deliveries (subscriber_id INTEGER PRIMARY KEY, state TEXT NOT NULL);";
static sqlite3_stmt *begin_statement, *commit_statement;

static int execute(const char *sql) {
    char *error = NULL;
    if (sqlite3_exec(database, sql, NULL, NULL, &error) == SQLITE_OK) return 0;
    fprintf(stderr, "bare_curl_smtp: %s: %s\n", sql, error ? error : sqlite3_errmsg(database));
    sqlite3_free(error);
    return -1;
}

static long long now_milliseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* Creates the table and claims N rows for this run, as Herald's batch claim leaves them. */
static int open_database(const char *path) {
    if (sqlite3_open(path, &database) != SQLITE_OK || execute(minimal ? minimal_schema : schema) != 0) return -1;
    sqlite3_stmt *insert;
    const char *claim = minimal ? "INSERT INTO digest_deliveries (subscriber_id, state) VALUES (?, 'claimed')"
                                : "INSERT INTO digest_deliveries (issue_id, subscriber_id, state, claimed_by, updated_at,"
                                  " next_attempt_at) VALUES (1, ?, 'claimed', 'bench-run', 0, 0)";
    if (execute("BEGIN") != 0 || sqlite3_prepare_v2(database, claim, -1, &insert, NULL) != SQLITE_OK) return -1;
    for (long id = 1; id <= total; id++) {
        sqlite3_bind_int64(insert, 1, id);
        if (sqlite3_step(insert) != SQLITE_DONE) return -1;
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    if (execute("COMMIT") != 0) return -1;
    /* Herald's startDigestDelivery and settleDigestDelivery (HeraldSQLite's SQLiteQueries). */
    const char *start = "UPDATE digest_deliveries SET state = 'sending', updated_at = ?"
                        " WHERE issue_id = 1 AND subscriber_id = ? AND claimed_by = 'bench-run' AND state = 'claimed'";
    const char *settle = "UPDATE digest_deliveries SET state = 'sent', result = ?, attempts = 1, updated_at = ?,"
                         " next_attempt_at = NULL WHERE issue_id = 1 AND subscriber_id = ? AND claimed_by = 'bench-run'"
                         " AND state IN ('claimed', 'sending')";
    if (minimal) { /* the same parameters are bound (run_statement); only the subscriber (?2, ?3) is used */
        start = "UPDATE digest_deliveries SET state = 'sending' WHERE subscriber_id = ?2 AND state = 'claimed'";
        settle = "UPDATE digest_deliveries SET state = 'sent' WHERE subscriber_id = ?3 AND state = 'sending'";
    }
    return sqlite3_prepare_v2(database, start, -1, &start_statement, NULL) == SQLITE_OK &&
                   sqlite3_prepare_v2(database, settle, -1, &settle_statement, NULL) == SQLITE_OK &&
                   sqlite3_prepare_v2(database, "BEGIN IMMEDIATE", -1, &begin_statement, NULL) == SQLITE_OK &&
                   sqlite3_prepare_v2(database, "COMMIT", -1, &commit_statement, NULL) == SQLITE_OK
               ? 0
               : -1;
}

/* BEGIN IMMEDIATE or COMMIT: the prepared statement in `minimal` mode, parsed each time otherwise (as
 * Herald's SQLiteConnection runs them). */
static int transaction_step(sqlite3_stmt *prepared, const char *sql) {
    if (!minimal) return execute(sql);
    int code = sqlite3_step(prepared);
    sqlite3_reset(prepared);
    if (code == SQLITE_DONE) return 0;
    fprintf(stderr, "bare_curl_smtp: %s: %s\n", sql, sqlite3_errmsg(database));
    return -1;
}

static int run_statement(sqlite3_stmt *statement, int settle, long index) {
    int at = 1;
    if (settle) sqlite3_bind_text(statement, at++, "250 2.0.0 Ok: queued", -1, SQLITE_STATIC);
    sqlite3_bind_int64(statement, at++, now_milliseconds());
    sqlite3_bind_int64(statement, at, index + 1);
    int code = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (code == SQLITE_DONE && sqlite3_changes(database) == 1) return 0;
    fprintf(stderr, "bare_curl_smtp: message %ld: %s changed %d rows: %s\n", index + 1, settle ? "sent" : "sending",
            sqlite3_changes(database), sqlite3_errmsg(database));
    return -1;
}

static int run_job(const struct job *job) {
    if (job->settle_index >= 0 && run_statement(settle_statement, 1, job->settle_index) != 0) return -1;
    return job->start_index >= 0 ? run_statement(start_statement, 0, job->start_index) : 0;
}

/* The committer: takes everything queued, commits it as one transaction (or rolls it all back), and
 * tells each sender whose work was in it. */
static void *commit_groups(void *unused) {
    (void)unused;
    pthread_mutex_lock(&database_lock);
    for (;;) {
        while (queued_first == NULL && !stopping) pthread_cond_wait(&work_queued, &database_lock);
        if (queued_first == NULL) break;
        struct job *group = queued_first;
        queued_first = queued_last = NULL;
        pthread_mutex_unlock(&database_lock);
        int failure = transaction_step(begin_statement, "BEGIN IMMEDIATE");
        for (struct job *each = group; each && !failure; each = each->next) failure = run_job(each);
        if (!failure) failure = transaction_step(commit_statement, "COMMIT");
        if (failure) {
            execute("ROLLBACK");
            atomic_store(&failed, 1);
        }
        pthread_mutex_lock(&database_lock);
        for (struct job *each = group, *next; each; each = next) {
            next = each->next;
            each->status = failure ? -1 : 0;
            each->done = 1;
            pthread_cond_signal(&each->finished);
        }
    }
    pthread_mutex_unlock(&database_lock);
    return NULL;
}

/* Queues one commit's work and waits until it is committed; 0 when it was, -1 when it was rolled back. */
static int commit_durably(long settle_index, long start_index) {
    struct job job = {settle_index, start_index, 0, 0, PTHREAD_COND_INITIALIZER, NULL};
    pthread_mutex_lock(&database_lock);
    if (queued_last) queued_last->next = &job; else queued_first = &job;
    queued_last = &job;
    pthread_cond_signal(&work_queued);
    while (!job.done) pthread_cond_wait(&job.finished, &database_lock);
    pthread_mutex_unlock(&database_lock);
    pthread_cond_destroy(&job.finished);
    return job.status;
}

static size_t ignore_header(char *buffer, size_t size, size_t count, void *context) {
    (void)buffer;
    (void)context;
    return size * count;
}

/* The options Herald sets once per handle for smtp:// without TLS or credentials. */
static void configure(CURL *handle) {
    curl_easy_setopt(handle, CURLOPT_URL, url);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, ignore_header);
    curl_easy_setopt(handle, CURLOPT_USE_SSL, (long)CURLUSESSL_NONE);
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, 120000L);
    curl_easy_setopt(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, 60L);
    curl_easy_setopt(handle, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(handle, CURLOPT_LOW_SPEED_TIME, 60L);
    curl_easy_setopt(handle, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, "<news@example.org>");
}

static void *send_share(void *unused) {
    (void)unused;
    CURL *handle = curl_easy_init();
    if (handle == NULL) {
        atomic_store(&failed, 1);
        return NULL;
    }
    configure(handle);
    char recipient[64];
    long unsettled = -1;
    for (long index = atomic_fetch_add(&next_index, 1); index < total && !atomic_load(&failed);
         index = atomic_fetch_add(&next_index, 1)) {
        snprintf(recipient, sizeof recipient, "<reader%ld@example.org>", index + 1);
        struct curl_slist *recipients = curl_slist_append(NULL, recipient);
        struct upload upload = {message, (size_t)message_size};
        curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients);
        curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, (curl_off_t)message_size);
        curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
        if (database && commit_durably(unsettled, index) != 0) {
            curl_slist_free_all(recipients);
            break; /* never send a message whose `sending` is not committed */
        }
        unsettled = -1;
        CURLcode code = curl_easy_perform(handle);
        curl_slist_free_all(recipients);
        if (database && code == CURLE_OK) {
            if (combine) unsettled = index; /* recorded with the next message's `sending` */
            else if (commit_durably(index, -1) != 0) break;
        }
        if (code != CURLE_OK) {
            fprintf(stderr, "bare_curl_smtp: message %ld: %s\n", index + 1, curl_easy_strerror(code));
            atomic_store(&failed, 1);
        }
    }
    if (unsettled >= 0 && !atomic_load(&failed)) commit_durably(unsettled, -1);
    curl_easy_cleanup(handle);
    return NULL;
}

static int read_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return -1;
    fseek(file, 0, SEEK_END);
    message_size = ftell(file);
    fseek(file, 0, SEEK_SET);
    message = malloc((size_t)message_size);
    size_t read = message == NULL ? 0 : fread(message, 1, (size_t)message_size, file);
    fclose(file);
    return read == (size_t)message_size ? 0 : -1;
}

int main(int argc, char **argv) {
    if (argc < 5 || argc > 7 || (argc == 7 && strcmp(argv[6], "combined") != 0 && strcmp(argv[6], "minimal") != 0)) {
        fprintf(stderr, "usage: bare_curl_smtp URL MESSAGE_FILE N P [DATABASE [combined|minimal]]\n");
        return 2;
    }
    url = argv[1];
    total = atol(argv[3]);
    int pool = atoi(argv[4]);
    if (read_file(argv[2]) != 0 || total <= 0 || pool <= 0 || pool > 64) {
        fprintf(stderr, "bare_curl_smtp: cannot read %s, or N/P out of range\n", argv[2]);
        return 2;
    }
    combine = argc == 7;
    minimal = argc == 7 && strcmp(argv[6], "minimal") == 0;
    if (argc >= 6 && open_database(argv[5]) != 0) {
        fprintf(stderr, "bare_curl_smtp: cannot set up the database %s\n", argv[5]);
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pthread_t threads[64], committer;
    if (database) pthread_create(&committer, NULL, commit_groups, NULL);
    for (int i = 0; i < pool; i++) pthread_create(&threads[i], NULL, send_share, NULL);
    for (int i = 0; i < pool; i++) pthread_join(threads[i], NULL);
    if (database) {
        pthread_mutex_lock(&database_lock);
        stopping = 1;
        pthread_cond_signal(&work_queued);
        pthread_mutex_unlock(&database_lock);
        pthread_join(committer, NULL);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    curl_global_cleanup();
    if (database) {
        sqlite3_finalize(start_statement);
        sqlite3_finalize(settle_statement);
        sqlite3_finalize(begin_statement);
        sqlite3_finalize(commit_statement);
        sqlite3_close(database);
    }
    if (atomic_load(&failed)) return 1;
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("sent %ld in %.3f s\n", total, seconds);
    return 0;
}
