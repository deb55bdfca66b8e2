# A stratified municipal survey with a grouping column, and R survey's Rao-Scott tests
# of group differences on it, for tests/test_group_tests.py.
# Regenerate: Rscript groups.R  (in this folder; writes groups.csv and groups.json)
library(survey)
set.seed(4321)
sizes <- c(G4 = 4, G32 = 32, "100k+" = 30, overig = 324)
taken <- c(G4 = 4, G32 = 20, "100k+" = 18, overig = 78)
rows <- list()
for (s in names(sizes)) {
  n <- taken[[s]]
  regio <- sample(c("noord", "oost", "west"), n, replace = TRUE, prob = c(0.3, 0.3, 0.4))
  p <- c(noord = 0.35, oost = 0.5, west = 0.6)[regio]
  antwoord <- ifelse(runif(n) < p, "Ja", ifelse(runif(n) < 0.5, "Nee", "Deels"))
  antwoord[runif(n) < 0.08] <- NA
  optie <- as.integer(runif(n) < p - 0.1)
  optie[runif(n) < 0.1] <- NA
  rows[[s]] <- data.frame(
    id = paste0(s, "-", seq_len(n)), stratum = s, N = sizes[[s]],
    w = round(sizes[[s]] / n * runif(n, 0.8, 1.25), 6),
    regio = regio, antwoord = antwoord, optie = optie
  )
}
d <- do.call(rbind, rows)
write.csv(d, "groups.csv", row.names = FALSE, na = "")
designs <- list(
  stratified_fpc = svydesign(ids = ~1, strata = ~stratum, weights = ~w, fpc = ~N, data = d),
  stratified = svydesign(ids = ~1, strata = ~stratum, weights = ~w, data = d),
  weighted = svydesign(ids = ~1, weights = ~w, data = d)
)
out <- list()
for (name in names(designs)) {
  for (item in c("antwoord", "optie")) {
    test <- svychisq(as.formula(paste("~regio +", item)), designs[[name]])
    out[[paste(name, item, sep = ":")]] <- list(
      statistic = unname(test$statistic), ndf = unname(test$parameter[1]),
      ddf = unname(test$parameter[2]), p = test$p.value
    )
  }
}
writeLines(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "groups.json")
