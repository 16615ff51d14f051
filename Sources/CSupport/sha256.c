#include "CSupport.h"
#include <stdlib.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int ys_sha256_hardware(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & bit_SSE4_1)) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) || !(ebx & bit_SHA)) return 0;
    return 1;
}

/// The round constants K0..K63 of FIPS 180-4, four to a vector.
static const uint32_t round_constants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// SHA256RNDS2 keeps the eight working variables in two vectors, (A, B, E, F) and (C, D, G, H). Vectors here are named
// as Intel names them, highest lane first: `abef` holds A in bits 127:96 and F in bits 31:0.

__attribute__((target("sha,sse4.1")))
void ys_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    // The state arrives in memory order, as the vectors `dcba` and `hgfe`: swap the pairs of one, reverse the
    // other, then take a half of each.
    __m128i cdab = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);
    __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
    // Message words are big-endian; this reverses the bytes of each 32-bit lane.
    const __m128i big_endian = _mm_setr_epi8(3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);

    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abef_before = abef, cdgh_before = cdgh;
        // The message schedule as a ring of four vectors: group g of four rounds uses words W[4g..4g+3], which
        // replace W[4g-16..4g-13] in slot g % 4.
        __m128i w[4];
        for (int slot = 0; slot < 4; slot++)
            w[slot] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * slot)), big_endian);
        // Unrolled, the ring indices are constants and `w` lives in registers.
#pragma clang loop unroll(full)
        for (int group = 0; group < 16; group++) {
            if (group >= 4) {
                // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]; MSG1 adds the σ0 terms, MSG2 the σ1 terms
                // (which for the upper two lanes depend on the lower two), and alignr picks out W[t-7..t-4].
                __m128i next = _mm_sha256msg1_epu32(w[group % 4], w[(group + 1) % 4]);
                next = _mm_add_epi32(next, _mm_alignr_epi8(w[(group + 3) % 4], w[(group + 2) % 4], 4));
                w[group % 4] = _mm_sha256msg2_epu32(next, w[(group + 3) % 4]);
            }
            __m128i wk = _mm_add_epi32(w[group % 4], _mm_load_si128((const __m128i *)&round_constants[4 * group]));
            // Each RNDS2 runs two rounds and returns the new (A, B, E, F); the old (A, B, E, F) is then the new
            // (C, D, G, H). So the two vectors trade roles, and after the pair they are back in place.
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
        }
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }

    // Back to memory order: the same moves in reverse.
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

int ys_sha256_hardware(void) { return 0; }

void ys_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state, (void)data, (void)blocks;
    abort(); // Unreachable: callers check ys_sha256_hardware() first.
}

#endif
