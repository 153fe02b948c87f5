package uk.ete.core

/** Whole minutes as `HH:MM`, e.g. `150L.asHoursAndMinutes() == "02:30"`. */
fun Long.asHoursAndMinutes(): String = formatMinutes(this)
