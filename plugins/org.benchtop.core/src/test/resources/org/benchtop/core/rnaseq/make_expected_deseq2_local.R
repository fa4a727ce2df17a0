# DESeq2 references for the local dispersion trend (fitType = "local", and the automatic fallback
# from "parametric" to "local") of org.benchtop.core.rnaseq (Benchtop).
# Run from this directory:  Rscript make_expected_deseq2_local.R
# Debian bookworm: R 4.2.2 Patched (2022-11-10 r83330), DESeq2 1.38.3 (r-bioc-deseq2 1.38.3+dfsg-1),
# locfit 1.5-9.7 (r-cran-locfit). Per-gene values with 10 significant digits (ample for the 1e-4 /
# 1e-3 tolerances), NA written as NA; size factors and step metadata with 17.
suppressPackageStartupMessages(library(DESeq2))
num17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
num10 <- function(x) ifelse(is.na(x), "NA", sprintf("%.10g", x))
wr <- function(df, file, digits = num10) {
  df[] <- lapply(df, function(x) if (is.numeric(x)) digits(x) else x)
  write.csv(df, file, row.names = FALSE, quote = FALSE)
}
# only the columns the tests compare (keeps the files below 2 MB)
dump_fit <- function(dds, res, tag, note) {
  mc <- mcols(dds)
  sf <- sizeFactors(dds)
  wr(data.frame(sample = names(sf), sizeFactor = unname(sf)), paste0("local_", tag, "_size_factors.csv"), num17)
  wr(data.frame(gene_id = rownames(res), dispFit = mc$dispFit, dispersion = mc$dispersion,
                log2FoldChange = res$log2FoldChange, lfcSE = res$lfcSE, stat = res$stat,
                pvalue = res$pvalue, padj = res$padj), paste0("local_", tag, "_results.csv"))
  df <- dispersionFunction(dds)
  meta <- data.frame(key = c("fitType", "fallback_note", "varLogDispEsts", "dispPriorVar", "filterThreshold",
                             "n_padj_lt_0.1"),
                     value = c(attr(df, "fitType"), note, num17(attr(df, "varLogDispEsts")),
                               num17(attr(df, "dispPriorVar")), num17(unname(metadata(res)$filterThreshold)),
                               sum(res$padj < 0.1, na.rm = TRUE)), stringsAsFactors = FALSE)
  wr(meta, paste0("local_", tag, "_metadata.csv"), num17)
}
# DESeq() keeping its messages; note = whether the parametric-to-local fallback note was printed
deseq <- function(dds, ...) {
  msgs <- character(0)
  dds <- withCallingHandlers(DESeq(dds, ...), message = function(m) {
    msgs <<- c(msgs, conditionMessage(m)); invokeRestart("muffleMessage") })
  list(dds = dds, note = any(grepl("local regression fit was automatically substituted", msgs)))
}

## ---- pasilla, prepared exactly as in make_expected.R, DESeq(fitType = "local") ----
cts <- as.matrix(read.csv("pasilla_gene_counts.tsv", sep = "\t", row.names = "gene_id"))
coldata <- read.csv("pasilla_sample_annotation.csv", row.names = 1)
coldata <- coldata[, c("condition", "type")]
coldata$condition <- factor(coldata$condition); coldata$type <- factor(coldata$type)
rownames(coldata) <- sub("fb", "", rownames(coldata))
cts <- cts[, rownames(coldata)]
coldata$condition <- relevel(coldata$condition, ref = "untreated")
coldata$type <- relevel(coldata$type, ref = "paired-end")
for (d in list(list(~ condition, "pasilla_condition"), list(~ type + condition, "pasilla_type_condition"))) {
  r <- deseq(DESeqDataSetFromMatrix(cts, coldata, d[[1]]), fitType = "local")
  dump_fit(r$dds, results(r$dds, contrast = c("condition", "treated", "untreated")), d[[2]], r$note)
}

## ---- simulated: dispersions growing with the mean (0.004 mu^0.45), so that DESeq2's parametric
## fit a/mu + b fails (negative a) and DESeq2 substitutes the local fit with its note ----
set.seed(5)
ng <- 1500; m <- 8
mu <- exp(runif(ng, log(5), log(5000)))
disp <- 0.004 * mu^0.45
sf <- exp(rnorm(m, 0, 0.2))
grp <- factor(rep(c("A", "B"), each = m / 2))
lfc <- ifelse(runif(ng) < 0.1, rnorm(ng, 0, 1.5), 0)
cts <- matrix(rnbinom(ng * m, mu = outer(mu, sf) * outer(2^lfc, as.numeric(grp == "B")) +
                        outer(mu, sf) * outer(rep(1, ng), as.numeric(grp == "A")), size = 1 / disp), ng, m)
