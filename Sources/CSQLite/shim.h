#include <sqlite3.h>
/* SQLITE_TRANSIENT is a cast macro Swift cannot import; expose it as a function. */
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }
/* Extended result codes are composite macros Swift cannot import. */
static inline int csqlite_constraint_unique(void) { return SQLITE_CONSTRAINT_UNIQUE; }
static inline int csqlite_constraint_primarykey(void) { return SQLITE_CONSTRAINT_PRIMARYKEY; }
