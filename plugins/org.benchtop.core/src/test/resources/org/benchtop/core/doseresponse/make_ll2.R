# LL.2 reference (drc's two-parameter log-logistic, c = 0 and d = 1) on drc's ryegrass data expressed
# relative to the control: response = root length / mean root length at dose 0 (about 0..1).
# Written for Benchtop; same conventions as make_expected.R (base R nls, tolerance 1e-9, values
# written with 10 significant digits). Run from this directory:  Rscript make_ll2.R
#   LL.2: f(x) = 1 / (1 + exp(b*(log(x) - log(e))))
# Writes
#   drc_ryegrass_relative.csv        conc, rootl_rel (the input, rounded to 10 significant digits; the fit
#                                    below uses exactly these rounded values)
#   expected_ll2_params.csv          as expected_dose_response_params.csv: estimate, se (nls), se_hessian
#                                    (drc), t, p, t-based 95% CI, rse, df, rss, logLik, n, iterations
#   expected_ll2_ED.csv              as expected_dose_response_ED.csv: ED10/20/50/80/90, delta method
#   expected_ll2_fitted.csv          as expected_dose_response_fitted.csv
options(digits = 15)
wr <- function(df, file) {
  df[] <- lapply(df, function(x) if (is.numeric(x)) signif(x, 10) else x)
  write.csv(df, file, row.names = FALSE, quote = TRUE, na = "NA")
}
rg <- read.csv("drc_ryegrass.csv")
rel <- data.frame(conc = rg$conc, rootl_rel = signif(rg$rootl / mean(rg$rootl[rg$conc == 0]), 10))
write.csv(rel, "drc_ryegrass_relative.csv", row.names = FALSE)
rel <- read.csv("drc_ryegrass_relative.csv")
ll2 <- function(x, b, e) 1 / (1 + exp(b * (log(x) - log(e))))
# nls with a tight convergence tolerance, relaxed step by step if it cannot be reached (as make_expected.R)
for (tol in c(1e-9, 1e-8, 1e-7, 1e-6)) {
  fit <- try(nls(rootl_rel ~ ll2(conc, b, e), data = rel, start = list(b = 2, e = 3),
                 control = nls.control(maxiter = 1000, tol = tol, minFactor = 1e-12)), silent = TRUE)
  if (!inherits(fit, "try-error")) break
}
cat("nls tolerance used:", tol, "\n")
# drc's Hessian convention, as vcov_hessian() in make_expected.R
vcov_hessian <- function(fit) {
  p0 <- coef(fit); m <- fit$m
  rssf <- function(p) { m$setPars(p); sum(m$resid()^2) }
  k <- length(p0); h <- 1e-4 * pmax(abs(p0), 1e-3); H <- matrix(0, k, k)
  f0 <- rssf(p0)
  for (i in 1:k) for (j in i:k) {
    if (i == j) {
      pp <- p0; pp[i] <- p0[i] + h[i]; fp <- rssf(pp); pp[i] <- p0[i] - h[i]; fm <- rssf(pp)
      H[i, i] <- (fp - 2 * f0 + fm) / h[i]^2
    } else {
      f <- function(si, sj) { pp <- p0; pp[i] <- p0[i] + si * h[i]; pp[j] <- p0[j] + sj * h[j]; rssf(pp) }
      H[i, j] <- H[j, i] <- (f(1, 1) - f(1, -1) - f(-1, 1) + f(-1, -1)) / (4 * h[i] * h[j])
    }
  }
  m$setPars(p0)
  V <- solve(H / (2 * f0 / summary(fit)$df[2])); dimnames(V) <- list(names(p0), names(p0)); V
}
s <- summary(fit); co <- s$coefficients; df <- s$df[2]; VH <- vcov_hessian(fit)
wr(data.frame(dataset = "ryegrass_relative", curve = "all", model = "LL.2", param = rownames(co),
              estimate = co[, 1], se = co[, 2], t = co[, 3], p = co[, 4],
              ci_low = co[, 1] - qt(0.975, df) * co[, 2], ci_high = co[, 1] + qt(0.975, df) * co[, 2],
              rse = s$sigma, df = df, rss = sum(residuals(fit)^2), logLik = as.numeric(logLik(fit)),
              n = nrow(rel), iterations = fit$convInfo$finIter, se_hessian = sqrt(diag(VH))),
   "expected_ll2_params.csv")
num_grad <- function(fun, p, h = 1e-6) {
  sapply(seq_along(p), function(i) {
    hp <- p; hm <- p; d <- h * max(1, abs(p[i])); hp[i] <- p[i] + d; hm[i] <- p[i] - d
    (fun(hp) - fun(hm)) / (2 * d)
  })
}
p <- coef(fit); V <- vcov(fit)
ed <- do.call(rbind, lapply(c(10, 20, 50, 80, 90), function(pp) {
  f <- function(q) q[["e"]] * (pp / (100 - pp))^(1 / q[["b"]])
  est <- f(p); g <- num_grad(f, p); se <- sqrt(drop(t(g) %*% V %*% g))
  data.frame(dataset = "ryegrass_relative", curve = "all", model = "LL.2", p = pp, ED = est, se = se,
             lower = est - qt(0.975, df) * se, upper = est + qt(0.975, df) * se,
             log10ED = log10(est), se_log10ED = se / (est * log(10)),
             se_hessian = sqrt(drop(t(g) %*% VH %*% g)))
}))
wr(ed, "expected_ll2_ED.csv")
wr(data.frame(dataset = "ryegrass_relative", curve = "all", model = "LL.2", dose = rel$conc,
              response = rel$rootl_rel, fitted = fitted(fit), residual = residuals(fit)),
   "expected_ll2_fitted.csv")
print(s)
cat(R.version.string, "\n")
