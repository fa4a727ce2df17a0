# geNorm reference values, base R only (no NormqPCR), computed from the definition of Vandesompele et al. 2002
# (Genome Biol 3:research0034, doi:10.1186/gb-2002-3-7-research0034):
#   M_j = mean over k != j of sd_samples(log2(q_j / q_k)); drop the gene with the highest M; repeat to 2 genes;
#   ranking = the last two (alphabetical, tied) then the dropped genes in reverse order;
#   V_n/n+1 = sd_samples(log2(NF_n / NF_n+1)), NF_n = geometric mean of the n best-ranked genes.
# Part 1: a simulated data set (seeded). Part 2: the real Vandesompele 2002 data (all 5 tissues), as text from
# tdsmith/eleven (see README.md), checked against the NormqPCR vignette's printed BM M values and other
# published numbers.
# Run from this directory: Rscript make_genorm_reference.R
options(digits = 15)

geNormM <- function(lg) {          # lg: samples x genes, log2 relative quantities
  k <- ncol(lg)
  sapply(seq_len(k), function(j) mean(sapply(setdiff(seq_len(k), j), function(i) sd(lg[, j] - lg[, i]))))
}
# geNorm on one group: M per step, ranking, V_n/n+1. lg has one column per gene (named).
geNormRun <- function(grp, lg) {
  genes <- colnames(lg); cur <- genes; step <- 1; removed <- c(); M <- list(); V <- list()
  repeat {
    m <- setNames(geNormM(lg[, cur, drop = FALSE]), cur)
    M[[length(M) + 1]] <- data.frame(group = grp, step = step, n_genes = length(cur), target = cur, m_value = m)
    if (length(cur) == 2) break
    drop <- names(which.max(m)); removed <- c(removed, drop); cur <- setdiff(cur, drop); step <- step + 1
  }
  ranking <- c(sort(cur), rev(removed))
  for (n in 2:(length(genes) - 1)) {
    nf1 <- rowMeans(lg[, ranking[1:n], drop = FALSE]); nf2 <- rowMeans(lg[, ranking[1:(n + 1)], drop = FALSE])
    V[[length(V) + 1]] <- data.frame(group = grp, n = n, v = sd(nf1 - nf2))
  }
  list(M = do.call(rbind, M), V = do.call(rbind, V),
       RK = data.frame(group = grp, rank = seq_along(ranking), target = ranking))
}
wr <- function(df, f) { df[] <- lapply(df, function(x) if (is.numeric(x)) signif(x, 15) else x)
                        rownames(df) <- NULL; write.csv(df, f, row.names = FALSE, quote = FALSE) }
writeAll <- function(res, prefix, first = "group") {
  for (part in c("M", "V", "RK")) {
    df <- do.call(rbind, lapply(res, `[[`, part)); names(df)[1] <- first
    wr(df, paste0(prefix, c(M = "M", V = "V", RK = "ranking")[[part]], ".csv"))
  }
}

## ---- Part 1: simulated data -------------------------------------------------------------------------------
set.seed(20020618)
genes <- c("ACTB", "B2M", "GAPDH", "HMBS", "HPRT1", "RPL13A", "SDHA", "TBP", "UBC", "YWHAZ")
base  <- c(17.2, 19.5, 18.1, 27.4, 26.0, 19.9, 24.3, 28.2, 21.1, 22.6)   # mean Cq per gene
noise <- c(0.70, 0.85, 0.45, 0.50, 0.28, 0.25, 0.35, 0.40, 0.30, 0.26)   # gene-specific instability (cycles)
rows <- list()
for (grp in c("bone_marrow", "fibroblast")) {
  n <- if (grp == "bone_marrow") 9 else 12
  input <- rnorm(n, 0, 0.8)                                 # sample RNA input / RT efficiency, shared by genes
  shift <- if (grp == "fibroblast") c(0.9, -0.6, 0, 0, 0, 0, 0, 0.3, 0, 0) else rep(0, 10)
  for (s in seq_len(n)) for (j in seq_along(genes)) {
    cq <- base[j] + shift[j] + input[s] + rnorm(1, 0, noise[j])
    rows[[length(rows) + 1]] <- data.frame(group = grp, sample = sprintf("%s_%02d", grp, s), target = genes[j],
                                           cq = round(cq, 3))
  }
}
d <- do.call(rbind, rows)
write.csv(d, "genorm_cq.csv", row.names = FALSE, quote = FALSE)

