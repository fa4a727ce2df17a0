# DESeq2 references for the dispersion prior variance with 1 to 3 residual degrees of freedom
# (m - p <= 3), where DESeq2's estimateDispersionsPriorVar matches the residual distribution by a
# seeded simulation (set.seed(2), rchisq + rnorm, histograms, KL divergences, loess) instead of the
# moment formula; org.benchtop.core.rnaseq (Benchtop).
# Run from this directory:  Rscript make_expected_deseq2_priorvar.R
# Debian bookworm: R 4.2.2 Patched (2022-11-10 r83330), DESeq2 1.38.3 (r-bioc-deseq2 1.38.3+dfsg-1),
# reference BLAS 3.11.0. Per-gene values with 10 significant digits (ample for the 1e-4 / 1e-3
# tolerances), NA written as NA; size factors and prior variances with 17; the simulation's
# intermediate vectors as C99 hexadecimal floats (sprintf("%a")) for exact comparisons.
suppressPackageStartupMessages(library(DESeq2))
num17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
num10 <- function(x) ifelse(is.na(x), "NA", sprintf("%.10g", x))
hex <- function(x) ifelse(is.na(x), "NA", sprintf("%a", x))
wr <- function(df, file, digits = num10) {
  df[] <- lapply(df, function(x) if (is.numeric(x)) digits(x) else x)
  write.csv(df, file, row.names = FALSE, quote = FALSE)
}
stopifnot(identical(RNGkind(), c("Mersenne-Twister", "Inversion", "Rejection")))

## pasilla, prepared exactly as in make_expected.R
cts <- as.matrix(read.csv("pasilla_gene_counts.tsv", sep = "\t", row.names = "gene_id"))
coldata <- read.csv("pasilla_sample_annotation.csv", row.names = 1)
coldata <- coldata[, c("condition", "type")]
coldata$condition <- factor(coldata$condition); coldata$type <- factor(coldata$type)
rownames(coldata) <- sub("fb", "", rownames(coldata))
cts <- cts[, rownames(coldata)]
coldata$condition <- relevel(coldata$condition, ref = "untreated")
coldata$type <- relevel(coldata$type, ref = "paired-end")

# The steps of DESeq2:::estimateDispersionsPriorVar (DESeq2 1.38.3) for m - p <= 3, spelled out to
# record the intermediate values; the script asserts that they give DESeq2's own dispPriorVar.
prior_steps <- function(dds) {
  mc <- mcols(dds)[!mcols(dds)$allZero, ]
  aboveMinDisp <- mc$dispGeneEst >= 1e-8 * 100
  mm <- model.matrix(design(dds), colData(dds))
  m <- nrow(mm); p <- ncol(mm)
  set.seed(2)
  obsDist <- (log(mc$dispGeneEst) - log(mc$dispFit))[aboveMinDisp]
  brks <- -20:20/2
  obsDist <- obsDist[obsDist > min(brks) & obsDist < max(brks)]
  obsVarGrid <- seq(from = 0, to = 8, length = 200)
  obsDistHist <- hist(obsDist, breaks = brks, plot = FALSE)
  klDivs <- sapply(obsVarGrid, function(x) {
    randDist <- log(rchisq(10000, df = (m - p))) + rnorm(10000, 0, sqrt(x)) - log(m - p)
    randDist <- randDist[randDist > min(brks) & randDist < max(brks)]
    randDistHist <- hist(randDist, breaks = brks, plot = FALSE)
    z <- c(obsDistHist$density, randDistHist$density)
    small <- min(z[z > 0])
    sum(obsDistHist$density * (log(obsDistHist$density + small) - log(randDistHist$density + small)))
  })
  lofit <- loess(klDivs ~ obsVarGrid, span = 0.2)
  obsVarFineGrid <- seq(from = 0, to = 8, length = 1000)
  lofitFitted <- predict(lofit, obsVarFineGrid)
  argminKL <- obsVarFineGrid[which.min(lofitFitted)]
  list(m = m, p = p, obsDist = obsDist, counts = obsDistHist$counts, klDivs = klDivs,
       fitted = fitted(lofit), lofitFitted = lofitFitted, argminKL = argminKL)
}

sets <- list(
  list(tag = "t2u1", samples = c("treated2", "treated3", "untreated3"), design = ~ condition),
  list(tag = "t2u2", samples = c("treated1", "treated3", "untreated1", "untreated4"), design = ~ condition),
  list(tag = "t3u2", samples = c("treated1", "treated2", "treated3", "untreated3", "untreated4"),
       design = ~ condition),
  list(tag = "type_t3u3", samples = c("treated1", "treated2", "treated3", "untreated1", "untreated3", "untreated4"),
       design = ~ type + condition),
  # simulated (below): 3 samples, so m - p = 1, with widely spread dispersions
  list(tag = "sim_df1", samples = c("s1", "s2", "s3"), design = ~ condition))

