# Reference values for tests/test_design.py, computed with R's survey package.
# Regenerate: Rscript reference.R  (in this folder; writes reference.json)
library(survey)
d <- read.csv("stratified.csv", stringsAsFactors = FALSE)
out <- list()
designs <- list(
  stratified_fpc = svydesign(ids = ~1, strata = ~stratum, weights = ~w, fpc = ~N, data = d),
  stratified = svydesign(ids = ~1, strata = ~stratum, weights = ~w, data = d),
  weighted = svydesign(ids = ~1, weights = ~w, data = d)
)
for (name in names(designs)) {
  design <- designs[[name]]
  for (item in c("y1", "y2")) {
    sub <- subset(design, !is.na(d[[item]]))
    f <- as.formula(paste0("~", item))
    m <- svymean(f, sub, deff = TRUE)
    ci <- svyciprop(f, sub, method = "logit", level = 0.95)
    ci90 <- svyciprop(f, sub, method = "logit", level = 0.90)
    out[[paste(name, item, sep = ":")]] <- list(
      mean = unname(coef(m)), se = unname(as.numeric(SE(m))), deff = unname(deff(m)),
      low = unname(confint(ci)[1]), high = unname(confint(ci)[2]),
      low90 = unname(confint(ci90)[1]), high90 = unname(confint(ci90)[2])
    )
  }
}

# The ten weighted respondents of tests/test_weights.py (one did not answer).
small <- read.csv("weighted-small.csv")
design <- subset(svydesign(ids = ~1, weights = ~w, data = small), !is.na(small$y))
m <- svymean(~y, design, deff = TRUE)
ci <- svyciprop(~y, design, method = "logit")
out[["weighted-small:y"]] <- list(
  mean = unname(coef(m)), se = unname(as.numeric(SE(m))), deff = unname(deff(m)),
  low = unname(confint(ci)[1]), high = unname(confint(ci)[2])
)

# A numeric question (hours, with missing answers) under three designs, overall and per region:
# the mean, its SE and t interval on the design's df, the median (qrule "math") and the sd.
numeric <- read.csv("numeric.csv", stringsAsFactors = FALSE)
numeric_designs <- list(
  stratified_fpc = svydesign(ids = ~1, strata = ~stratum, weights = ~w, fpc = ~N, data = numeric),
  weighted = svydesign(ids = ~1, weights = ~w, data = numeric)
)
for (name in names(numeric_designs)) {
  for (region in c("all", "noord", "zuid")) {
    keep <- !is.na(numeric$uren) & (region == "all" | numeric$regio == region)
    sub <- subset(numeric_designs[[name]], keep)
    m <- svymean(~uren, sub)
    ci <- confint(m, df = degf(sub))
    q <- svyquantile(~uren, sub, 0.5, qrule = "math", ci = FALSE)
    out[[paste("numeric", name, region, sep = ":")]] <- list(
      mean = unname(coef(m)), se = unname(as.numeric(SE(m))),
      low = unname(ci[1]), high = unname(ci[2]),
      median = unname(as.numeric(q[[1]][1])),
      sd = sqrt(unname(as.numeric(coef(svyvar(~uren, sub)))))
    )
  }
}

writeLines(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "reference.json")