d <- read.csv("genorm_cq.csv")   # compute from the rounded values as written
res <- lapply(c("bone_marrow", "fibroblast", "all"), function(grp) {
  x <- if (grp == "all") d else d[d$group == grp, ]
  w <- reshape(x[, c("sample", "target", "cq")], idvar = "sample", timevar = "target", direction = "wide")
  lg <- -as.matrix(w[, paste0("cq.", genes)]); colnames(lg) <- genes   # log2 quantity = -Cq (E = 2)
  geNormRun(grp, lg)
})
writeAll(res, "expected_genorm_")

## ---- Part 2: Vandesompele et al. 2002, the 85 samples of 5 tissues ----------------------------------------
# vandesompele2002_eleven_cq.csv: tdsmith/eleven eleven/test/vandesompele-2002-cq.txt (commit eda53346e660),
# tabs turned into commas. Its values are 18 - log2(relative quantity) of the paper's supplementary data, so
# log2 quantity = -value (+ a constant that cancels in every log ratio).
vd <- read.csv("vandesompele2002_eleven_cq.csv", check.names = FALSE)
vgenes <- names(vd)[-(1:2)]
tissues <- unique(vd$Tissue)                                  # BM, Pool, Fib, Leukocyte, Neuroblastoma
vres <- setNames(lapply(tissues, function(t) {
  lg <- -as.matrix(vd[vd$Tissue == t, vgenes]); geNormRun(t, lg)
}), tissues)
writeAll(vres, "expected_vandesompele2002_", first = "tissue")

# Checks against published numbers (written to check_vandesompele2002.csv; columns: source, tissue, what, target,
# published, ours, abs_diff, tolerance, ok).
chk <- list()
addChk <- function(source, tissue, what, target, published, ours, tol) {
  chk[[length(chk) + 1]] <<- data.frame(source = source, tissue = tissue, what = what, target = target,
                                         published = published, ours = ours, abs_diff = abs(ours - published),
                                         tolerance = tol, ok = abs(ours - published) <= tol)
}
mOf <- function(t, s, g) { m <- vres[[t]]$M; m$m_value[m$step == s & m$target == g] }
vOf <- function(t, n) { v <- vres[[t]]$V; v$v[v$n == n] }
# (1) NormqPCR 1.53.0 vignette, selectHKs trace for BM (transcribed in ../documented_values.csv), 7 digits.
dv <- read.csv("../documented_values.csv")
dv <- dv[dv$dataset == "geNorm", ]
for (i in seq_len(nrow(dv))) {
  s <- if (dv$method[i] == "geNorm M") 1L else as.integer(sub("geNorm M step", "", dv$method[i]))
  addChk("NormqPCR vignette (../documented_values.csv)", "BM", paste0("M step ", s), dv$gene[i], dv$documented[i],
         mOf("BM", s, dv$gene[i]), 5e-8)
}
# (2) tdsmith/eleven eleven/test_eleven.py (commit 8086934b67ae), test_nfs_frame: one V per tissue, 6 decimals
#     (the test asserts 5 places); index i there is V_i/i+1.
ev <- list(Fib = c(3, 0.109409), BM = c(2, 0.113745), Leukocyte = c(3, 0.116988), Pool = c(2, 0.202805),
           Neuroblastoma = c(4, 0.138337))
for (t in names(ev)) addChk("eleven test_nfs_frame", t, paste0("V", ev[[t]][1], "/", ev[[t]][1] + 1), "",
                            ev[[t]][2], vOf(t, ev[[t]][1]), 5e-7)
