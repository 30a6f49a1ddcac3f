# Runs of a page's characters read sixteen at a time (included by ``_cwalk.pyx``, before
# ``_cscan.pxi``, whose ``utf8`` and ``control_count`` use them): ASCII copied out of a
# ``str`` as bytes, and stretches without a control character passed over. A page's
# markup is mostly ASCII even where its text is not: with SSE2 (every x86-64), sixteen
# characters of any width are tested (and narrowed to sixteen bytes) in a few
# instructions; elsewhere eight bytes of the string are tested at a time, or one
# character. What ends a run (a character past ASCII, a block holding a control
# character) is left to the caller.

cdef extern from *:
    """
    #include <stdint.h>
    #include <string.h>
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif

    /* The ASCII characters of ``data`` (``kind`` bytes each) from ``i`` on, up to ``n``
       or the first character past ASCII, written to ``out`` as bytes: how many. */
    static Py_ssize_t _runs_ascii(int kind, const void *data, Py_ssize_t i,
                                       Py_ssize_t n, unsigned char *out) {
        Py_ssize_t start = i;
        if (kind == 1) {
            const unsigned char *s = (const unsigned char *) data;
    #if defined(__SSE2__)
            while (i + 16 <= n) {
                __m128i a = _mm_loadu_si128((const __m128i *) (s + i));
                if (_mm_movemask_epi8(a)) break;
                _mm_storeu_si128((__m128i *) (out + (i - start)), a);
                i += 16;
            }
    #else
            while (i + 8 <= n) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (w & 0x8080808080808080ULL) break;
                memcpy(out + (i - start), &w, 8);
                i += 8;
            }
    #endif
            while (i < n && s[i] < 0x80) { out[i - start] = s[i]; i++; }
        } else if (kind == 2) {
            const uint16_t *s = (const uint16_t *) data;
    #if defined(__SSE2__)
            const __m128i high = _mm_set1_epi16((short) 0xFF80);
            const __m128i zero = _mm_setzero_si128();
            while (i + 16 <= n) {
                __m128i a = _mm_loadu_si128((const __m128i *) (s + i));
                __m128i b = _mm_loadu_si128((const __m128i *) (s + i + 8));
                __m128i t = _mm_and_si128(_mm_or_si128(a, b), high);
                if (_mm_movemask_epi8(_mm_cmpeq_epi16(t, zero)) != 0xFFFF) break;
                /* (Every value below 0x80: packing saturates nothing.) */
                _mm_storeu_si128((__m128i *) (out + (i - start)), _mm_packus_epi16(a, b));
                i += 16;
            }
    #else
            while (i + 4 <= n) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (w & 0xFF80FF80FF80FF80ULL) break;
                out[i - start] = (unsigned char) s[i];
                out[i - start + 1] = (unsigned char) s[i + 1];
                out[i - start + 2] = (unsigned char) s[i + 2];
                out[i - start + 3] = (unsigned char) s[i + 3];
                i += 4;
            }
    #endif
            while (i < n && s[i] < 0x80) { out[i - start] = (unsigned char) s[i]; i++; }
        } else {
            const uint32_t *s = (const uint32_t *) data;
    #if defined(__SSE2__)
            const __m128i high = _mm_set1_epi32((int) 0xFFFFFF80);
            const __m128i zero = _mm_setzero_si128();
            while (i + 16 <= n) {
                __m128i a = _mm_loadu_si128((const __m128i *) (s + i));
                __m128i b = _mm_loadu_si128((const __m128i *) (s + i + 4));
                __m128i c = _mm_loadu_si128((const __m128i *) (s + i + 8));
                __m128i d = _mm_loadu_si128((const __m128i *) (s + i + 12));
                __m128i t = _mm_and_si128(
                    _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)), high);
                if (_mm_movemask_epi8(_mm_cmpeq_epi32(t, zero)) != 0xFFFF) break;
                _mm_storeu_si128((__m128i *) (out + (i - start)), _mm_packus_epi16(
                    _mm_packs_epi32(a, b), _mm_packs_epi32(c, d)));
                i += 16;
            }
    #endif
            while (i < n && s[i] < 0x80) { out[i - start] = (unsigned char) s[i]; i++; }
        }
        return i - start;
    }

    /* How many characters of ``data`` from ``i`` on, in whole blocks of sixteen up to
       ``n``, hold no character below 0x20 nor 0x7F (the only ASCII characters that
       ``_IS_CONTROL`` may count): the caller counts from the first block that does. */
    static Py_ssize_t _runs_no_controls(int kind, const void *data, Py_ssize_t i,
                                        Py_ssize_t n) {
        Py_ssize_t start = i;
    #if defined(__SSE2__)
        const char *s = (const char *) data;
        __m128i low, del, zero = _mm_setzero_si128();
        if (kind == 1) {
            low = _mm_set1_epi8((char) 0xE0); del = _mm_set1_epi8(0x7F);
        } else if (kind == 2) {
            low = _mm_set1_epi16((short) 0xFFE0); del = _mm_set1_epi16(0x7F);
        } else {
            low = _mm_set1_epi32((int) 0xFFFFFFE0); del = _mm_set1_epi32(0x7F);
        }
        while (i + 16 <= n) {
            int flagged = 0, k;
            /* (Sixteen characters are ``kind`` vectors of sixteen bytes.) */
            for (k = 0; k < kind; k++) {
                __m128i a = _mm_loadu_si128((const __m128i *) (s + (i + 16 / kind * k) * kind));
                __m128i hit;
                if (kind == 1)
                    hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_and_si128(a, low), zero),
                                       _mm_cmpeq_epi8(a, del));
                else if (kind == 2)
                    hit = _mm_or_si128(_mm_cmpeq_epi16(_mm_and_si128(a, low), zero),
                                       _mm_cmpeq_epi16(a, del));
                else
                    hit = _mm_or_si128(_mm_cmpeq_epi32(_mm_and_si128(a, low), zero),
                                       _mm_cmpeq_epi32(a, del));
                flagged |= _mm_movemask_epi8(hit);
            }
            if (flagged) break;
            i += 16;
        }
    #endif
        return i - start;
    }
    """
    Py_ssize_t _runs_ascii(int kind, const void *data, Py_ssize_t i, Py_ssize_t n,
                           unsigned char *out) noexcept nogil
    Py_ssize_t _runs_no_controls(int kind, const void *data, Py_ssize_t i,
                                 Py_ssize_t n) noexcept nogil
