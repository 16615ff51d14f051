/// How a linear model estimates the covariance of its coefficients.
public enum CovarianceKind: Equatable, Sendable {
    /// The classical OLS covariance s²(XᵀX)⁻¹; t with n − k degrees of freedom.
    case nonrobust
    /// Newey–West (Bartlett kernel) with the given number of lags and the factor n/(n − k); t with n − k degrees
    /// of freedom, as statsmodels `cov_type="HAC", use_correction=True, use_t=True`.
    case hac(maxLags: Int)
    /// Cluster-robust by group label with the factor G/(G − 1)·(n − 1)/(n − k); t with G − 1 degrees of freedom,
    /// as statsmodels `cov_type="cluster", use_t=True`.
    case cluster(groups: [Int])
}
