# More DESeq2 references for org.benchtop.core.rnaseq (Benchtop): LRT, multi-level factors,
# contrasts between two non-reference levels, numeric contrasts, numeric covariates, interactions,
# Cook's outlier replacement (7 vs 7 with injected outliers), lfcShrink(type = "normal") and VST.
# Run from this directory:  Rscript make_expected_deseq2_more.R
# Debian bookworm: R 4.2.2 Patched (2022-11-10 r83330), DESeq2 1.38.3.
# The simulated count tables are written here too (seeded), so the references can be remade.
suppressPackageStartupMessages(library(DESeq2))
# per-gene values with 10 significant digits (ample for the 1e-4 / 1e-3 tolerances); size factors
# and prior variances with 17
num17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
num10 <- function(x) ifelse(is.na(x), "NA", sprintf("%.10g", x))
wr <- function(df, file, digits = num10) {
  df[] <- lapply(df, function(x) if (is.numeric(x)) digits(x) else x)
  write.csv(df, file, row.names = FALSE, quote = TRUE)
}
res_frame <- function(dds, res, extra = list()) {
  mc <- mcols(dds)
  out <- data.frame(gene_id = rownames(res), baseMean = res$baseMean,
                    dispGeneEst = mc$dispGeneEst, dispersion = mc$dispersion,
                    log2FoldChange = res$log2FoldChange, lfcSE = res$lfcSE, stat = res$stat,
                    pvalue = res$pvalue, padj = res$padj, maxCooks = mc$maxCooks, stringsAsFactors = FALSE)
  for (nm in names(extra)) out[[nm]] <- extra[[nm]]
  out
}
meta_frame <- function(dds, res) {
  df <- dispersionFunction(dds)
  data.frame(key = c("asymptDisp", "extraPois", "dispPriorVar", "varLogDispEsts", "filterThreshold",
                     "filterTheta", "n_padj_lt_0.1"),
             value = c(num17(unname(attr(df, "coefficients")[1])), num17(unname(attr(df, "coefficients")[2])),
                       num17(attr(df, "dispPriorVar")), num17(attr(df, "varLogDispEsts")),
                       num17(unname(metadata(res)$filterThreshold)), num17(metadata(res)$filterTheta),
                       sum(res$padj < 0.1, na.rm = TRUE)), stringsAsFactors = FALSE)
}

## ---- pasilla: LRT ~ type + condition vs ~ type ----
cts <- as.matrix(read.csv("pasilla_gene_counts.tsv", sep = "\t", row.names = "gene_id"))
coldata <- read.csv("pasilla_sample_annotation.csv", row.names = 1)
coldata <- coldata[, c("condition", "type")]
coldata$condition <- factor(coldata$condition); coldata$type <- factor(coldata$type)
rownames(coldata) <- sub("fb", "", rownames(coldata))
cts <- cts[, rownames(coldata)]
coldata$condition <- relevel(coldata$condition, ref = "untreated")
coldata$type <- relevel(coldata$type, ref = "paired-end")
dds <- DESeq(DESeqDataSetFromMatrix(cts, coldata, ~ type + condition), test = "LRT", reduced = ~ type, quiet = TRUE)
res <- results(dds, contrast = c("condition", "treated", "untreated"))
wr(res_frame(dds, res), "more_pasilla_lrt_results.csv")
wr(meta_frame(dds, res), "more_pasilla_lrt_metadata.csv")
# LRT against the intercept-only model
dds1 <- DESeq(DESeqDataSetFromMatrix(cts, coldata, ~ condition), test = "LRT", reduced = ~ 1, quiet = TRUE)
res1 <- results(dds1)
wr(res_frame(dds1, res1), "more_pasilla_lrt_intercept_results.csv")

## ---- pasilla: lfcShrink(type = "normal") and VST ----
ddsW <- DESeq(DESeqDataSetFromMatrix(cts, coldata, ~ condition), quiet = TRUE)
resW <- results(ddsW, contrast = c("condition", "treated", "untreated"))
shr <- lfcShrink(ddsW, contrast = c("condition", "treated", "untreated"), type = "normal", quiet = TRUE)
wr(data.frame(gene_id = rownames(shr), baseMean = shr$baseMean, log2FoldChange = shr$log2FoldChange,
              lfcSE = shr$lfcSE, pvalue = shr$pvalue, padj = shr$padj), "more_pasilla_shrink_normal.csv")
