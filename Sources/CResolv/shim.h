#ifndef HERALD_CRESOLV_SHIM_H
#define HERALD_CRESOLV_SHIM_H

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdlib.h>
#include <string.h>

/// One DNS query through the C resolver (res_nquery) with a private resolver state.
/// `server` NULL: the system's resolvers (/etc/resolv.conf); else this IPv4 address and `port` only.
/// Each attempt waits `timeout_seconds`; `attempts` tries in all. The name is queried as given
/// (no search list). Returns the answer length, or -1 with `*herr` set (HOST_NOT_FOUND = NXDOMAIN,
/// NO_DATA, TRY_AGAIN = timeout or SERVFAIL, NO_RECOVERY = refused or malformed), -2 for a bad server.
static inline int herald_res_query(const char *server, int port, int timeout_seconds, int attempts,
                                   const char *name, int type, unsigned char *answer, int answer_length,
                                   int *herr) {
    struct __res_state state;
    memset(&state, 0, sizeof state);
    if (res_ninit(&state) != 0) {
        *herr = NO_RECOVERY;
        return -1;
    }
    state.retrans = timeout_seconds;
    state.retry = attempts;
    state.options &= ~(unsigned long)(RES_DNSRCH | RES_DEFNAMES);
    if (server != NULL) {
        struct sockaddr_in address;
        memset(&address, 0, sizeof address);
        address.sin_family = AF_INET;
        address.sin_port = htons((unsigned short)port);
        if (inet_pton(AF_INET, server, &address.sin_addr) != 1) {
            res_nclose(&state);
            *herr = NO_RECOVERY;
            return -2;
        }
        for (int i = 0; i < MAXNS; i++) {
            /* glibc prefers its IPv6 copies of /etc/resolv.conf's servers; drop them. */
            if (state._u._ext.nsaddrs[i] != NULL) {
                free(state._u._ext.nsaddrs[i]);
                state._u._ext.nsaddrs[i] = NULL;
            }
        }
        state.nsaddr_list[0] = address;
        state.nscount = 1;
    }
    int length = res_nquery(&state, name, ns_c_in, type, answer, answer_length);
    *herr = state.res_h_errno;
    res_nclose(&state);
    return length;
}

/// The answer record at `index` of a DNS message: 1 with its type and rdata, 0 past the last, -1 malformed.
static inline int herald_dns_answer(const unsigned char *message, int length, int index, int *type,
                                    const unsigned char **rdata, int *rdlength) {
    ns_msg handle;
    if (ns_initparse(message, length, &handle) != 0) return -1;
    if (index >= ns_msg_count(handle, ns_s_an)) return 0;
    ns_rr record;
    if (ns_parserr(&handle, ns_s_an, index, &record) != 0) return -1;
    *type = ns_rr_type(record);
    *rdata = ns_rr_rdata(record);
    *rdlength = ns_rr_rdlen(record);
    return 1;
}

/// Expands the (possibly compressed) domain name at `source` inside `message`; -1 when malformed.
static inline int herald_dns_expand(const unsigned char *message, int length, const unsigned char *source,
                                    char *destination, int capacity) {
    return dn_expand(message, message + length, source, destination, capacity);
}

#endif
