# R nls on the benchmark curves, from naive starting values, for comparison with Benchtop.
# Usage: Rscript nls_reference.R curves.csv [max_curves]
#   curves.csv: from generate.py (curve_id, dose, response); max_curves: fit only the first N (default all)
# Naive starts, as a user would write them: b = 1, c = min(y), d = max(y), e = median dose.
# Prints curves/s (fitting only, after reading), the failure rate (nls error) and the share of
# curves that are "well determined" by Benchtop's rule (EC50 inside the tested range, relative
# SE of the EC50 <= 0.5, Jacobian SEs).
args <- commandArgs(trailingOnly = TRUE)
file <- if (length(args) >= 1) args[1] else "curves.csv"
maxc <- if (length(args) >= 2) as.integer(args[2]) else NA
d <- read.csv(file)
ids <- unique(d$curve_id)
if (!is.na(maxc)) ids <- head(ids, maxc)
sp <- split(d[d$curve_id %in% ids, c("dose", "response")], d$curve_id[d$curve_id %in% ids])
ll4 <- function(x, b, c, d, e) c + (d - c) / (1 + exp(b * (log(x) - log(e))))
fail <- 0; wd <- 0
t0 <- proc.time()[["elapsed"]]
for (cv in sp) {
  st <- list(b = 1, c = min(cv$response), d = max(cv$response), e = median(cv$dose))
  m <- try(nls(response ~ ll4(dose, b, c, d, e), data = cv, start = st), silent = TRUE)
  if (inherits(m, "try-error")) { fail <- fail + 1; next }
  co <- summary(m)$coefficients
  e <- co["e", 1]; se <- co["e", 2]
  if (is.finite(se) && se / e <= 0.5 && e >= min(cv$dose[cv$dose > 0]) && e <= max(cv$dose)) wd <- wd + 1
}
el <- proc.time()[["elapsed"]] - t0
n <- length(sp)
cat(sprintf("R %s nls: %d curves in %.1f s = %.0f curves/s; failed %d (%.1f%%); well determined %d (%.1f%%)\n",
            getRversion(), n, el, n / el, fail, 100 * fail / n, wd, 100 * wd / n))
