# Further references for Benchtop's plate engine (R 4.2.2, base R only).
# Run from this directory:  Rscript make_expected_extra.R
# Same formulas as make_expected.R (cellHTS2-style B-score: medpolish(eps = 1e-5, maxiter = 200, na.rm = TRUE)
# on the sample wells used, residual of every well, divided by mad() of the used sample-well residuals).
options(digits = 15)
wr <- function(df, file, digits = 15) {
  df[] <- lapply(df, function(x) if (is.numeric(x)) signif(x, digits) else x)
  write.csv(df, file, row.names = FALSE, quote = TRUE, na = "NA")
}
# used = wells that enter the statistics; every well with a value gets a normalized value.
normalize <- function(x, ct, used, nr, nc) {
  s <- ct == "sample" & used
  mneg <- mean(x[ct == "neg" & used]); mpos <- mean(x[ct == "pos" & used])
  msamp <- mean(x[s]); sdsamp <- sd(x[s]); medsamp <- median(x[s]); madsamp <- mad(x[s])
  Ys <- matrix(ifelse(s, x, NA), nrow = nr, ncol = nc, byrow = TRUE)
  mp <- medpolish(Ys, eps = 1e-5, maxiter = 200, trace.iter = FALSE, na.rm = TRUE)
  res <- as.vector(t(matrix(x, nrow = nr, ncol = nc, byrow = TRUE) - (mp$overall + outer(mp$row, mp$col, "+"))))
  madres <- mad(res[s])
  list(wells = data.frame(percent_of_negative = 100 * x / mneg, percent_of_positive = 100 * x / mpos,
                          percent_inhibition = 100 * (mneg - x) / (mneg - mpos),
                          z_score = (x - msamp) / sdsamp, robust_z_score = (x - medsamp) / madsamp,
                          b_score = res / madres, plate_median_ratio = x / medsamp),
       plate = data.frame(neg_mean = mneg, pos_mean = mpos, sample_mean = msamp, sample_sd = sdsamp,
                          sample_median = medsamp, sample_mad = madsamp, medpolish_overall = mp$overall,
                          residual_mad = madres, n_sample = sum(s),
                          max_row_effect = max(abs(mp$row), na.rm = TRUE) / madres,
                          max_col_effect = max(abs(mp$col), na.rm = TRUE) / madres),
       effects = c(mp$overall, mp$row, mp$col))
}

## ---- 1. KcViab plate 6 with the 48 flagged wells (row A, "Contamination") EXCLUDED from every statistic ----
d <- read.csv("kcviab_raw_long.csv", stringsAsFactors = FALSE)
d <- d[order(d$plate, d$replicate, d$row, d$col), ]
W <- list(); P <- list()
for (r in 1:2) {
  i <- which(d$plate == 6 & d$replicate == r)
  z <- normalize(d$value[i], d$content[i], d$flagged[i] == 0, 16, 24)
  W[[r]] <- cbind(d[i, c("plate", "replicate", "well", "content", "value", "flagged")], z$wells)
  P[[r]] <- cbind(plate = 6, replicate = r, z$plate)
}
wr(do.call(rbind, W), "expected_plate6_flagged_excluded.csv")
wr(do.call(rbind, P), "expected_plate6_flagged_excluded_per_plate.csv")

## ---- 2. A simulated 1536-well screen (2 plates) with control columns, empty columns and missing values ----
# Layout: column 1 = neg, column 2 = pos, columns 47-48 = empty (so 4 columns hold no sample: their
# median-polish column effects and B-scores are NA), everything else sample; 40 random sample wells NA.
# Plate "S1" has a row/column gradient only; plate "S2" also a +12 % outer-ring (edge) effect.
set.seed(20240611)
nr <- 32; nc <- 48
rows <- c(LETTERS, paste0("A", LETTERS[1:6]))
g <- expand.grid(col = 1:nc, row = 1:nr)[, c("row", "col")]
well <- sprintf("%s%02d", rows[g$row], g$col)
content <- ifelse(g$col == 1, "neg", ifelse(g$col == 2, "pos", ifelse(g$col >= 47, "empty", "sample")))
sim <- list(); W <- list(); P <- list(); EF <- list()
for (pl in c("S1", "S2")) {
  x <- 20000 + 150 * (g$row - 16) + 80 * (g$col - 24) + rnorm(nr * nc, 0, 900)
  x[content == "neg"] <- rnorm(nr, 30000, 1200); x[content == "pos"] <- rnorm(nr, 4000, 500)
  if (pl == "S2") {
    ring <- g$row == 1 | g$row == nr | g$col == 1 | g$col == nc
    x[ring & content == "sample"] <- x[ring & content == "sample"] * 1.12
  }
  x[content == "empty"] <- rnorm(sum(content == "empty"), 300, 30)
  x <- round(x, 3)
  x[sample(which(content == "sample"), 40)] <- NA
  sim[[pl]] <- data.frame(plate = pl, batch = 7L, well = well, content = content, value = x)
  z <- normalize(x, content, !is.na(x), nr, nc)
  W[[pl]] <- cbind(plate = pl, well = well, z$wells)
  s <- content == "sample" & !is.na(x); edge <- g$row == 1 | g$row == nr | g$col == 1 | g$col == nc
  wt <- wilcox.test(x[s & edge], x[s & !edge], exact = FALSE, correct = TRUE)
  tt <- t.test(x[s & edge], x[s & !edge])
  P[[pl]] <- cbind(plate = pl, z$plate, edge_statistic = unname(wt$statistic), edge_p_value = wt$p.value,
                   welch_t = unname(tt$statistic), welch_p_value = tt$p.value)
  EF[[pl]] <- data.frame(plate = pl, effect = c("overall", paste0("row", 1:nr), paste0("col", 1:nc)), value = z$effects)
}
write.csv(do.call(rbind, sim), "sim1536_input.csv", row.names = FALSE, quote = FALSE, na = "")
wr(do.call(rbind, W), "expected_sim1536_per_well.csv")
wr(do.call(rbind, P), "expected_sim1536_per_plate.csv")
wr(do.call(rbind, EF), "expected_sim1536_medpolish_effects.csv")
print(do.call(rbind, P))
