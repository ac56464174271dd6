// The system's OpenSSL libcrypto for Swift: its SHA-256 uses the CPU's SHA extensions where
// present (several GB/s), which a hash of every input byte needs.
#include <openssl/evp.h>

/// SHA-256 of `n` bytes into `out` (32 bytes), with the digest and its context kept per thread:
/// OpenSSL's one-shot SHA256() looks the digest up and allocates a context on every call.
/// Returns 1 on success.
static inline int fynd_sha256(const unsigned char *data, size_t n, unsigned char *out) {
    static _Thread_local EVP_MD *md = NULL;
    static _Thread_local EVP_MD_CTX *ctx = NULL;
    if (!md) md = EVP_MD_fetch(NULL, "SHA256", NULL);
    if (!ctx) ctx = EVP_MD_CTX_new();
    unsigned int length = 0;
    return md && ctx && EVP_DigestInit_ex2(ctx, md, NULL) && EVP_DigestUpdate(ctx, data, n) && EVP_DigestFinal_ex(ctx, out, &length);
}