wr(data.frame(key = names(priorInfo(shr)$betaPriorVar), value = num17(priorInfo(shr)$betaPriorVar)),
   "more_pasilla_shrink_normal_priorvar.csv")
vb <- vst(ddsW, blind = TRUE)
vn <- vst(ddsW, blind = FALSE)
# every 5th gene is stored (the transformation is gene-wise; the trend is fitted on the whole set)
keep5 <- seq(1, nrow(vb), by = 5)
wr(data.frame(gene_id = rownames(vb), assay(vb), check.names = FALSE)[keep5, ], "more_pasilla_vst_blind.csv")
wr(data.frame(gene_id = rownames(vn), assay(vn), check.names = FALSE)[keep5, ], "more_pasilla_vst_design.csv")
# the trend of the blind VST: vst() fits it on 1000 genes; recompute it the same way for the record


## ---- simulated: 3 groups x 2 batches x 2 replicates, numeric covariate ----
set.seed(20240501)
ng <- 2000
samples <- data.frame(sample = sprintf("s%02d", 1:12),
                      group = rep(c("A", "B", "C"), each = 4),
                      batch = rep(c("b1", "b2"), times = 6),
                      age = round(runif(12, 20, 70), 1), stringsAsFactors = FALSE)
sf <- exp(rnorm(12, 0, 0.3))
base <- exp(rnorm(ng, 4, 2))
disp <- 0.02 + 2 / base
lfcB <- ifelse(runif(ng) < 0.15, rnorm(ng, 0, 1.5), 0)
lfcC <- ifelse(runif(ng) < 0.15, rnorm(ng, 0, 1.5), 0)
lfcBatch <- rnorm(ng, 0, 0.3)
lfcAge <- ifelse(runif(ng) < 0.1, rnorm(ng, 0, 0.03), 0)
mu <- sapply(1:12, function(j) sf[j] * base * 2^(lfcB * (samples$group[j] == "B") + lfcC * (samples$group[j] == "C") +
                                                   lfcBatch * (samples$batch[j] == "b2") + lfcAge * (samples$age[j] - 45)))
counts <- matrix(rnbinom(ng * 12, mu = mu, size = 1 / disp), ncol = 12)
counts[1:20, ] <- 0                                   # all-zero genes
counts[21:25, samples$group %in% c("B", "C")] <- 0    # zero in the compared groups
rownames(counts) <- sprintf("g%04d", 1:ng); colnames(counts) <- samples$sample
write.csv(data.frame(gene_id = rownames(counts), counts, check.names = FALSE), "sim3_counts.csv", row.names = FALSE, quote = FALSE)
write.csv(samples, "sim3_samples.csv", row.names = FALSE, quote = FALSE)
cd <- samples; rownames(cd) <- cd$sample
cd$group <- factor(cd$group); cd$batch <- factor(cd$batch)
d1 <- DESeq(DESeqDataSetFromMatrix(counts, cd, ~ batch + group), quiet = TRUE)
wr(res_frame(d1, results(d1, contrast = c("group", "C", "B"))), "more_sim3_batch_group_CvsB.csv")
wr(res_frame(d1, results(d1, contrast = c("group", "A", "C"))), "more_sim3_batch_group_AvsC.csv")
wr(res_frame(d1, results(d1, contrast = c(0, 0, -1, 1))), "more_sim3_batch_group_numeric.csv")
wr(res_frame(d1, results(d1, name = "batch_b2_vs_b1")), "more_sim3_batch_group_batch.csv")
wr(data.frame(coef = resultsNames(d1)), "more_sim3_batch_group_names.csv")
d2 <- DESeq(DESeqDataSetFromMatrix(counts, cd, ~ age + group), quiet = TRUE)
wr(res_frame(d2, results(d2, name = "age")), "more_sim3_age_group_age.csv")
wr(res_frame(d2, results(d2, contrast = c("group", "B", "A"))), "more_sim3_age_group_BvsA.csv")
d3 <- DESeq(DESeqDataSetFromMatrix(counts, cd, ~ batch + group + batch:group), quiet = TRUE)
wr(data.frame(coef = resultsNames(d3)), "more_sim3_interaction_names.csv")
wr(res_frame(d3, results(d3, name = "batchb2.groupC")), "more_sim3_interaction_b2C.csv")
wr(res_frame(d3, results(d3, contrast = c("group", "B", "A"))), "more_sim3_interaction_BvsA.csv")
d4 <- DESeq(DESeqDataSetFromMatrix(counts, cd, ~ batch + group), test = "LRT", reduced = ~ batch, quiet = TRUE)
wr(res_frame(d4, results(d4, contrast = c("group", "C", "A"))), "more_sim3_lrt_group.csv")
d5 <- DESeq(DESeqDataSetFromMatrix(counts, cd, ~ group), sfType = "poscounts", quiet = TRUE)
wr(data.frame(sample = colnames(d5), sizeFactor = sizeFactors(d5)), "more_sim3_poscounts_size_factors.csv", num17)
# normal shrinkage with a three-level factor (prior averaged over levels and their contrasts)
shr3 <- lfcShrink(d1, contrast = c("group", "C", "B"), type = "normal", quiet = TRUE)
wr(data.frame(gene_id = rownames(shr3), log2FoldChange = shr3$log2FoldChange, lfcSE = shr3$lfcSE),
   "more_sim3_shrink_CvsB.csv")
