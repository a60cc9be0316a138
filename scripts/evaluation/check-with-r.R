#!/usr/bin/env Rscript
# Cross-checks the scipy reference (scripts/evaluation/reference.py, test/fixtures/evaluation/
# *.reference.json) with R: t.test(paired = TRUE) for t, p and the 95% CI, wilcox.test(paired =
# TRUE) for the Wilcoxon p (exact = TRUE where the reference took the exact path, else the
# normal approximation; correct = the options' continuity), p.adjust(, "holm"), and Cronbach's
# alpha by hand. R's wilcox.test has no Pratt method and gives no Z: for zeroMethod "pratt" the
# Wilcoxon p comes from the normal approximation written out below (Cureton's adjustment), and
# Z always does (its |Z| is checked against qnorm of R's p where R approximates).
# Needs the jsonlite package (Debian: r-cran-jsonlite).
#   Rscript scripts/evaluation/check-with-r.R [fixture ...]
# (default: cohort-12 cohort-240 exact-small cohort-240-pratt). Prints, per fixture, the largest
# absolute and relative difference per quantity over the items, totals and unsuppressed groups,
# and exits 1 when a difference exceeds 1e-9 (relative) or a path, n or suppression disagrees.

suppressPackageStartupMessages(library(jsonlite))

script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
dir <- normalizePath(file.path(dirname(script), "..", "..", "test", "fixtures", "evaluation"))
fixtures <- commandArgs(TRUE)
if (length(fixtures) == 0) {
  fixtures <- c("cohort-12", "cohort-240", "exact-small", "cohort-240-pratt")
}
tolerance <- 1e-9

# Signed-rank normal approximation by hand: R+ and the signed Z with the tie correction, Pratt's
# zero adjustment (zeros ranked, then dropped) and the continuity correction.
signed_rank_z <- function(d, pratt, correct) {
  ranked <- if (pratt) d else d[d != 0]
  r <- rank(abs(ranked))
  n <- length(ranked)
  n0 <- sum(ranked == 0)
  v <- sum(r[ranked > 0])
  mean <- (n * (n + 1) - n0 * (n0 + 1)) / 4
  ties <- table(r[ranked != 0])
  var <- (n * (n + 1) * (2 * n + 1) - n0 * (n0 + 1) * (2 * n0 + 1)) / 24 -
    sum(ties^3 - ties) / 48
  z <- v - mean
  if (correct) z <- z - sign(z) * 0.5
  list(v = v, z = z / sqrt(var), n_nonzero = sum(d != 0))
}

# Differences found: quantity -> c(max abs, max rel); problems: strings.
state <- new.env()

problem <- function(...) state$problems <- c(state$problems, sprintf(...))

note <- function(what, r_value, ref_value) {
  ref_value <- if (is.null(ref_value)) NA else as.numeric(ref_value)
  if (is.na(r_value) != is.na(ref_value)) {
    problem("%s: R %s, reference %s", what, r_value, ref_value)
    return(invisible())
  }
  if (is.na(r_value)) return(invisible())
  key <- sub(".*\\] ", "", what)
  abs_diff <- abs(r_value - ref_value)
  rel_diff <- if (r_value == 0) abs_diff else abs_diff / abs(r_value)
  old <- state$diffs[[key]]
  if (is.null(old)) old <- c(0, 0)
  state$diffs[[key]] <- pmax(old, c(abs_diff, rel_diff))
  if (rel_diff > tolerance && abs_diff > 1e-300) {
    problem("%s: R %.17g, reference %.17g", what, r_value, ref_value)
  }
}

check_result <- function(scope, pre, post, ref, options) {
  label <- sprintf("%s %s", scope, ref$item)
  n <- length(pre)
  if (n != ref$n) problem("%s: n R %d reference %d", label, n, ref$n)
  d <- post - pre
  note(sprintf("[%s] mean_change", label), mean(d), ref$mean_change)
  note(sprintf("[%s] sd_change", label), if (n > 1) sd(d) else NA, ref$sd_change)
  if (n > 1 && sd(d) > 0) {
    tt <- t.test(post, pre, paired = TRUE)
    note(sprintf("[%s] t", label), unname(tt$statistic), ref$ttest$t)
    note(sprintf("[%s] t p", label), tt$p.value, ref$ttest$p)
    note(sprintf("[%s] ci95", label), tt$conf.int[1], ref$ci95[[1]])
    note(sprintf("[%s] ci95", label), tt$conf.int[2], ref$ci95[[2]])
  } else {
    note(sprintf("[%s] t", label), NA, ref$ttest$t)
  }
  w <- ref$wilcoxon
  if (sum(d != 0) == 0) {
    note(sprintf("[%s] wilcoxon p", label), NA, w$p)
    return(NA)
  }
  pratt <- options$zeroMethod == "pratt"
  hand <- signed_rank_z(d, pratt, options$continuity)
  exact <- identical(w$method, "exact")
  if (exact && (any(d == 0) || any(duplicated(abs(d))) || n > 50)) {
    problem("%s: exact path with zeros/ties/n > 50", label)
  }
  if (pratt && !exact) {
    p <- 2 * pnorm(-abs(hand$z))
  } else {
    wt <- wilcox.test(post, pre, paired = TRUE, exact = exact, correct = options$continuity)
    p <- wt$p.value
    v <- unname(wt$statistic) # R+ (R's V), the reference reports min(R+, R-)
    m <- hand$n_nonzero
    note(sprintf("[%s] wilcoxon statistic", label), min(v, m * (m + 1) / 2 - v), w$statistic)
    if (!exact && p > 0) {
      note(sprintf("[%s] |z| from R's p", label), qnorm(p / 2, lower.tail = FALSE), abs(w$z))
    }
  }
  note(sprintf("[%s] wilcoxon p", label), p, w$p)
  note(sprintf("[%s] z", label), hand$z, w$z)
  note(sprintf("[%s] r", label), hand$z / sqrt(n), ref$r)
  p
}

