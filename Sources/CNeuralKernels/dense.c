// Single-precision dense kernels: an SSE2 baseline and an AVX2 build of the same arithmetic
// (see include/CNeuralKernels.h). Multiplies and adds are never fused into FMAs, so both
// round every product and every sum on its own and agree bit for bit.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "CNeuralKernels.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

/// x, or 0 when |x| is below the smallest normal float (NaN kept).
static inline float nk_flushed(float x) {
    return fabsf(x) < FLT_MIN ? 0.0f : x;
}

/// The Adam step on one parameter, with the arithmetic of the vector loops.
static inline void nk_adam_one(float *w, float *m, float *v, const float *partial, long stride,
                               long chunks, int penalised, const nk_adam_step *step) {
    float g = partial[0];
    for (long c = 1; c < chunks; c++) g = g + partial[c * stride];
    const float weight = *w;
    g = penalised ? (g + step->alpha * weight) / step->scale : g / step->scale;
    const float mi = nk_flushed(step->beta1 * *m + step->oneMinusBeta1 * g);
    const float vi = nk_flushed(step->beta2 * *v + step->oneMinusBeta2 * (g * g));
    *m = mi;
    *v = vi;
    *w = weight + step->negativeRate * mi / (sqrtf(vi) + step->epsilon);
}

/// The transpose of rows [i0, i1) × columns [j0, j1), element by element.
static void nk_transpose_block(const float *source, long rows, long columns, float *destination,
                               long i0, long i1, long j0, long j1) {
    for (long j = j0; j < j1; j++) {
        for (long i = i0; i < i1; i++) destination[j * rows + i] = source[i * columns + j];
    }
}

#if (defined(__x86_64__) || defined(_M_X64)) && !defined(NK_PORTABLE)
#include <immintrin.h>

// SSE2 baseline: 4-row × 8-column tiles in 8 of the 16 XMM registers.
#define NK_ATTR
#define NK_FN(name) sse2_##name
#define V __m128
#define W 4
#define VZERO() _mm_setzero_ps()
#define VLOAD(p) _mm_loadu_ps(p)
#define VSTORE(p, v) _mm_storeu_ps((p), (v))
#define VBCAST(p) _mm_load1_ps(p)
#define VADD(x, y) _mm_add_ps((x), (y))
#define VMUL(x, y) _mm_mul_ps((x), (y))
#define VRELU(x) _mm_andnot_ps(_mm_cmplt_ps((x), _mm_setzero_ps()), (x))
#define VZEROWHERE(x, m) _mm_andnot_ps(_mm_cmpeq_ps((m), _mm_setzero_ps()), (x))
#define VSET1(x) _mm_set1_ps(x)
#define VDIV(x, y) _mm_div_ps((x), (y))
#define VSQRT(x) _mm_sqrt_ps(x)
#define VFLUSH(x) _mm_andnot_ps(_mm_cmplt_ps(_mm_andnot_ps(_mm_set1_ps(-0.0f), (x)), _mm_set1_ps(FLT_MIN)), (x))
#include "dense_body.inc"

// AVX2: 4-row × 16-column tiles in 8 of the 16 YMM registers. (The arithmetic needs only
// AVX; the path is tied to AVX2, which every processor with AVX2 also has FMA for, to keep
// one feature test. FMA is not enabled, so nothing can be contracted.)
#define NK_ATTR __attribute__((target("avx2")))
#define NK_FN(name) avx2_##name
#define V __m256
#define W 8
#define VZERO() _mm256_setzero_ps()
#define VLOAD(p) _mm256_loadu_ps(p)
#define VSTORE(p, v) _mm256_storeu_ps((p), (v))
#define VBCAST(p) _mm256_broadcast_ss(p)
#define VADD(x, y) _mm256_add_ps((x), (y))
#define VMUL(x, y) _mm256_mul_ps((x), (y))
#define VRELU(x) _mm256_andnot_ps(_mm256_cmp_ps((x), _mm256_setzero_ps(), _CMP_LT_OQ), (x))
#define VZEROWHERE(x, m) _mm256_andnot_ps(_mm256_cmp_ps((m), _mm256_setzero_ps(), _CMP_EQ_OQ), (x))
#define VSET1(x) _mm256_set1_ps(x)
#define VDIV(x, y) _mm256_div_ps((x), (y))
#define VSQRT(x) _mm256_sqrt_ps(x)
#define VFLUSH(x) _mm256_andnot_ps( \
    _mm256_cmp_ps(_mm256_andnot_ps(_mm256_set1_ps(-0.0f), (x)), _mm256_set1_ps(FLT_MIN), _CMP_LT_OQ), (x))
#include "dense_body.inc"

