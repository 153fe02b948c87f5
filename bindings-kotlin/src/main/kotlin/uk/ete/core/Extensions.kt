package uk.ete.core

import uk.ete.core.types.*

/** The stable code of a reason, as in JSON, CSV and the other languages: `within_guided_time`, ... */
val CreditReason.code: String get() = creditReasonCode(this)

/** A sentence for the administrator's notes. */
val CreditReason.explanation: String get() = creditReasonExplanation(this)

/** Whole minutes as `HH:MM`, e.g. `150L.asHoursAndMinutes() == "02:30"`. */
fun Long.asHoursAndMinutes(): String = formatMinutes(this)
