# Edge-effect reference for Benchtop's EdgeEffectTest on the KcViab screen (all 57 plates x 2 replicates;
# the issue asks for plates 1-3, the other plates come at no extra cost).
# Run from this directory:  Rscript make_expected_edge.R      (R 4.2.2, base R only)
# Sample wells only (content == "sample"), raw values, flagged wells NOT excluded (as make_expected.R).
# Outer ring = row 1 or 16, or column 1 or 24; interior = every other sample well.
#   wilcox.test(outer, inner, exact = FALSE, correct = TRUE)   two-sided rank-sum test, normal approximation
#                                                              with tie and continuity correction
#   t.test(outer, inner)                                       two-sided Welch t-test
#   effect_size = (median(outer) - median(inner)) / sqrt(((n1-1) mad(outer)^2 + (n2-1) mad(inner)^2) / (n1+n2-2))
#   max_row_effect / max_col_effect = max |row / col effect| of medpolish(sample wells only, eps = 1e-5,
#   maxiter = 200, na.rm = TRUE) divided by the MAD of the sample-well residuals (cellHTS2 B-score denominator)
options(digits = 15)
d <- read.csv("kcviab_raw_long.csv", stringsAsFactors = FALSE)
d <- d[order(d$plate, d$replicate, d$row, d$col), ]
edge <- d$row == 1 | d$row == 16 | d$col == 1 | d$col == 24
out <- list()
for (p in sort(unique(d$plate))) for (r in sort(unique(d$replicate))) {
  i <- d$plate == p & d$replicate == r
  s <- i & d$content == "sample"
  xo <- d$value[s & edge]; xi <- d$value[s & !edge]
  wt <- wilcox.test(xo, xi, exact = FALSE, correct = TRUE)
  tt <- t.test(xo, xi)
  n1 <- length(xo); n2 <- length(xi)
  pooled <- sqrt(((n1 - 1) * mad(xo)^2 + (n2 - 1) * mad(xi)^2) / (n1 + n2 - 2))
  x <- d$value[i]; ss <- d$content[i] == "sample"
  Ys <- matrix(ifelse(ss, x, NA), nrow = 16, ncol = 24, byrow = TRUE)
  mp <- medpolish(Ys, eps = 1e-5, maxiter = 200, trace.iter = FALSE, na.rm = TRUE)
  res <- as.vector(t(matrix(x, nrow = 16, ncol = 24, byrow = TRUE) - (mp$overall + outer(mp$row, mp$col, "+"))))
  madres <- mad(res[ss])
  out[[length(out) + 1]] <- data.frame(plate = p, replicate = r, n_outer = n1, n_inner = n2,
    median_outer = median(xo), median_inner = median(xi),
    edge_statistic = unname(wt$statistic), edge_p_value = wt$p.value,
    edge_effect_size = (median(xo) - median(xi)) / pooled,
    welch_t = unname(tt$statistic), welch_df = unname(tt$parameter), welch_p_value = tt$p.value,
    max_row_effect = max(abs(mp$row)) / madres, max_col_effect = max(abs(mp$col)) / madres)
}
E <- do.call(rbind, out)
E[] <- lapply(E, function(x) if (is.numeric(x)) signif(x, 15) else x)
write.csv(E, "expected_edge.csv", row.names = FALSE, quote = TRUE, na = "NA")
cat("plates 1-3:\n"); print(E[E$plate <= 3, c("plate", "replicate", "edge_statistic", "edge_p_value", "edge_effect_size")])