# (3) SLqPCR (bioc/SLqPCR inst/doc/Rplots.ps, commit 55bc0984c318): its vignette's figures drawn from its own copy
#     of the same data (data(vandesompele)). Page 1: mean M per step (10..2 genes), point y coordinates; axis
#     ticks 0.2 at y=107.25 and 1.2 at y=494.68. Page 2: bars of V9/10 .. V2/3, heights above y=95.67; axis
#     0.25 at height 420.08. Coordinates have 2 decimals (M +-1.3e-5, V +-3e-6, plus the axis rounding).
psM <- list(BM = c(276.28, 255.59, 235.19, 223.46, 214.71, 199.35, 187.36, 173.74, 165.08),
            Pool = c(508.29, 449.19, 435.93, 420.16, 406.87, 388.06, 343.12, 247.13, 185.76),
            Fib = c(352.06, 323.41, 291.13, 268.12, 250.76, 231.84, 194.93, 171.05, 137.08),
            Leukocyte = c(499.23, 418.02, 330.61, 306.52, 279.32, 236.27, 206.75, 182.48, 178.15),
            Neuroblastoma = c(444.97, 385.44, 365.25, 347.47, 330.35, 319.28, 302.04, 287.49, 277.07))
psV <- list(BM = c(128.49, 130.48, 112.77, 114.48, 135.47, 141.42, 164.13, 191.13),
            Pool = c(287.56, 190.82, 209.21, 219.49, 248.64, 332.57, 422.57, 340.78),
            Fib = c(171.11, 177.93, 160.97, 153.76, 167.85, 206.59, 183.84, 218.75),
            Leukocyte = c(334.52, 323.27, 180.77, 188.60, 223.11, 196.44, 196.58, 196.56),
            Neuroblastoma = c(264.76, 177.36, 178.57, 188.90, 191.41, 232.45, 269.32, 335.62))
for (t in tissues) {
  m <- vres[[t]]$M
  for (s in 1:9) addChk("SLqPCR Rplots.ps p.1 (mean M)", t, paste0("mean M step ", s), "",
                        0.2 + (psM[[t]][s] - 107.25) / (494.68 - 107.25), mean(m$m_value[m$step == s]), 5e-5)
  for (j in 1:8) { n <- 10 - j
    addChk("SLqPCR Rplots.ps p.2 (V)", t, paste0("V", n, "/", n + 1), "", psV[[t]][j] * 0.25 / 420.08, vOf(t, n), 2e-5) }
}
# (4) Rankings: eleven test_frame_ranking (all tissues; the first two in either order) and the NormqPCR vignette's
#     ranking table (BM: RPL13A/UBC, YWHAZ, HPRT1, GAPD, SDHA, TBP, HMBS, B2M, ACTB).
er <- list(Neuroblastoma = c("HPRT1", "GAPD", "SDHA", "UBC", "HMBS", "YWHAZ", "TBP", "ACTB", "RPL13A", "B2M"),
           Fib = c("HPRT1", "GAPD", "YWHAZ", "UBC", "ACTB", "TBP", "SDHA", "RPL13A", "B2M", "HMBS"),
           Leukocyte = c("UBC", "YWHAZ", "B2M", "GAPD", "RPL13A", "TBP", "SDHA", "HPRT1", "HMBS", "ACTB"),
           BM = c("UBC", "RPL13A", "YWHAZ", "HPRT1", "GAPD", "SDHA", "TBP", "HMBS", "B2M", "ACTB"),
           Pool = c("SDHA", "GAPD", "HMBS", "HPRT1", "TBP", "UBC", "RPL13A", "YWHAZ", "ACTB", "B2M"))
for (t in tissues) {
  ours <- vres[[t]]$RK$target
  same <- setequal(ours[1:2], er[[t]][1:2]) && identical(ours[-(1:2)], er[[t]][-(1:2)])
  addChk("eleven test_frame_ranking", t, "ranking", paste(ours, collapse = " "), 1, as.numeric(same), 0)
}
C <- do.call(rbind, chk)
wr(C, "check_vandesompele2002.csv")
for (src in unique(C$source)) cat(sprintf("%-45s %3d checks, all ok: %s, max |diff| %.3g\n", src,
    sum(C$source == src), all(C$ok[C$source == src]), max(C$abs_diff[C$source == src])))
stopifnot(all(C$ok))
writeLines(capture.output(sessionInfo()), "sessionInfo.txt")
