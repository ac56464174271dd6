// The system's OpenSSL libcrypto for Swift: its SHA-256 uses the CPU's SHA extensions where
// present (several GB/s), which a hash of every input byte needs.
#include <openssl/sha.h>