wr(data.frame(key = names(priorInfo(shr3)$betaPriorVar), value = num17(priorInfo(shr3)$betaPriorVar)),
   "more_sim3_shrink_CvsB_priorvar.csv")
wr(res_frame(d5, results(d5, contrast = c("group", "B", "A"))), "more_sim3_poscounts_BvsA.csv")

## ---- simulated: 7 vs 7 with injected outliers (Cook's replacement and refit) ----
set.seed(7)
ng7 <- 1500
s7 <- data.frame(sample = sprintf("r%02d", 1:14), condition = rep(c("ctrl", "trt"), each = 7), stringsAsFactors = FALSE)
sf7 <- exp(rnorm(14, 0, 0.2))
base7 <- exp(rnorm(ng7, 4, 1.8))
disp7 <- 0.03 + 1.5 / base7
lfc7 <- ifelse(runif(ng7) < 0.2, rnorm(ng7, 0, 1.5), 0)
mu7 <- sapply(1:14, function(j) sf7[j] * base7 * 2^(lfc7 * (s7$condition[j] == "trt")))
c7 <- matrix(rnbinom(ng7 * 14, mu = mu7, size = 1 / disp7), ncol = 14)
out_genes <- sample(51:ng7, 60)
out_cols <- sample(1:14, 60, replace = TRUE)
for (k in seq_along(out_genes)) c7[out_genes[k], out_cols[k]] <- c7[out_genes[k], out_cols[k]] * 30 + 200
c7[1:5, ] <- 0
c7[6, 1:13] <- 0; c7[6, 14] <- 500     # only the outlier: becomes all zero after replacement
rownames(c7) <- sprintf("h%04d", 1:ng7); colnames(c7) <- s7$sample
write.csv(data.frame(gene_id = rownames(c7), c7, check.names = FALSE), "sim7_counts.csv", row.names = FALSE, quote = FALSE)
write.csv(s7, "sim7_samples.csv", row.names = FALSE, quote = FALSE)
cd7 <- s7; rownames(cd7) <- cd7$sample; cd7$condition <- factor(cd7$condition)
d7 <- DESeq(DESeqDataSetFromMatrix(c7, cd7, ~ condition), quiet = TRUE)
r7 <- results(d7, contrast = c("condition", "trt", "ctrl"))
wr(res_frame(d7, r7, list(replace = mcols(d7)$replace)), "more_sim7_replace_results.csv")
wr(meta_frame(d7, r7), "more_sim7_replace_metadata.csv")
d7n <- DESeq(DESeqDataSetFromMatrix(c7, cd7, ~ condition), minReplicatesForReplace = Inf, quiet = TRUE)
wr(res_frame(d7n, results(d7n, contrast = c("condition", "trt", "ctrl"))), "more_sim7_noreplace_results.csv")
writeLines(capture.output(sessionInfo()), "sessionInfo_more.txt")
