# Three waves of a municipal survey and the reference values of their comparison,
# for tests/test_changes.py. Base R only (stats): prop.trend.test, prop.test,
# binom.test (exact McNemar) and t.test (Welch, and paired for the panel).
# Regenerate: Rscript reference.R  (in this folder; writes the CSVs and reference.json)
set.seed(20141517)
codes <- sprintf("GM%04d", sample(1:1999, 120))
panel <- codes[1:80]
wave <- function(year, members, share, fte_mean) {
  n <- length(members)
  ja <- rbinom(n, 1, share)
  fte <- round(rgamma(n, shape = 4, rate = 4 / fte_mean), 1)
  data.frame(
    gemeentecode = members,
    `Samenwerking met UWV` = ifelse(ja == 1, "Ja", "Nee"),
    `Aantal fte in het team` = fte,
    check.names = FALSE
  )
}
w2014 <- wave(2014, panel, 0.45, 6)
w2015 <- wave(2015, codes[41:120], 0.55, 7)
# 2017: the same 80 municipalities as 2014, most keeping their answer
w2017 <- w2014
flip <- runif(80)
w2017$`Samenwerking met UWV` <- ifelse(
  w2014$`Samenwerking met UWV` == "Nee" & flip < 0.35, "Ja",
  ifelse(w2014$`Samenwerking met UWV` == "Ja" & flip < 0.08, "Nee", w2014$`Samenwerking met UWV`)
)
w2017$`Aantal fte in het team` <- round(w2014$`Aantal fte in het team` * runif(80, 0.9, 1.4), 1)
w2017 <- w2017[sample(80), ]
write.csv(w2014, "monitor_2014.csv", row.names = FALSE)
write.csv(w2015, "monitor_2015.csv", row.names = FALSE)
write.csv(w2017, "monitor_2017.csv", row.names = FALSE)

waves <- list(w2014, w2015, w2017)
years <- c(2014, 2015, 2017)
ja <- sapply(waves, function(w) sum(w$`Samenwerking met UWV` == "Ja"))
n <- sapply(waves, nrow)
trend_years <- prop.trend.test(ja, n, score = years)
trend_positions <- prop.trend.test(ja, n)
across <- prop.test(ja, n)
matched <- merge(w2014, w2017, by = "gemeentecode")
a <- matched$`Samenwerking met UWV.x` == "Ja"
b <- matched$`Samenwerking met UWV.y` == "Ja"
discordant <- c(sum(a & !b), sum(!a & b))
mcnemar <- binom.test(min(discordant), sum(discordant))
welch <- t.test(w2017$`Aantal fte in het team`, w2014$`Aantal fte in het team`)
welch90 <- t.test(w2017$`Aantal fte in het team`, w2014$`Aantal fte in het team`, conf.level = 0.9)
paired_t <- t.test(matched$`Aantal fte in het team.y`, matched$`Aantal fte in het team.x`, paired = TRUE)
out <- list(
  ja = ja, n = n,
  trend = list(statistic = unname(trend_years$statistic), p = trend_years$p.value),
  trend_positions = list(statistic = unname(trend_positions$statistic), p = trend_positions$p.value),
  across = list(statistic = unname(across$statistic), df = unname(across$parameter), p = across$p.value),
  panel = list(
    table = c(sum(a & b), sum(a & !b), sum(!a & b), sum(!a & !b)),
    mcnemar_p = mcnemar$p.value
  ),
  welch = list(
    diff = unname(welch$estimate[1] - welch$estimate[2]), p = welch$p.value,
    df = unname(welch$parameter), low = welch$conf.int[1], high = welch$conf.int[2],
    low90 = welch90$conf.int[1], high90 = welch90$conf.int[2]
  ),
  paired_t = list(
    diff = unname(paired_t$estimate), p = paired_t$p.value, df = unname(paired_t$parameter),
    low = paired_t$conf.int[1], high = paired_t$conf.int[2]
  )
)
writeLines(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "reference.json")
