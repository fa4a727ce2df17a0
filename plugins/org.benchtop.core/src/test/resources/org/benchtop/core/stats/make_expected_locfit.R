# locfit references for org.benchtop.core.stats.Locfit (Benchtop).
# Run from this directory:  Rscript make_expected_locfit.R
# Debian bookworm: R 4.2.2 Patched (2022-11-10 r83330), locfit 1.5-9.7 (r-cran-locfit).
# Each set: seeded synthetic (x, y, w); fit <- locfit(y ~ lp(x, nn = , deg = ), weights = w,
# ev = rbox(cut = )); with nn 0.7, deg 2, cut 0.8 this is DESeq2's locfit(y ~ x, weights = w) (checked below);
# predictions predict(fit, data.frame(x = xp)) at a grid reaching 10 % beyond the data range, the
# tree's vertices and the first 25 data points; the tree (fit$eva$xev, bandwidth fit$eva$coef[, 10]).
# All numbers with 17 significant digits.
suppressPackageStartupMessages(library(locfit))
num17 <- function(x) sprintf("%.17g", x)
sets <- list()
add <- function(name, x, y, w, nn = 0.7, deg = 2, cut = 0.8) {
  sets[[name]] <<- list(x = x, y = y, w = w, nn = nn, deg = deg, cut = cut)
}
set.seed(20241121)
x <- sort(runif(200, 0, 10)); add("sorted_unit_weights", x, sin(x) + rnorm(200, sd = 0.3), rep(1, 200))
x <- rnorm(300); add("unsorted_weighted", x, x^2 - x + rnorm(300), rexp(300))
# like DESeq2's localDispersionFit: log dispersion on log mean, weights = mean
lm <- c(rnorm(1500, 4, 2), rnorm(500, 8, 1)); mu <- exp(lm)
add("dispersion_like", lm, log(0.05 + 2 / mu) + rnorm(2000, sd = 0.8), mu)
x <- round(runif(150, 0, 5), 1); add("ties", x, cos(x) + rnorm(150, sd = 0.2), runif(150, 0.5, 2))
x <- c(3, 1, 4, 1.5, 5, 9, 2.6); add("small_n7", x, c(2, 7, 1, 8, 2, 8, 1), rep(1, 7))
x <- runif(120, -2, 2); add("degree1_nn05", x, abs(x) + rnorm(120, sd = 0.1), rep(1, 120), nn = 0.5, deg = 1)
x <- sort(runif(100)); add("degree0_sorted", x, exp(x) + rnorm(100, sd = 0.1), runif(100), nn = 0.4, deg = 0)
x <- runif(250, 0, 3); add("degree3_nn09", x, x^3 - 3 * x + rnorm(250), rep(1, 250), nn = 0.9, deg = 3)
x <- runif(400, 0, 20); add("cut03", x, sqrt(x) + sin(x) + rnorm(400, sd = 0.2), rgamma(400, 2), cut = 0.3)
x <- runif(80, 0, 4); w <- runif(80); w[sample(80, 20)] <- 0
add("zero_weights", x, x * (4 - x) + rnorm(80, sd = 0.3), w)
x <- c(rep(0, 30), runif(70, 0, 1)); add("point_mass", x, rnorm(100), rep(1, 100), nn = 0.5)
# 30 of 100 points at 0 with nn 0.25: the bandwidth at 0 is 0, the cells next to 0 are split
# without end and locfit stops with "newsplit: out of vertex space" (recorded in column error)
add("point_mass_nn025", x, rnorm(100), rep(1, 100), nn = 0.25)

inp <- NULL; pred <- NULL; tree <- NULL; conf <- NULL
for (nm in names(sets)) {
  s <- sets[[nm]]
  d <- data.frame(x = s$x, y = s$y, w = s$w)
  fit <- tryCatch(locfit(y ~ lp(x, nn = s$nn, deg = s$deg), data = d, weights = w, ev = rbox(cut = s$cut)),
                  error = function(e) conditionMessage(e))
  inp <- rbind(inp, data.frame(set = nm, x = num17(s$x), y = num17(s$y), w = num17(s$w)))
  if (is.character(fit)) {
    conf <- rbind(conf, data.frame(set = nm, n = length(s$x), nn = s$nn, deg = s$deg, cut = s$cut, error = fit))
    next
  }
  nv <- fit$nvc["nv"]
  xev <- fit$eva$xev[1:nv]
  r <- range(s$x); ext <- diff(r) * 0.1
  xp <- c(seq(r[1] - ext, r[2] + ext, length.out = 101), xev, head(s$x, 25))
  if (s$nn == 0.7 && s$deg == 2 && s$cut == 0.8)  # the explicit form equals the defaults
    stopifnot(identical(predict(fit, data.frame(x = xp)), predict(locfit(y ~ x, data = d, weights = w), data.frame(x = xp))))
  pred <- rbind(pred, data.frame(set = nm, x = num17(xp), fit = num17(predict(fit, data.frame(x = xp)))))
  tree <- rbind(tree, data.frame(set = nm, vertex = seq_len(nv), x = num17(xev),
                                 h = num17(fit$eva$coef[1:nv, 10])))
  conf <- rbind(conf, data.frame(set = nm, n = length(s$x), nn = s$nn, deg = s$deg, cut = s$cut, error = ""))
}
write.csv(inp, "locfit_inputs.csv", row.names = FALSE, quote = FALSE)
write.csv(pred, "locfit_predictions.csv", row.names = FALSE, quote = FALSE)
write.csv(tree, "locfit_vertices.csv", row.names = FALSE, quote = FALSE)
write.csv(conf, "locfit_sets.csv", row.names = FALSE, quote = FALSE)
writeLines(capture.output(sessionInfo()), "sessionInfo_locfit.txt")
