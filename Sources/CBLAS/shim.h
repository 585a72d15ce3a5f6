#ifndef NNREPORT_CBLAS_SHIM_H
#define NNREPORT_CBLAS_SHIM_H
#include <cblas.h>

// Level-1 style kernels BLAS lacks: optimizer updates with an element-wise square root.
// Swift's Float.squareRoot() goes through sqrtf with an errno check on Linux, which keeps
// loops scalar; clang's element-wise builtin on 8-float vectors compiles to packed sqrt
// instructions on every target.
typedef float CBLAS_float8 __attribute__((ext_vector_type(8)));
typedef float CBLAS_float8_unaligned __attribute__((ext_vector_type(8), aligned(4)));

#define CBLAS_load8(p) (*(const CBLAS_float8_unaligned *)(p))
#define CBLAS_store8(p, value) (*(CBLAS_float8_unaligned *)(p) = (value))

#define CBLAS_ADAM_BODY                                                                                \
    long i = 0;                                                                                        \
    for (; i + 8 <= n; i += 8) {                                                                       \
        CBLAS_float8 gv = CBLAS_load8(g + i);                                                          \
        CBLAS_float8 mv = beta1 * CBLAS_load8(m + i) + (1.0f - beta1) * gv;                            \
        CBLAS_float8 vv = beta2 * CBLAS_load8(v + i) + (1.0f - beta2) * (gv * gv);                     \
        CBLAS_store8(m + i, mv);                                                                       \
        CBLAS_store8(v + i, vv);                                                                       \
        CBLAS_float8 denominator = __builtin_elementwise_sqrt(vv) * inverse_root2 + eps;               \
        CBLAS_store8(x + i, CBLAS_load8(x + i) - step * mv / denominator);                             \
        CBLAS_store8(g + i, (CBLAS_float8)0.0f);                                                       \
    }                                                                                                  \
    for (; i < n; i++) {                                                                               \
        m[i] = beta1 * m[i] + (1.0f - beta1) * g[i];                                                   \
        v[i] = beta2 * v[i] + (1.0f - beta2) * g[i] * g[i];                                            \
        x[i] -= step * m[i] / (__builtin_sqrtf(v[i]) * inverse_root2 + eps);                           \
        g[i] = 0.0f;                                                                                   \
    }

#if defined(__x86_64__)
// The same loop compiled for AVX2 (8 floats per instruction instead of SSE's 4), chosen at run
// time: the package builds for baseline x86-64, but this machine (Zen 3) has AVX2.
__attribute__((target("avx2"))) static inline void CBLAS_adam_update_avx2(
    long n, float *x, float *g, float *m, float *v, float beta1, float beta2, float step,
    float inverse_root2, float eps) {
    CBLAS_ADAM_BODY
}
#endif

static inline void CBLAS_adam_update_generic(long n, float *x, float *g, float *m, float *v, float beta1,
                                             float beta2, float step, float inverse_root2, float eps) {
    CBLAS_ADAM_BODY
}

/// Adam with bias correction folded into `step` (lr / (1 - beta1^t)) and `inverse_root2`
/// (1 / sqrt(1 - beta2^t)): m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
/// x -= step * m / (sqrt(v) * inverse_root2 + eps); then g = 0 (gradients accumulate between updates).
static inline void CBLAS_adam_update(long n, float *x, float *g, float *m, float *v, float beta1,
                                     float beta2, float step, float inverse_root2, float eps) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) {
        CBLAS_adam_update_avx2(n, x, g, m, v, beta1, beta2, step, inverse_root2, eps);
        return;
    }
#endif
    CBLAS_adam_update_generic(n, x, g, m, v, beta1, beta2, step, inverse_root2, eps);
}

#endif
