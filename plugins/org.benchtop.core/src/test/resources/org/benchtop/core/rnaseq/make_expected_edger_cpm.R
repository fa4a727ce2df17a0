# edgeR references for org.benchtop.core.rnaseq.TmmNormalization (Benchtop): TMM/RLE/upper-quartile
# factors at full precision, and CPM / logCPM (prior.count = 2) of the filterByExpr-filtered pasilla
# counts (first 300 kept genes). Run from this directory:  Rscript make_expected_edger_cpm.R
# Debian bookworm: R 4.2.2, edgeR 3.40.2.
suppressPackageStartupMessages(library(edgeR))
num17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
wr <- function(df, file) { df[] <- lapply(df, function(x) if (is.numeric(x)) num17(x) else x); write.csv(df, file, row.names = FALSE, quote = TRUE) }
cts <- as.matrix(read.csv("pasilla_gene_counts.tsv", sep = "\t", row.names = "gene_id"))
coldata <- read.csv("pasilla_sample_annotation.csv", row.names = 1)
rownames(coldata) <- sub("fb", "", rownames(coldata))
cts <- cts[, rownames(coldata)]
group <- relevel(factor(coldata$condition), ref = "untreated")
y0 <- DGEList(counts = cts, group = group)
all <- sapply(c("TMM", "RLE", "upperquartile"), function(m) calcNormFactors(y0, method = m)$samples$norm.factors)
wr(data.frame(sample = colnames(cts), lib.size = y0$samples$lib.size, all), "edger_norm_factors_unfiltered_full.csv")
keep <- filterByExpr(y0, group = group)
y <- calcNormFactors(y0[keep, , keep.lib.sizes = FALSE], method = "TMM")
wr(data.frame(sample = colnames(y), lib.size = y$samples$lib.size, TMM = y$samples$norm.factors), "edger_norm_factors_filtered_full.csv")
wr(data.frame(gene_id = rownames(y)), "edger_filtered_gene_ids.csv")
sub <- 1:300
wr(data.frame(gene_id = rownames(y)[sub], cpm(y)[sub, ], check.names = FALSE), "edger_cpm_filtered.csv")
wr(data.frame(gene_id = rownames(y)[sub], cpm(y, log = TRUE)[sub, ], check.names = FALSE), "edger_logcpm_filtered.csv")
