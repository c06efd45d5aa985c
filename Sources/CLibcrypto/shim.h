// OpenSSL's libcrypto, the three things Doorstep takes from it: SHA-256, a constant-time
// comparison and the system's secure random bytes.
#include <openssl/sha.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
