# A weighted, stratified municipal panel (2018 and 2020) with a partial overlap, and R
# survey's design-based paired and independent analyses, for tests/test_changes.py.
# Regenerate: Rscript panel.R  (in this folder; writes panel_2018.csv, panel_2020.csv,
# panel-design.yaml and panel.json)
library(survey)
set.seed(2018)
sizes <- c(G4 = 4, G32 = 32, overig = 300)
make <- function(codes, strata, share) {
  n <- length(codes)
  data.frame(
    gemeentecode = codes, stratum = strata,
    w = round(unname(sizes[strata]) / as.numeric(table(strata)[strata]) * runif(n, 0.9, 1.1), 6),
    `Samenwerking met UWV` = ifelse(runif(n) < share, "Ja", "Nee"),
    check.names = FALSE
  )
}
codes <- sprintf("GM%04d", sample(1:1999, 140))
strata <- c(rep("G4", 4), rep("G32", 26), rep("overig", 110))
first <- make(codes[1:120], strata[1:120], 0.4)
# 2020: 100 of the 2018 municipalities again (most keep their answer), and 20 new ones
again <- first[1:100, ]
flip <- runif(100)
again$`Samenwerking met UWV` <- ifelse(
  again$`Samenwerking met UWV` == "Nee" & flip < 0.3, "Ja",
  ifelse(again$`Samenwerking met UWV` == "Ja" & flip < 0.1, "Nee", again$`Samenwerking met UWV`))
again$w <- round(again$w * runif(100, 0.95, 1.05), 6)
second <- rbind(again, make(codes[121:140], strata[121:140], 0.6))
second$`Samenwerking met UWV`[5] <- NA  # a panel member without an answer in 2020
write.csv(first, "panel_2018.csv", row.names = FALSE, na = "")
write.csv(second, "panel_2020.csv", row.names = FALSE, na = "")
writeLines(sprintf("%s: %d", names(sizes), sizes), "panel-design.yaml")

first$N <- unname(sizes[first$stratum]); second$N <- unname(sizes[second$stratum])
d1 <- svydesign(ids = ~1, strata = ~stratum, weights = ~w, fpc = ~N, data = first)
d2 <- svydesign(ids = ~1, strata = ~stratum, weights = ~w, fpc = ~N, data = second)
y1 <- first$`Samenwerking met UWV` == "Ja"
y2 <- second$`Samenwerking met UWV`[match(first$gemeentecode, second$gemeentecode)] == "Ja"
paired <- !is.na(y1) & !is.na(y2)
d1 <- update(d1, diff = ifelse(paired, as.numeric(y2) - as.numeric(y1), NA))
sub <- subset(d1, paired)
m <- svymean(~diff, sub)
ci <- confint(m, df = degf(sub))
tt <- svyttest(diff ~ 0, sub)
# the independent part: each wave's respondents outside the pairs, as a domain of its design
only1 <- !paired & !is.na(y1)
in2 <- second$gemeentecode %in% first$gemeentecode[paired]
only2 <- !in2 & !is.na(second$`Samenwerking met UWV`)
d1 <- update(d1, ja = as.numeric(y1))
d2 <- update(d2, ja = as.numeric(second$`Samenwerking met UWV` == "Ja"))
part <- function(design, keep) {
  sub <- subset(design, keep)
  m <- svymean(~ja, sub)
  ci <- svyciprop(~ja, sub, method = "logit")
  list(percent = 100 * unname(coef(m)), se = 100 * unname(SE(m)[1]),
       low = 100 * unname(confint(ci)[1]), high = 100 * unname(confint(ci)[2]))
}
out <- list(
  paired_n = sum(paired),
  paired = list(diff = 100 * unname(coef(m)), se = 100 * unname(SE(m)[1]),
                low = 100 * ci[1], high = 100 * ci[2], p = unname(tt$p.value),
                df = unname(tt$parameter)),
  first_only = part(d1, only1), last_only = part(d2, only2)
)
writeLines(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "panel.json")
