// libxml2 for Swift. Debian's libxml2 is built with ICU; its encoding header would pull
// the system's ICU headers into every Swift module that imports this one, which clashes
// with Foundation's bundled ICU. fynd needs none of libxml2's ICU API, so it is hidden.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

/// xmlFree is a global function pointer, which Swift 6 rejects as unsafe shared state.
static inline void fynd_xml_free(void *p) { xmlFree(p); }
