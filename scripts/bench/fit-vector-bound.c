// How much wider vectors could speed up Yardstick's regression fits: the k = 13 fit of scripts/bench step (e)
// (OLS, Householder QR, Newey-West HAC with L = 3 and the n/(n-k) factor) as plain C loops, built once for the
// default x86-64 target and once for AVX2 with FMA, on the datasets statsmodels_fits.py writes. It does a little
// less than LinearModel (residuals as y - Xb, only the sandwich's diagonal, no aliased columns), so it bounds
// from above what vectorising the Swift code could give. Prints fits per CPU second and the first dataset's
// post coefficient and standard error, to compare with Benchmarks/AnalysisBenchmark. See docs/PERFORMANCE.md.
//
//   python3 scripts/bench/statsmodels_fits.py --write /tmp/fits.csv
//   clang -O2 -o /tmp/fit-default scripts/bench/fit-vector-bound.c -lm && /tmp/fit-default /tmp/fits.csv
//   clang -O2 -mavx2 -mfma -o /tmp/fit-avx2 scripts/bench/fit-vector-bound.c -lm && /tmp/fit-avx2 /tmp/fits.csv
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline double dot(const double *a, const double *b, int n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0; int i = 0;
    for (; i + 4 <= n; i += 4) { s0 += a[i]*b[i]; s1 += a[i+1]*b[i+1]; s2 += a[i+2]*b[i+2]; s3 += a[i+3]*b[i+3]; }
    for (; i < n; i++) s0 += a[i]*b[i];
    return (s0 + s1) + (s2 + s3);
}
static inline void axpy(double s, const double *x, double *y, int n) { for (int i = 0; i < n; i++) y[i] -= s * x[i]; }

// returns rank; est/se for p columns (no aliasing handling beyond detection)
int fit(const double *X, const double *y, int n, int p, int L, double *est, double *se, double *scratch) {
    double *w = scratch, *diag = w + n*p, *beta = diag + p, *res = beta + p, *Rinv = res + n, *B = Rinv + p*p;
    double *S = B + p*p; int stride = n + 2*L; double *WS = S + stride*p; double *M = WS + stride*p; double *MB = M + p*p;
    memcpy(w, X, sizeof(double)*n*p);
    for (int k = 0; k < p; k++) {
        double *u = w + k*n + k; int m = n - k;
        double len = sqrt(dot(u, u, m));
        double head = u[0], alpha = head >= 0 ? -len : len;
        u[0] = head - alpha;
        double b = 1 / (len * (len + fabs(head)));
        for (int j = k+1; j < p; j++) { double *t = w + j*n + k; axpy(b * dot(u, t, m), u, t, m); }
        diag[k] = alpha; beta[k] = b;
    }
    memcpy(res, y, sizeof(double)*n);
    for (int k = 0; k < p; k++) { double *u = w + k*n + k; axpy(beta[k]*dot(u, res + k, n-k), u, res + k, n-k); }
    for (int r = p-1; r >= 0; r--) { double s = res[r]; for (int c = r+1; c < p; c++) s -= w[c*n + r]*est[c]; est[r] = s / diag[r]; }
    memcpy(res, y, sizeof(double)*n);
    for (int c = 0; c < p; c++) axpy(est[c], X + c*n, res, n);
    // R^-1 (upper), column by column
    for (int c = 0; c < p; c++) {
        double *x = Rinv + c*p; for (int r = 0; r < p; r++) x[r] = 0; x[c] = 1;
        for (int r = c; r >= 0; r--) { x[r] /= diag[r]; axpy(x[r], w + r*n, x, r); }
    }
    // B = Rinv Rinv^T
    for (int j = 0; j < p; j++) for (int i = 0; i <= j; i++) { double s = 0; for (int l = j; l < p; l++) s += Rinv[l*p + i]*Rinv[l*p + j]; B[j*p+i] = B[i*p+j] = s; }
    // scores padded
    for (int j = 0; j < p; j++) { double *s = S + j*stride; for (int t = 0; t < L; t++) s[t] = 0; for (int t = 0; t < n; t++) s[L+t] = X[j*n+t]*res[t]; for (int t = L+n; t < stride; t++) s[t] = 0; }
    for (int i = 0; i < stride*p; i++) WS[i] = S[i];
    for (int l = 1; l <= L; l++) { double wt = 1 - (double)l/(L+1); for (int i = 0; i < stride*p - 2*l; i++) WS[l+i] += wt*(S[i] + S[i+2*l]); }
    for (int j = 0; j < p; j++) for (int i = 0; i <= j; i++) M[j*p+i] = M[i*p+j] = dot(S + i*stride + L, WS + j*stride + L, n);
    for (int j = 0; j < p; j++) for (int i = 0; i < p; i++) MB[j*p+i] = dot(M + i*p, B + j*p, p);
    double f = (double)n/(n-p);
    for (int j = 0; j < p; j++) se[j] = sqrt(f * dot(B + j*p, MB + j*p, p));
    return p;
}

int main(int argc, char **argv) {
    FILE *f = fopen(argv[1], "r"); char line[256]; fgets(line, 256, f);
    static double Y[200][36], X[200][13*36]; int cnt[200] = {0};
    int d, moy; double post, y;
    while (fscanf(f, "%d,%d,%lf,%lf", &d, &moy, &post, &y) == 4) { int t = cnt[d]++; Y[d][t] = y; double *x = X[d];
        x[t] = 1; x[36+t] = post; for (int m = 2; m <= 12; m++) x[(m)*36 + t] = moy == m; }
    double est[13], se[13]; double *scratch = malloc(sizeof(double)*20000);
    struct timespec a, b; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a); long fits = 0; double el;
    do { for (int i = 0; i < 200; i++) { fit(X[i], Y[i], 36, 13, 3, est, se, scratch); fits++; }
         clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b); el = (b.tv_sec-a.tv_sec) + (b.tv_nsec-a.tv_nsec)/1e9; } while (el < 2);
    fit(X[0], Y[0], 36, 13, 3, est, se, scratch);
    printf("fits/s %.0f  (%.2f us)  est %.17g se %.17g\n", fits/el, el/fits*1e6, est[1], se[1]);
}
