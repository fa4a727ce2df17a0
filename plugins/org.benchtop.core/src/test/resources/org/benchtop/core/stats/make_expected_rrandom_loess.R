# References for org.benchtop.core.stats.RRandomStream, Histogram, LongDoubleSum and Loess (Benchtop).
# Run from this directory:  Rscript make_expected_rrandom_loess.R
# Debian bookworm: R 4.2.2 Patched (2022-11-10 r83330), reference BLAS 3.11.0 (libblas3).
# Default RNG kinds: Mersenne-Twister, Inversion, Rejection (checked below).
# Doubles are written as C99 hexadecimal floats (sprintf("%a")), so that identical doubles can be
# asserted; Java's Double.parseDouble reads them.
hex <- function(x) ifelse(is.na(x), "NA", sprintf("%a", x))
stopifnot(identical(RNGkind(), c("Mersenne-Twister", "Inversion", "Rejection")))

## ---- random streams: the first draws after set.seed(seed) ----
draws <- NULL
add <- function(seed, kind, v) {
  draws <<- rbind(draws, data.frame(seed = seed, kind = kind, i = seq_along(v), value = hex(v)))
}
for (seed in c(2L, 1L, 42L, -7L, 123456789L, .Machine$integer.max)) {
  long <- seed == 2L
  n1 <- if (long) 2000 else 700   # more than 624 uniforms: the twister regenerates its state
  n2 <- if (long) 1000 else 250
  set.seed(seed); add(seed, "runif", runif(n1))
  set.seed(seed); add(seed, "rnorm", rnorm(n1))
  set.seed(seed); add(seed, "rexp", rexp(n2))
  set.seed(seed); add(seed, "rchisq_df1", rchisq(n2, df = 1))   # rgamma(0.5, scale 2): algorithm GS
  set.seed(seed); add(seed, "rchisq_df2", rchisq(n2, df = 2))   # rgamma(1, 2): algorithm GD
  set.seed(seed); add(seed, "rchisq_df3", rchisq(n2, df = 3))
  if (long) {
    set.seed(seed); add(seed, "rgamma_shape0.2", rgamma(n2, shape = 0.2))
    set.seed(seed); add(seed, "rgamma_shape5_scale0.5", rgamma(n2, shape = 5, scale = 0.5))  # 3.686 < a <= 13.022
    set.seed(seed); add(seed, "rgamma_shape20", rgamma(n2, shape = 20))                       # a > 13.022
    set.seed(seed); add(seed, "runif_2_5", runif(300, 2, 5))
    set.seed(seed); add(seed, "rexp_rate3", rexp(300, rate = 3))
    # draws of different kinds from one stream; rnorm with sd = 0 returns the mean without drawing
    set.seed(seed); add(seed, "mixed", c(rchisq(300, 2), rnorm(300, 0, 0), rnorm(300, 1, 2), rgamma(100, 2),
                                         rgamma(100, 0.7), rgamma(100, 2), runif(50)))
    # DESeq2's draws for one grid value (estimateDispersionsPriorVar with m - p = 2, x = obsVarGrid[2])
    set.seed(seed); x <- seq(from = 0, to = 8, length = 200)[2]
    add(seed, "deseq2_randDist_df2", log(rchisq(10000, df = 2)) + rnorm(10000, 0, sqrt(x)) - log(2))
  }
}
write.csv(draws, "rrandom_draws.csv", row.names = FALSE, quote = FALSE)

## ---- hist(x, breaks, plot = FALSE): counts and density ----
hists <- NULL
addh <- function(name, x, breaks) {
  h <- hist(x, breaks = breaks, plot = FALSE)
  hists <<- rbind(hists, data.frame(set = name, what = "x", i = seq_along(x), value = hex(x)),
                  data.frame(set = name, what = "breaks", i = seq_along(breaks), value = hex(breaks)),
                  data.frame(set = name, what = "counts", i = seq_along(h$counts), value = hex(as.double(h$counts))),
                  data.frame(set = name, what = "density", i = seq_along(h$density), value = hex(h$density)))
}
set.seed(7)
brks <- -20:20/2
x <- rnorm(3000, 0, 3); addh("deseq2_breaks_normal", x[x > -10 & x < 10], brks)
# values on and next to the breaks: right-closed intervals, the lowest one closed, fuzz 1e-7 * 0.5
addh("deseq2_breaks_edges", c(-10, -9.5, -9.5 + 4e-8, -9.5 + 6e-8, 0, 0.5, 0.5 + 4.9e-8, 0.5 + 5.1e-8,
                              0.5 - 1e-12, 3, 9.999, 10), brks)
addh("unequal_5_breaks", c(runif(200, 0, 7), 0, 1, 3, 7), c(0, 1, 3, 4.5, 7))    # fuzz 1e-7 * min(h)
addh("three_breaks", c(rexp(100), 0, 2), c(0, 2, 12))                           # fuzz 1e-7 * diff(range(x))
addh("unsorted_breaks", runif(100, -1, 1), c(1, -1, 0, 0.25, 0.5, -0.5, -0.25)) # hist sorts them
write.csv(hists, "histogram_cases.csv", row.names = FALSE, quote = FALSE)

