#ifndef CNEURALKERNELS_H
#define CNEURALKERNELS_H

/// Single-precision dense kernels of the network trainer (see DenseKernels.swift), in two
/// builds of the same arithmetic: an SSE2 baseline every x86-64 processor runs and an AVX2
/// one chosen at run time where the processor has it. Both compute every element of a
/// product as the same sequence of separately rounded multiplies and adds (never fused),
/// vectorised across output columns, so they give bit-identical results.

/// What `C` starts from.
enum {
    /// `C = A·B`.
    NK_START_ZERO = 0,
    /// `C += A·B` (the product first, then `C`'s value added).
    NK_START_ACCUMULATE = 1,
    /// `C = bias + A·B` for every row (bias first on whole vectors of 8 columns; the last
    /// n mod 8 columns add it after the product, as the Swift kernels always have).
    NK_START_BIAS = 2,
};

/// What is applied to each result before it is stored.
enum {
    NK_FINISH_NONE = 0,
    /// x < 0 ? 0 : x (NaN stays NaN).
    NK_FINISH_RELU = 1,
    /// 0 wherever `mask` (laid out as `C`) is 0.
    NK_FINISH_MASK = 2,
};

/// Kernel implementations.
enum {
    /// The best the processor supports.
    NK_PATH_AUTOMATIC = 0,
    /// SSE2 (every x86-64 processor; portable C elsewhere).
    NK_PATH_BASELINE = 1,
    /// AVX2 (falls back to the baseline where the processor lacks it).
    NK_PATH_AVX2 = 2,
};

/// `C[m×n] = start + A·B`, finished by `finish`, where element `(i, p)` of `A` is
/// `a[i·rowStride + p·columnStride]`, `B` is row-major `k×n` with leading dimension `ldb`
/// and `C` (and `mask`) row-major with leading dimension `ldc`. `bias` is read only with
/// NK_START_BIAS, `mask` only with NK_FINISH_MASK.
void nk_sgemm(long m, long n, long k,
              const float *a, long rowStride, long columnStride,
              const float *b, long ldb,
              float *c, long ldc,
              int start, const float *bias,
              int finish, const float *mask,
              int path);

/// The fixed numbers of one Adam step (scikit-learn's update in single precision).
typedef struct {
    /// L2 penalty α (added as α·w to penalised parameters' gradients).
    float alpha;
    /// What the summed gradient is divided by (the batch's rows or weight sum).
    float scale;
    float beta1, beta2, oneMinusBeta1, oneMinusBeta2;
    /// −(learning rate · √(1 − β₂ᵗ) / (1 − β₁ᵗ)).
    float negativeRate;
    float epsilon;
} nk_adam_step;

/// The Adam step on parameters [lower, upper): each gradient is the sum of `chunks` partial
/// gradients (`partials + c·stride`, added in chunk order), plus α·w when `penalised`,
/// divided by `scale`; moments below the smallest normal float are flushed to 0.
void nk_adam(float *w, float *m, float *v, const float *partials, long stride, long chunks,
             long lower, long upper, int penalised, const nk_adam_step *step, int path);

/// `out[j] = Σᵢ matrix[i·columns + j]` (rows added in order, from 0).
void nk_column_sums(const float *matrix, long rows, long columns, float *out, int path);

/// `destination[j·rows + i] = source[i·columns + j]`.
void nk_transpose(const float *source, long rows, long columns, float *destination);

/// The path `path` resolves to on this processor (NK_PATH_BASELINE or NK_PATH_AVX2).
int nk_resolved_path(int path);

#endif
