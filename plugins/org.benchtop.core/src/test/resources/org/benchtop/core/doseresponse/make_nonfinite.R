# Real data subsets without a finite least-squares optimum (or without a usable EC50), and what
# R nls / minpack.lm::nlsLM make of them. Used by DoseResponseEdgeCaseTest (which checks that
# Benchtop flags them well_determined = false). Run from this directory: Rscript make_nonfinite.R
# R 4.2.2, minpack.lm 1.2-x (Debian bookworm).
suppressPackageStartupMessages(library(minpack.lm))
ll4 <- function(x, b, c, d, e) c + (d - c) / (1 + exp(b * (log(x) - log(e))))
ll3 <- function(x, b, d, e) d / (1 + exp(b * (log(x) - log(e))))
rg <- read.csv("drc_ryegrass.csv"); sa <- read.csv("drc_S.alba.csv")
sets <- list(
  ryegrass_dose_le_1.88 = data.frame(x = rg$conc, y = rg$rootl)[rg$conc <= 1.88, ],
  ryegrass_dose_le_3.75 = data.frame(x = rg$conc, y = rg$rootl)[rg$conc <= 3.75, ],
  S.alba_Bentazone_dose_le_20 = with(sa[sa$Herbicide == "Bentazone" & sa$Dose <= 20, ], data.frame(x = Dose, y = DryMatter)),
  S.alba_Glyphosate_dose_le_20 = with(sa[sa$Herbicide == "Glyphosate" & sa$Dose <= 20, ], data.frame(x = Dose, y = DryMatter)),
  S.alba_Glyphosate_dose_le_40 = with(sa[sa$Herbicide == "Glyphosate" & sa$Dose <= 40, ], data.frame(x = Dose, y = DryMatter)))
rows <- list()
for (nm in names(sets)) {
  d <- sets[[nm]]
  for (model in c("LL.4", "LL.3")) {
    pos <- d$x > 0
    st <- list(b = 1, c = min(d$y), d = max(d$y), e = median(d$x[pos]))
    if (model == "LL.3") st$c <- NULL
    f <- if (model == "LL.4") y ~ ll4(x, b, c, d, e) else y ~ ll3(x, b, d, e)
    m1 <- try(nls(f, data = d, start = st, control = nls.control(maxiter = 1000)), silent = TRUE)
    m2 <- try(nlsLM(f, data = d, start = st, control = nls.lm.control(maxiter = 1000)), silent = TRUE)
    for (fit in list(list("nls", m1), list("nlsLM", m2))) {
      m <- fit[[2]]
      if (inherits(m, "try-error")) {
        rows[[length(rows) + 1]] <- data.frame(dataset = nm, model = model, fitter = fit[[1]], converged = FALSE,
          e = NA, se_e = NA, rss = NA, message = gsub("[\r\n]+", " ", trimws(as.character(m))))
      } else {
        s <- try(summary(m)$coefficients, silent = TRUE)
        se <- if (inherits(s, "try-error")) NA else s["e", 2]
        rows[[length(rows) + 1]] <- data.frame(dataset = nm, model = model, fitter = fit[[1]],
          converged = isTRUE(m$convInfo$isConv), e = signif(coef(m)[["e"]], 10), se_e = signif(se, 10),
          rss = signif(sum(residuals(m)^2), 10), message = m$convInfo$stopMessage)
      }
    }
  }
}
out <- do.call(rbind, rows)
write.csv(out, "expected_no_finite_optimum.csv", row.names = FALSE)
print(out)
