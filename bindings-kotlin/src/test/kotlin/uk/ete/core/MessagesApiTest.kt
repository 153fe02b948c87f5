package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.time.Instant
import java.time.LocalDate

/** Text in English, Welsh and Polish, and certificates as PDF (W-1, W-2): a sample through Kotlin. */
class MessagesApiTest {
    private val everyLetter = "Ŵyn Ŷwain Âlis ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"

    private fun pdftotext(pdf: ByteArray): String {
        val process = ProcessBuilder("pdftotext", "-", "-").start()
        process.outputStream.use { it.write(pdf) }
        val text = process.inputStream.readBytes().toString(Charsets.UTF_8)
        assertEquals(0, process.waitFor())
        return text.split(Regex("\\s+")).filter { it.isNotEmpty() }.joinToString(" ")
    }

    @Test
    fun `plural forms follow each language`() {
        assertEquals(listOf("0 cwrs", "1 cwrs", "2 gwrs", "3 chwrs", "6 chwrs", "11 cwrs"), listOf(0uL, 1uL, 2uL, 3uL, 6uL, 11uL).map { coursesText(it, "cy").text })
        assertEquals(listOf("1 minuta", "2 minuty", "5 minut", "22 minuty"), listOf(1L, 2L, 5L, 22L).map { minutesText(it, "pl").text })
        assertEquals("2 hours 30 minutes", minutesText(150, "en").text)
        assertEquals("2 listopada 2026 r.", dateText(LocalDate.of(2026, 11, 2), "pl").text)
    }

    @Test
    fun `reasons, refusals, headings and the fallback`() {
        val t = creditReasonText(CreditReason.FAILED, "cy")
        assertEquals(Language.CY, t.language)
        assertEquals("Ni phasiwyd y cwrs: ni chaiff unrhyw amser ei gredydu.", t.text)
        val fallback = creditReasonText(CreditReason.FAILED, "fr")
        assertEquals(Language.EN, fallback.language)
        assertTrue(fallback.fellBack)
        assertEquals("Plik nie ma odbiorcy.", refusalText(Refusal.NoRecipient, "pl").text)
        assertTrue(routingReasonText(Reason.NoRulePermits, "cy").text.startsWith("Ni chaniateir"))
        assertEquals("Ukończone kursy", headingText("courses_completed", "pl")!!.text)
        assertNull(headingText("person_name", "en"))
        assertEquals("Rhanbarth", groupingText(Grouping.REGION, "cy-GB").text)
    }

    @Test
    fun `a certificate is a PDF in each language, and a batch gives one per credited completion`() {
        val c = portalCompletion("P-1", "Digital skills", Instant.parse("2026-11-02T14:05:00Z"), "Completed", 90, 120, firstName = "Ŵyn Ŷwain", lastName = "Âlis ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ")
        val decisions = creditBatch(listOf(c))
        for ((language, title) in listOf("en" to "Certificate of completion", "cy" to "Tystysgrif cwblhau", "pl" to "Zaświadczenie o ukończeniu kursu")) {
            val cert = certificate(c, decisions[0], language)!!
            val text = pdftotext(cert.toPdf(language))
            assertTrue(text.contains(title) && text.contains(everyLetter) && text.contains("Digital skills"), text)
            assertFalse(cert.toString().contains("Ŵyn"))
        }
        val failed = portalCompletion("P-2", "Food safety", Instant.parse("2026-11-02T15:00:00Z"), "Failed", 30, 60)
        val files = certificatePdfs(listOf(c, failed), creditBatch(listOf(c, failed)), mapOf("P-1" to "cy"), "en")
        assertEquals(listOf("P-1_2026-11-02_0.pdf"), files.map { it.fileName })
        assertTrue(pdftotext(files[0].pdf).contains("Tystysgrif cwblhau"))
    }
}