alpha <- function(m) {
  k <- ncol(m)
  k / (k - 1) * (1 - sum(apply(m, 2, var)) / var(rowSums(m)))
}

check_cohort <- function(scope, pre, post, ref, options, items) {
  ps <- c()
  for (i in seq_along(items)) {
    item <- items[i]
    both <- !is.na(pre[, item]) & !is.na(post[, item])
    ps[i] <- check_result(scope, pre[both, item], post[both, item], ref$items[[i]], options)
  }
  holm <- ps
  holm[!is.na(ps)] <- p.adjust(ps[!is.na(ps)], "holm")
  for (i in seq_along(items)) {
    note(sprintf("[%s %s] p_holm", scope, items[i]), holm[i], ref$items[[i]]$p_holm)
  }
  complete <- rowSums(is.na(pre[, items, drop = FALSE])) == 0 &
    rowSums(is.na(post[, items, drop = FALSE])) == 0
  pre_m <- as.matrix(pre[complete, items, drop = FALSE])
  post_m <- as.matrix(post[complete, items, drop = FALSE])
  check_result(scope, rowSums(pre_m), rowSums(post_m), ref$overall, options)
  note(sprintf("[%s] alpha", scope), alpha(pre_m), ref$alpha$pre)
  note(sprintf("[%s] alpha", scope), alpha(post_m), ref$alpha$post)
}

for (name in fixtures) {
  state$diffs <- list()
  state$problems <- c()
  options <- fromJSON(file.path(dir, paste0(name, ".options.json")))
  ref <- fromJSON(file.path(dir, paste0(name, ".reference.json")), simplifyVector = FALSE)
  csv <- file.path(dir, paste0(name, ".csv"))
  if (!file.exists(csv)) csv <- file.path(dir, paste0(sub("-[^-]*$", "", name), ".csv"))
  data <- read.csv(csv, colClasses = "character", na.strings = character(0))
  items <- grep("^q[0-9]+$", names(data), value = TRUE)
  for (item in items) {
    v <- as.numeric(ifelse(data[[item]] == "", NA, data[[item]]))
    if (item %in% options$reversed) v <- options$scale$min + options$scale$max - v
    data[[item]] <- v
  }
  pre_rows <- data[data$phase == "pre", ]
  post_rows <- data[data$phase == "post", ]
  rownames(pre_rows) <- pre_rows$learner
  rownames(post_rows) <- post_rows$learner
  learners <- unique(data$learner)
  paired <- intersect(pre_rows$learner, post_rows$learner)
  if (length(paired) != ref$n || length(learners) - length(paired) != ref$unmatched) {
    problem("n or unmatched differ")
  }
  check_cohort("all", pre_rows[paired, ], post_rows[paired, ], ref, options, items)
  for (column in options$by) {
    value_of <- setNames(ifelse(learners %in% pre_rows$learner, pre_rows[learners, column], ""),
                         learners)
    from_post <- value_of == "" & learners %in% post_rows$learner
    value_of[from_post] <- post_rows[learners[from_post], column]
    for (value in sort(unique(value_of), method = "radix")) {
      members <- paired[value_of[paired] == value]
      group <- ref$groups[[column]][[value]]
      scope <- sprintf("%s=%s", column, value)
      if (length(members) < options$minGroup) {
        if (!isTRUE(group$suppressed) || group$n != length(members)) {
          problem("%s: should be suppressed", scope)
        }
        next
      }
      unmatched <- sum(value_of == value) - length(members)
      if (isTRUE(group$suppressed) || group$unmatched != unmatched) {
        problem("%s: n/unmatched/suppression differ", scope)
      }
      check_cohort(scope, pre_rows[members, ], post_rows[members, ], group, options, items)
    }
  }
  cat(sprintf("%s: largest difference between R and the reference (absolute, relative)\n", name))
  for (key in sort(names(state$diffs))) {
    cat(sprintf("  %-20s %.3g  %.3g\n", key, state$diffs[[key]][1], state$diffs[[key]][2]))
  }
  if (length(state$problems) > 0) {
    cat(paste0("  PROBLEM ", state$problems, "\n"), sep = "")
    state$failed <- TRUE
  }
}
if (isTRUE(state$failed)) quit(status = 1)
