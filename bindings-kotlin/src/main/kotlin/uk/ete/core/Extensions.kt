package uk.ete.core

/** Whole minutes as `HH:MM`, e.g. `150L.asHoursAndMinutes() == "02:30"`. */
fun Long.asHoursAndMinutes(): String = formatMinutes(this)

/**
 * The certificate as a one-page A4 PDF in [language] (a BCP-47 tag: `en`, `cy`, `pl`; any other
 * gives the English page), e.g. `File("c.pdf").writeBytes(certificate.toPdf("cy"))` (H-15, W-2).
 */
fun uk.ete.core.types.Certificate.toPdf(language: String): ByteArray = certificatePdf(this, language)