## simulated: 2000 genes x 3 samples (A, A, B), dispersion (0.05 + 1/mu) * exp(N(0, 2.2^2)) (spread so wide
## that the simulated prior variance exceeds 0.25 even with m - p = 1), 10 % of
## genes changed 4-fold, 10 all-zero genes; seed 17
set.seed(17)
ng <- 2000
mu <- exp(runif(ng, log(5), log(5000)))
disp <- (0.05 + 1 / mu) * exp(rnorm(ng, 0, 2.2))
fc <- ifelse(runif(ng) < 0.1, 4, 1)
simcts <- matrix(rnbinom(ng * 3, mu = cbind(mu, mu, mu * fc), size = 1 / disp), ng, 3)
simcts[1:10, ] <- 0
rownames(simcts) <- sprintf("g%04d", 1:ng); colnames(simcts) <- c("s1", "s2", "s3")
write.csv(data.frame(gene_id = rownames(simcts), simcts, check.names = FALSE), "priorvar_sim_df1_counts.csv",
          row.names = FALSE, quote = FALSE)
simcd <- data.frame(condition = factor(c("untreated", "untreated", "treated"), levels = c("untreated", "treated")),
                    row.names = colnames(simcts))
write.csv(data.frame(sample = rownames(simcd), condition = simcd$condition), "priorvar_sim_df1_samples.csv",
          row.names = FALSE, quote = FALSE)

for (s in sets) {
  sim <- s$tag == "sim_df1"
  cd <- if (sim) simcd else droplevels(coldata[s$samples, ])
  dds <- DESeq(DESeqDataSetFromMatrix(if (sim) simcts else cts[, s$samples], cd, s$design), quiet = TRUE)
  res <- results(dds, contrast = c("condition", "treated", "untreated"))
  st <- prior_steps(dds)
  df <- dispersionFunction(dds)
  stopifnot(st$m - st$p <= 3, st$m > st$p,
            identical(attr(df, "dispPriorVar"), max(st$argminKL, 0.25)),
            identical(DESeq2:::estimateDispersionsPriorVar(dds), attr(df, "dispPriorVar")))
  tag <- paste0("priorvar_", s$tag)
  sf <- sizeFactors(dds)
  wr(data.frame(sample = names(sf), sizeFactor = unname(sf)), paste0(tag, "_size_factors.csv"), num17)
  wr(data.frame(gene_id = rownames(res), dispersion = mcols(dds)$dispersion,
                log2FoldChange = res$log2FoldChange, lfcSE = res$lfcSE, stat = res$stat,
                pvalue = res$pvalue, padj = res$padj), paste0(tag, "_results.csv"))
  meta <- data.frame(key = c("samples", "design", "m", "p", "varLogDispEsts", "dispPriorVar", "argminKL",
                             "moment_estimate", "n_obsDist", "filterThreshold", "n_padj_lt_0.1"),
                     value = c(paste(s$samples, collapse = " "), deparse(s$design), st$m, st$p,
                               num17(attr(df, "varLogDispEsts")), num17(attr(df, "dispPriorVar")),
                               num17(st$argminKL),
                               num17(max(attr(df, "varLogDispEsts") - trigamma((st$m - st$p) / 2), 0.25)),
                               length(st$obsDist), num17(unname(metadata(res)$filterThreshold)),
                               sum(res$padj < 0.1, na.rm = TRUE)), stringsAsFactors = FALSE)
  wr(meta, paste0(tag, "_metadata.csv"), identity)
  n <- 200; nf <- 1000
  write.csv(data.frame(what = c(rep("counts", 40), rep("klDivs", n), rep("fitted", n), rep("lofitFitted", nf)),
                       i = c(1:40, 1:n, 1:n, 1:nf),
                       value = hex(c(as.double(st$counts), st$klDivs, st$fitted, st$lofitFitted))),
            paste0(tag, "_simulation.csv"), row.names = FALSE, quote = FALSE)
  write.csv(data.frame(obsDist = hex(st$obsDist)), paste0(tag, "_obsdist.csv"), row.names = FALSE, quote = FALSE)
}
writeLines(capture.output(sessionInfo()), "sessionInfo_priorvar.txt")
