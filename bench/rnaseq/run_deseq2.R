# DESeq2 side of the benchmark: DESeq() + results() as a user would run them.
# Usage: Rscript run_deseq2.R COUNTS.csv SAMPLES.csv OUT.csv "~ condition" condition treated control
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(DESeq2))
t0 <- Sys.time()
cts <- as.matrix(read.csv(args[1], row.names = 1, check.names = FALSE))
cd <- read.csv(args[2], row.names = 1, check.names = FALSE)
for (v in names(cd)) if (is.character(cd[[v]])) cd[[v]] <- factor(cd[[v]])
cd[[args[5]]] <- relevel(cd[[args[5]]], ref = args[7])
cts <- cts[, rownames(cd)]
dds <- DESeqDataSetFromMatrix(cts, cd, as.formula(args[4]))
t1 <- Sys.time()
dds <- DESeq(dds, quiet = TRUE)
res <- results(dds, contrast = c(args[5], args[6], args[7]))
t2 <- Sys.time()
write.csv(data.frame(gene_id = rownames(res), baseMean = res$baseMean, log2FoldChange = res$log2FoldChange,
                     lfcSE = res$lfcSE, stat = res$stat, pvalue = res$pvalue, padj = res$padj,
                     dispersion = mcols(dds)$dispersion), args[3], row.names = FALSE)
cat(sprintf("R: read %.2f s, DESeq()+results() %.2f s\n", as.numeric(t1 - t0, units = "secs"),
            as.numeric(t2 - t1, units = "secs")))