## ---- sum() accumulates in long double (80-bit) ----
sums <- NULL
adds <- function(name, x) sums <<- rbind(sums, data.frame(set = name, i = c(seq_along(x), 0), value = hex(c(x, sum(x)))))
set.seed(11)
adds("cancellation", c(1, 1e-17, 1e-17, 1e-17, -1, 3e-17))
adds("mixed_magnitudes", c(rnorm(40) * 10^sample(-8:8, 40, TRUE)))
adds("kl_like", rexp(40) * (log(rexp(40) + 1e-4) - log(rexp(40) + 1e-4)))
adds("ties_to_even", c(2^53, 1, 1, 1))
write.csv(sums, "long_double_sums.csv", row.names = FALSE, quote = FALSE)

## ---- loess(y ~ x, span, degree) with the default gaussian family, surface "interpolate",
##      statistics "approximate", cell 0.2: the k-d tree, the vertex values and slopes, the fitted
##      values and predict() at a grid ----
lsets <- list()
addl <- function(name, x, y, w = rep(1, length(x)), span = 0.75, degree = 2L) {
  lsets[[name]] <<- list(x = x, y = y, w = w, span = span, degree = degree)
}
set.seed(20241122)
# DESeq2's grid with a curve like its KL divergences
g <- seq(from = 0, to = 8, length = 200)
addl("deseq2_grid_span02", g, 0.05 * (g - 1.3)^2 + abs(rnorm(200, 0, 0.05)) + 0.2, span = 0.2)
addl("cars_ties", cars$speed, cars$dist)                                   # ties in x, default span
x <- runif(100, -3, 3); addl("unsorted_weighted_degree1", x, sin(x) + rnorm(100, 0, 0.3), runif(100, 0.2, 2),
                             span = 0.3, degree = 1L)
x <- sort(runif(60, 0, 10)); addl("degree0", x, log1p(x) + rnorm(60, 0, 0.2), span = 0.5, degree = 0L)
x <- rnorm(500); addl("n500_span01", x, x^3 - x + rnorm(500), span = 0.1)   # n > 200: more tree space
x <- round(runif(150, 0, 4), 1); addl("rounded_ties_span04", x, cos(x) + rnorm(150, 0, 0.1), span = 0.4)
x <- c(1:30, 1000); addl("far_point", x, sqrt(x) + rnorm(31, 0, 0.1), span = 0.5)
x <- runif(40); addl("span_above_1", x, x^2 + rnorm(40, 0, 0.05), span = 1.5)

linp <- NULL; ltree <- NULL; lpred <- NULL; lconf <- NULL
for (nm in names(lsets)) {
  s <- lsets[[nm]]
  d <- data.frame(x = s$x, y = s$y, w = s$w)
  fit <- loess(y ~ x, data = d, weights = w, span = s$span, degree = s$degree)
  stopifnot(fit$pars$family == "gaussian", fit$pars$surface == "interpolate", fit$pars$cell == 0.2)
  kd <- fit$kd
  nv <- kd$parameter[["nv"]]
  vx <- c(kd$vert, kd$xi[kd$a != 0])            # vertex coordinates in the order of creation (d = 1)
  stopifnot(length(vx) == nv)
  vval <- matrix(kd$vval, nrow = 2)
  ltree <- rbind(ltree, data.frame(set = nm, vertex = seq_len(nv), x = hex(vx), value = hex(vval[1, ]),
                                   slope = hex(vval[2, ])))
  r <- range(s$x)
  xp <- c(seq(r[1], r[2], length.out = 301), head(s$x, 20), r[1] - 1e-9, r[2] + 1e-9)  # the last two: NA
  lpred <- rbind(lpred, data.frame(set = nm, what = "predict", x = hex(xp), fit = hex(predict(fit, xp))),
                 data.frame(set = nm, what = "fitted", x = hex(s$x), fit = hex(fitted(fit))))
  linp <- rbind(linp, data.frame(set = nm, x = hex(s$x), y = hex(s$y), w = hex(s$w)))
  lconf <- rbind(lconf, data.frame(set = nm, n = length(s$x), span = s$span, degree = s$degree, nv = nv,
                                   nc = kd$parameter[["nc"]]))
}
write.csv(lconf, "loess_sets.csv", row.names = FALSE, quote = FALSE)
write.csv(linp, "loess_inputs.csv", row.names = FALSE, quote = FALSE)
write.csv(ltree, "loess_vertices.csv", row.names = FALSE, quote = FALSE)
write.csv(lpred, "loess_predictions.csv", row.names = FALSE, quote = FALSE)
writeLines(capture.output(sessionInfo()), "sessionInfo_rrandom_loess.txt")
