// The system's OpenSSL libcrypto for Swift: its SHA-256 uses the CPU's SHA extensions where
// present (several GB/s), which a hash of every input byte needs.
// The SHA-256 functions proper: deprecated in OpenSSL 3 for its EVP interface, which on first
// use loads providers and builds name tables (some millions of instructions at start-up).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

/// SHA-256 of `n` bytes into `out` (32 bytes), on a context on the stack. Returns 1 on success.
static inline int fynd_sha256(const unsigned char *data, size_t n, unsigned char *out) {
    SHA256_CTX ctx;
    return SHA256_Init(&ctx) && SHA256_Update(&ctx, data, n) && SHA256_Final(out, &ctx);
}
