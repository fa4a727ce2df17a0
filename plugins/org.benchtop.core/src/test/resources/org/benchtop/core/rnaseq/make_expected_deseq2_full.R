# DESeq2 references for org.benchtop.core.rnaseq (Benchtop), beyond the shared expected_* files.
# Run from this directory:  Rscript make_expected_deseq2_full.R
# Debian bookworm: R 4.2.2 Patched (2022-11-10 r83330), DESeq2 1.38.3 (r-bioc-deseq2 1.38.3+dfsg-1).
# Same calls as make_expected.R (refdata/rnaseq). Size factors and step metadata are written with
# 17 significant digits (the shared files keep 10, too coarse for a 1e-10 check of size factors);
# per-gene results with 12. The pasilla ~condition per-gene results are those of the shared
# expected_deseq2_condition_results.csv (not repeated here).
suppressPackageStartupMessages(library(DESeq2))
num17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
num12 <- function(x) ifelse(is.na(x), "NA", sprintf("%.12g", x))
wr <- function(df, file, digits = num17) {
  df[] <- lapply(df, function(x) if (is.numeric(x)) digits(x) else x)
  write.csv(df, file, row.names = FALSE, quote = TRUE)
}

## ---- pasilla, prepared exactly as in make_expected.R ----
cts <- as.matrix(read.csv("pasilla_gene_counts.tsv", sep = "\t", row.names = "gene_id"))
coldata <- read.csv("pasilla_sample_annotation.csv", row.names = 1)
coldata <- coldata[, c("condition", "type")]
coldata$condition <- factor(coldata$condition)
coldata$type <- factor(coldata$type)
rownames(coldata) <- sub("fb", "", rownames(coldata))
cts <- cts[, rownames(coldata)]
coldata$condition <- relevel(coldata$condition, ref = "untreated")
coldata$type <- relevel(coldata$type, ref = "paired-end")

dump_fit <- function(dds, res, res_nf, tag) {
  mc <- mcols(dds)
  sf <- sizeFactors(dds)
  wr(data.frame(sample = names(sf), sizeFactor = unname(sf)), paste0("full_", tag, "_size_factors.csv"))
  coefs <- resultsNames(dds)
  out <- data.frame(gene_id = rownames(res), baseMean = res$baseMean,
                    allZero = mc$allZero, dispGeneEst = mc$dispGeneEst,
                    dispFit = mc$dispFit, dispMAP = mc$dispMAP,
                    dispersion = mc$dispersion, dispOutlier = mc$dispOutlier,
                    log2FoldChange = res$log2FoldChange, lfcSE = res$lfcSE, stat = res$stat,
                    pvalue = res$pvalue, padj = res$padj, maxCooks = mc$maxCooks,
                    pvalue_noCooksFilter = res_nf$pvalue, padj_noIndepFilter_noCooks = res_nf$padj,
                    stringsAsFactors = FALSE)
  if (tag != "pasilla_condition") wr(out, paste0("full_", tag, "_results.csv"), num12)
  df <- dispersionFunction(dds)
  nr <- metadata(res)$filterNumRej
  meta <- data.frame(
    key = c("design", "fitType", "asymptDisp", "extraPois", "dispPriorVar", "varLogDispEsts",
            "filterThreshold", "filterTheta", "alpha", "n_padj_lt_alpha", "cooksCutoff",
            paste0("numRej_", seq_len(nrow(nr))), paste0("theta_", seq_len(nrow(nr))), "DESeq2_version"),
    value = c(paste(deparse(design(dds)), collapse = ""), attr(df, "fitType"),
              num17(unname(attr(df, "coefficients")[1])), num17(unname(attr(df, "coefficients")[2])),
              num17(attr(df, "dispPriorVar")), num17(attr(df, "varLogDispEsts")),
              num17(unname(metadata(res)$filterThreshold)), num17(metadata(res)$filterTheta),
              num17(metadata(res)$alpha), sum(res$padj < metadata(res)$alpha, na.rm = TRUE),
              num17(qf(0.99, ncol(attr(dds, "dispModelMatrix")), nrow(attr(dds, "dispModelMatrix")) - ncol(attr(dds, "dispModelMatrix")))),
              nr$numRej, num17(nr$theta), as.character(packageVersion("DESeq2"))),
    stringsAsFactors = FALSE)
  wr(meta, paste0("full_", tag, "_metadata.csv"))
}

run <- function(cts, coldata, design, contrast, tag) {
  dds <- DESeqDataSetFromMatrix(countData = cts, colData = coldata, design = design)
  dds <- DESeq(dds, quiet = TRUE)
  res <- results(dds, contrast = contrast)
  res_nf <- results(dds, contrast = contrast, independentFiltering = FALSE, cooksCutoff = FALSE)
  dump_fit(dds, res, res_nf, tag)
  invisible(dds)
}
run(cts, coldata, ~ condition, c("condition", "treated", "untreated"), "pasilla_condition")
run(cts, coldata, ~ type + condition, c("condition", "treated", "untreated"), "pasilla_type_condition")

## ---- PyDESeq2 synthetic set (made with makeExampleDESeqDataSet), single and multi factor ----
pc <- as.matrix(read.csv("pydeseq2_synthetic/test_counts.csv", row.names = 1))
pm <- read.csv("pydeseq2_synthetic/test_metadata.csv", row.names = 1)
pm$condition <- factor(pm$condition); pm$group <- factor(pm$group)
pc <- pc[, rownames(pm)]
run(pc, pm, ~ condition, c("condition", "B", "A"), "synthetic_single")
run(pc, pm, ~ group + condition, c("condition", "B", "A"), "synthetic_multi")
writeLines(capture.output(sessionInfo()), "sessionInfo_full.txt")
