// The system's SQLite 3 for Swift. SQLITE_TRANSIENT is a macro casting -1 to a function
// pointer, which Swift cannot import: fynd_sqlite_bind_text copies the text instead.
#include <sqlite3.h>

static inline int fynd_sqlite_bind_text(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}