cts[1:5, ] <- 0                      # all-zero genes
cts[6:10, ] <- rbinom(5 * m, 3, 0.3) # very low counts
rownames(cts) <- sprintf("g%04d", 1:ng); colnames(cts) <- sprintf("s%d", 1:m)
write.csv(data.frame(gene_id = rownames(cts), cts, check.names = FALSE), "simlocal_counts.csv",
          row.names = FALSE, quote = FALSE)
samples <- data.frame(sample = colnames(cts), group = grp)
write.csv(samples, "simlocal_samples.csv", row.names = FALSE, quote = FALSE)
dds <- DESeqDataSetFromMatrix(cts, data.frame(group = grp, row.names = colnames(cts)), ~ group)
r <- deseq(dds)                       # fitType = "parametric" (default): falls back to local
stopifnot(r$note, attr(dispersionFunction(r$dds), "fitType") == "local")
dump_fit(r$dds, results(r$dds, contrast = c("group", "B", "A")), "simlocal_fallback", r$note)
# vst(blind): the trend is refitted on 1000 of the genes; with the design (blind = FALSE) its
# parametric fit fails too and DESeq2 integrates the local trend numerically
# (getVarianceStabilizedData); the fit type vst() ends up with is recomputed as vst() does it
vfit <- character(0)
for (blind in c(TRUE, FALSE)) {
  v <- vst(r$dds, blind = blind)
  wr(data.frame(gene_id = rownames(v), assay(v), check.names = FALSE),
     paste0("local_simlocal_vst_", if (blind) "blind" else "design", ".csv"))
  sub <- r$dds; if (blind) design(sub) <- ~ 1
  bm <- rowMeans(counts(sub, normalized = TRUE)); sub <- sub[bm > 5, ]; bm <- bm[bm > 5]
  sub <- sub[order(bm)[round(seq(from = 1, to = length(bm), length = 1000))], ]
  sub <- suppressMessages(estimateDispersionsFit(estimateDispersionsGeneEst(sub, quiet = TRUE), quiet = TRUE))
  vfit <- c(vfit, attr(dispersionFunction(sub), "fitType"))
}
wr(data.frame(key = c("blind_fitType", "design_fitType"), value = vfit), "local_simlocal_vst_metadata.csv")
r <- deseq(dds, fitType = "mean")
dump_fit(r$dds, results(r$dds, contrast = c("group", "B", "A")), "simlocal_mean", r$note)
## ---- sim7 (make_expected_deseq2_more.R: 7 vs 7 with injected count outliers), fitType = "local":
## the outliers are replaced and the genes refitted, their trend values taken from the local fit ----
c7 <- as.matrix(read.csv("sim7_counts.csv", row.names = 1, check.names = FALSE))
s7 <- read.csv("sim7_samples.csv"); rownames(s7) <- s7$sample; s7$condition <- factor(s7$condition)
r <- deseq(DESeqDataSetFromMatrix(c7[, rownames(s7)], s7, ~ condition), fitType = "local")
stopifnot(sum(mcols(r$dds)$replace, na.rm = TRUE) > 0)
dump_fit(r$dds, results(r$dds, contrast = c("condition", "trt", "ctrl")), "sim7_replace", r$note)

## ---- the local fit's limit: 200 genes with nearly equal means (rotations of one count vector) and
## one gene a million times larger; locfit's tree runs out of vertices and DESeq2 stops (no file;
## DispersionTrendEdgeCaseTest builds the same counts and expects the same failure) ----
base <- c(80, 95, 100, 105, 120, 60)
gap <- rbind(t(sapply(0:199, function(i) base[(seq_along(base) + i - 1) %% 6 + 1])),
             c(1e6, 1.2e6, 0.9e6, 1.1e6, 0.8e6, 1e6))
rownames(gap) <- sprintf("g%03d", 1:201); colnames(gap) <- sprintf("s%d", 1:6)
gapdds <- DESeqDataSetFromMatrix(gap, data.frame(g = factor(rep(c("a", "b"), each = 3)), row.names = colnames(gap)), ~ g)
err <- tryCatch({ DESeq(gapdds, fitType = "local", quiet = TRUE); "" }, error = function(e) conditionMessage(e))
stopifnot(err == "newsplit: out of vertex space")
writeLines(capture.output(sessionInfo()), "sessionInfo_local.txt")