void nk_transpose(const float *source, long rows, long columns, float *destination) {
    // 4 × 4 blocks through SSE registers, then the edges element by element.
    const long rowEnd = rows - rows % 4, columnEnd = columns - columns % 4;
    for (long i = 0; i < rowEnd; i += 4) {
        for (long j = 0; j < columnEnd; j += 4) {
            __m128 r0 = _mm_loadu_ps(source + i * columns + j);
            __m128 r1 = _mm_loadu_ps(source + (i + 1) * columns + j);
            __m128 r2 = _mm_loadu_ps(source + (i + 2) * columns + j);
            __m128 r3 = _mm_loadu_ps(source + (i + 3) * columns + j);
            _MM_TRANSPOSE4_PS(r0, r1, r2, r3);
            _mm_storeu_ps(destination + j * rows + i, r0);
            _mm_storeu_ps(destination + (j + 1) * rows + i, r1);
            _mm_storeu_ps(destination + (j + 2) * rows + i, r2);
            _mm_storeu_ps(destination + (j + 3) * rows + i, r3);
        }
    }
    nk_transpose_block(source, rows, columns, destination, 0, rowEnd, columnEnd, columns);
    nk_transpose_block(source, rows, columns, destination, rowEnd, rows, 0, columns);
}

/// Whether the processor (and operating system) runs AVX2: -1 until detected, at load time.
static int nk_has_avx2 = -1;

__attribute__((constructor)) static void nk_detect(void) {
    __builtin_cpu_init();
    __atomic_store_n(&nk_has_avx2, __builtin_cpu_supports("avx2") ? 1 : 0, __ATOMIC_RELAXED);
}

int nk_resolved_path(int path) {
    if (path == NK_PATH_BASELINE) return NK_PATH_BASELINE;
    int hasAVX2 = __atomic_load_n(&nk_has_avx2, __ATOMIC_RELAXED);
    if (hasAVX2 < 0) {
        nk_detect();
        hasAVX2 = __atomic_load_n(&nk_has_avx2, __ATOMIC_RELAXED);
    }
    return hasAVX2 ? NK_PATH_AVX2 : NK_PATH_BASELINE;
}

void nk_sgemm(long m, long n, long k, const float *a, long rowStride, long columnStride,
              const float *b, long ldb, float *c, long ldc,
              int start, const float *bias, int finish, const float *mask, int path) {
    if (nk_resolved_path(path) == NK_PATH_AVX2) {
        avx2_gemm(m, n, k, a, rowStride, columnStride, b, ldb, c, ldc, start, bias, finish, mask);
    } else {
        sse2_gemm(m, n, k, a, rowStride, columnStride, b, ldb, c, ldc, start, bias, finish, mask);
    }
}

void nk_adam(float *w, float *m, float *v, const float *partials, long stride, long chunks,
             long lower, long upper, int penalised, const nk_adam_step *step, int path) {
    if (nk_resolved_path(path) == NK_PATH_AVX2) {
        avx2_adam(w, m, v, partials, stride, chunks, lower, upper, penalised, step);
    } else {
        sse2_adam(w, m, v, partials, stride, chunks, lower, upper, penalised, step);
    }
}

void nk_column_sums(const float *matrix, long rows, long columns, float *out, int path) {
    if (nk_resolved_path(path) == NK_PATH_AVX2) {
        avx2_column_sums(matrix, rows, columns, out);
    } else {
        sse2_column_sums(matrix, rows, columns, out);
    }
}

#else

// Other processors: the same arithmetic element by element (the Swift callers use their own
// kernels there; this keeps the target building everywhere).
int nk_resolved_path(int path) {
    (void)path;
    return NK_PATH_BASELINE;
}

void nk_sgemm(long m, long n, long k, const float *a, long rowStride, long columnStride,
              const float *b, long ldb, float *c, long ldc,
              int start, const float *bias, int finish, const float *mask, int path) {
    (void)path;
    const long vectorEnd = n - n % 8;
    for (long i = 0; i < m; i++) {
        for (long j = 0; j < n; j++) {
            const int biasFirst = start == NK_START_BIAS && j < vectorEnd;
            float sum = biasFirst ? bias[j] : 0.0f;
            for (long p = 0; p < k; p++) {
                float product = a[i * rowStride + p * columnStride] * b[p * ldb + j];
                sum = sum + product;
            }
            float *target = c + i * ldc + j;
            if (start == NK_START_ACCUMULATE) sum = j < vectorEnd ? sum + *target : *target + sum;
            else if (start == NK_START_BIAS && !biasFirst) sum = bias[j] + sum;
            if (finish == NK_FINISH_RELU) { if (sum < 0) sum = 0; }
            else if (finish == NK_FINISH_MASK) { if (mask[i * ldc + j] == 0) sum = 0; }
            *target = sum;
        }
    }
}

void nk_adam(float *w, float *m, float *v, const float *partials, long stride, long chunks,
             long lower, long upper, int penalised, const nk_adam_step *step, int path) {
    (void)path;
    for (long i = lower; i < upper; i++) {
        nk_adam_one(w + i, m + i, v + i, partials + i, stride, chunks, penalised, step);
    }
}

void nk_transpose(const float *source, long rows, long columns, float *destination) {
    nk_transpose_block(source, rows, columns, destination, 0, rows, 0, columns);
}

void nk_column_sums(const float *matrix, long rows, long columns, float *out, int path) {
    (void)path;
    for (long j = 0; j < columns; j++) out[j] = 0;
    for (long i = 0; i < rows; i++) {
        for (long j = 0; j < columns; j++) out[j] = out[j] + matrix[i * columns + j];
    }
}

#endif
