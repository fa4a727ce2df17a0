# geNorm reference values, base R only (no NormqPCR: the Vandesompele 2002 raw data could not be obtained here,
# the NormqPCR data/geNorm.RData is binary and not in refdata). A realistic data set is simulated (seeded) and
# geNorm is computed from its definition (Vandesompele et al. 2002, Genome Biol 3:research0034):
#   M_j = mean over k != j of sd_samples(log2(q_j / q_k)); drop the gene with the highest M; repeat to 2 genes;
#   ranking = the last two (alphabetical, tied) then the dropped genes in reverse order;
#   V_n/n+1 = sd_samples(log2(NF_n / NF_n+1)), NF_n = geometric mean of the n best-ranked genes.
# Run from this directory: Rscript make_genorm_reference.R
options(digits = 15)
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
geNormM <- function(lg) {          # lg: samples x genes, log2 relative quantities
  k <- ncol(lg)
  sapply(seq_len(k), function(j) mean(sapply(setdiff(seq_len(k), j), function(i) sd(lg[, j] - lg[, i]))))
}
M <- list(); V <- list(); RK <- list()
for (grp in c("bone_marrow", "fibroblast", "all")) {
  x <- if (grp == "all") d else d[d$group == grp, ]
  w <- reshape(x[, c("sample", "target", "cq")], idvar = "sample", timevar = "target", direction = "wide")
  lg <- -as.matrix(w[, paste0("cq.", genes)]); colnames(lg) <- genes   # log2 quantity = -Cq (E = 2)
  cur <- genes; step <- 1; removed <- c()
  repeat {
    m <- setNames(geNormM(lg[, cur, drop = FALSE]), cur)
    M[[length(M) + 1]] <- data.frame(group = grp, step = step, n_genes = length(cur), target = cur, m_value = m)
    if (length(cur) == 2) break
    drop <- names(which.max(m)); removed <- c(removed, drop); cur <- setdiff(cur, drop); step <- step + 1
  }
  ranking <- c(sort(cur), rev(removed))
  RK[[length(RK) + 1]] <- data.frame(group = grp, rank = seq_along(ranking), target = ranking)
  for (n in 2:(length(genes) - 1)) {
    nf1 <- rowMeans(lg[, ranking[1:n], drop = FALSE]); nf2 <- rowMeans(lg[, ranking[1:(n + 1)], drop = FALSE])
    V[[length(V) + 1]] <- data.frame(group = grp, n = n, v = sd(nf1 - nf2))
  }
}
wr <- function(df, f) { df[] <- lapply(df, function(x) if (is.numeric(x)) signif(x, 15) else x)
                        write.csv(df, f, row.names = FALSE, quote = FALSE) }
wr(do.call(rbind, M), "expected_genorm_M.csv")
wr(do.call(rbind, V), "expected_genorm_V.csv")
wr(do.call(rbind, RK), "expected_genorm_ranking.csv")
writeLines(capture.output(sessionInfo()), "sessionInfo.txt")
