/*
 * The bare-libcurl reference for scripts/bench-digest: sends one message file to N recipients over
 * P reused SMTP connections (one thread and one easy handle each, as Herald's pool does), with the
 * libcurl options Herald sets for a plain loopback relay (HeraldMail's CurlSMTPOptions and
 * SMTPConnection), and nothing else: no database, no rendering, no per-recipient state.
 *
 *   bare_curl_smtp URL MESSAGE_FILE N P      e.g. smtp://127.0.0.1:2525 digest.eml 10000 4
 *
 * Prints "sent N in S s" on success; exits 1 on the first failed transfer. Built by bench-digest:
 *   cc -O2 -o bare_curl_smtp bare_curl_smtp.c -lcurl -lpthread
 */
#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *url;
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
    for (long index = atomic_fetch_add(&next_index, 1); index < total && !atomic_load(&failed);
         index = atomic_fetch_add(&next_index, 1)) {
        snprintf(recipient, sizeof recipient, "<reader%ld@example.org>", index + 1);
        struct curl_slist *recipients = curl_slist_append(NULL, recipient);
        struct upload upload = {message, (size_t)message_size};
        curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients);
        curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, (curl_off_t)message_size);
        curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
        CURLcode code = curl_easy_perform(handle);
        curl_slist_free_all(recipients);
        if (code != CURLE_OK) {
            fprintf(stderr, "bare_curl_smtp: message %ld: %s\n", index + 1, curl_easy_strerror(code));
            atomic_store(&failed, 1);
        }
    }
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
    if (argc != 5) {
        fprintf(stderr, "usage: bare_curl_smtp URL MESSAGE_FILE N P\n");
        return 2;
    }
    url = argv[1];
    total = atol(argv[3]);
    int pool = atoi(argv[4]);
    if (read_file(argv[2]) != 0 || total <= 0 || pool <= 0 || pool > 64) {
        fprintf(stderr, "bare_curl_smtp: cannot read %s, or N/P out of range\n", argv[2]);
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pthread_t threads[64];
    for (int i = 0; i < pool; i++) pthread_create(&threads[i], NULL, send_share, NULL);
    for (int i = 0; i < pool; i++) pthread_join(threads[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);
    curl_global_cleanup();
    if (atomic_load(&failed)) return 1;
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("sent %ld in %.3f s\n", total, seconds);
    return 0;
}
