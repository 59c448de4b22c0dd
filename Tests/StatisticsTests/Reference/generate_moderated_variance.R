#!/usr/bin/env Rscript
# Writes moderated_variance.json: reference values for the empirical-Bayes moderated variances
# (Smyth 2004) in the Statistics module (ModeratedVariance, Polygamma).
#
# Run from anywhere:  Rscript Tests/StatisticsTests/Reference/generate_moderated_variance.R
# Needs R and limma (Debian: r-base-core, r-bioc-limma). Deterministic (set.seed below); numbers are
# written by hand with sprintf("%.17g"), so they round-trip exactly; an infinite d0 is written as
# the string "Infinity".
#
# Sources, all from limma itself:
#   limma::squeezeVar(var, df, legacy = TRUE)  -> df.prior, var.prior, var.post (the fitFDist method)
#   limma::fitFDist(var, df1 = df)             -> scale, df2 (the same prior, fitted directly)
#   limma:::.squeezeVar(var, df, var.prior, df.prior = cap) -> var.post with the prior df capped
#   limma::squeezeVar(var, df)                 -> recorded as "defaultMethod" for information only:
#       since limma 3.58 unequal df are fitted by fitFDistUnequalDF1, a different estimator.
#   limma::trigammaInverse, digamma, trigamma, psigamma(x, 2) on a grid.
# Features with df = 0 are excluded from limma's fit (fitFDist's `ok`), as in the Swift code.

suppressPackageStartupMessages(library(limma))
set.seed(20261213)

num <- function(x) {
  if (length(x) == 1 && is.infinite(x)) return('"Infinity"')
  sprintf("%.17g", x)
}
arr <- function(x) paste0("[", paste(vapply(x, num, ""), collapse = ", "), "]")
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste(sprintf('"%s": %s', names(fields), unlist(fields)), collapse = ", "), "}")
}
str <- function(s) paste0('"', s, '"')

has_legacy <- "legacy" %in% names(formals(squeezeVar))

make_case <- function(name, var, df, cap = 10) {
  sq <- if (has_legacy) squeezeVar(var, df, legacy = TRUE) else squeezeVar(var, df)
  ok <- df > 0
  fit <- fitFDist(var[ok], df1 = df[ok])
  stopifnot(isTRUE(all.equal(fit$scale, sq$var.prior)), isTRUE(all.equal(fit$df2, sq$df.prior)))
  capped <- limma:::.squeezeVar(var = var, df = df, var.prior = sq$var.prior, df.prior = min(sq$df.prior, cap))
  default <- squeezeVar(var, df)
  obj(
    name = str(name), variances = arr(var), degreesOfFreedom = arr(df),
    priorDegreesOfFreedom = num(sq$df.prior), priorVariance = num(sq$var.prior),
    posteriorVariances = arr(sq$var.post),
    fitFDistScale = num(fit$scale), fitFDistDf2 = num(fit$df2),
    cap = num(cap), cappedPosteriorVariances = arr(capped),
    defaultMethodPriorDegreesOfFreedom = num(default$df.prior), defaultMethodPriorVariance = num(default$var.prior)
  )
}

# Variances drawn from the scaled-F model itself: sigma2 ~ s0 * d0 / chisq(d0), s2 ~ sigma2 * chisq(d) / d.
model <- function(n, df, s0, d0) {
  sigma2 <- s0 * d0 / rchisq(n, d0)
  sigma2 * rchisq(n, df) / df
}

cases <- character(0)
cases <- c(cases, make_case("equal-df-4-n50", model(50, 4, 0.02, 6), rep(4, 50)))
df_unequal <- sample(c(1, 2, 3, 5, 9), 30, replace = TRUE)
cases <- c(cases, make_case("unequal-df-n30", model(30, df_unequal, 1.5, 4) * 1, df_unequal))
v_zero <- model(20, 3, 0.5, 10)
d_zero <- rep(3, 20)
d_zero[c(2, 11, 19)] <- 0
v_zero[c(2, 11, 19)] <- c(0, 7.5, 0.01)
cases <- c(cases, make_case("zero-df-entries-n20", v_zero, d_zero))
v_out <- model(30, 3, 1e-4, 8)
v_out[7] <- v_out[7] * 1e6
cases <- c(cases, make_case("huge-outlier-n30", v_out, rep(3, 30)))
cases <- c(cases, make_case("nearly-equal-d0-infinite-n12", 2 * (1 + 1e-3 * sin(1:12)), rep(5, 12)))
cases <- c(cases, make_case("three-features", c(0.008, 2.5, 0.3), c(2, 2, 2)))
cases <- c(cases, make_case("five-features-unequal-df", c(0.011, 0.34, 0.00052, 0.02, 0.09), c(1, 4, 2, 3, 6)))
# 20 benchmarks x 2 runs: per benchmark the variance of its two run means (df 1).
runs <- matrix(rnorm(40, mean = rep(log(seq(1e-6, 2e-5, length.out = 20)), 2), sd = rep(exp(rnorm(20, log(0.02), 0.5)), 2)), 20)
v_bench <- apply(runs, 1, var)
cases <- c(cases, make_case("benchmarks-20x2-runs", v_bench, rep(1, 20)))
runs <- matrix(rnorm(40, mean = 0, sd = rep(exp(rnorm(20, log(0.02), 1.5)), 2)), 20)
cases <- c(cases, make_case("benchmarks-20x2-runs-heterogeneous", apply(runs, 1, var), rep(1, 20)))
v_zeros <- model(15, 2, 3, 5)
v_zeros[c(4, 9)] <- 0
cases <- c(cases, make_case("exact-zero-variances-n15", v_zeros, rep(2, 15)))
cases <- c(cases, make_case("large-d0-n200", model(200, 6, 0.1, 40), rep(6, 200), cap = 25))

grid <- c(1e-6, 1e-3, 0.05, 0.5, 1, 1.4616321449683623, 2, 3.5, 9.99, 10, 12, 47.25, 1e3, 1e6)
tri_x <- c(1e-8, 1e-6, 2e-6, 0.01, 0.3, 1, 1.6449340668482264, 10, 1e3, 1e7, 2e7)
polygamma <- paste0(
  "{", sprintf('"x": %s, "digamma": %s, "trigamma": %s, "tetragamma": %s', arr(grid), arr(digamma(grid)),
               arr(trigamma(grid)), arr(psigamma(grid, 2))), "}")
trigamma_inverse <- sprintf('{"x": %s, "y": %s}', arr(tri_x), arr(trigammaInverse(tri_x)))

out <- file.path(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))),
                 "moderated_variance.json")
writeLines(c(
  "{",
  sprintf('"limma": "%s", "R": "%s", "legacyArgument": %s,', packageVersion("limma"), getRversion(),
          tolower(has_legacy)),
  sprintf('"polygamma": %s,', polygamma),
  sprintf('"trigammaInverse": %s,', trigamma_inverse),
  '"cases": [',
  paste(cases, collapse = ",\n"),
  "]}"
), out)
cat("wrote", length(cases), "cases with limma", as.character(packageVersion("limma")), "\n")
