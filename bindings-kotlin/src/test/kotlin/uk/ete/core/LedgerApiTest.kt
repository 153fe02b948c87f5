package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant
import java.time.LocalDate
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

class LedgerApiTest {
    private val start = LocalDate.of(2026, 1, 5)
    private fun requirement(hours: Long = 40) = Requirement(RequirementTerms("R-1", "P-1", OrderKind.ADULT, hours * 60, start))
    private fun appointment(day: Int, minutes: Long, outcome: AppointmentOutcome = AppointmentOutcome.ATTENDED) =
        LedgerEntry(nextEntryId(), LocalDate.of(2026, 2, day), "SUP-1", LedgerEventKind.WorkAppointment(minutes, outcome))

    @Test
    fun `over allowance credit states the remaining allowance and changes nothing`() {
        val r = requirement()
        r.record(LedgerEntry(nextEntryId(), LocalDate.of(2026, 2, 1), "CA-1", LedgerEventKind.EteCredit(700, "Budgeting")))
        val e = assertThrows<EteException.EteAllowanceExceeded> {
            r.record(LedgerEntry(nextEntryId(), LocalDate.of(2026, 2, 2), "CA-1", LedgerEventKind.EteCredit(30, "CV writing")))
        }
        assertTrue(e.detail.contains("00:20 of the ETE allowance remain"), e.detail)
        assertEquals(1uL, r.entryCount())
        assertEquals(EteFit(20, 10), r.eteFit(30))
    }

    @Test
    fun `an entry without an id is refused, so a retry is recorded once`() {
        val r = requirement()
        val e = assertThrows<EteException.InvalidField> {
            r.record(LedgerEntry(null, LocalDate.of(2026, 2, 3), "SUP-1", LedgerEventKind.Extension(1u)))
        }
        assertTrue(e.detail.contains("id"), e.detail)
        val entry = appointment(3, 60)
        r.record(entry)
        r.record(entry)
        assertEquals(1uL, r.entryCount())
    }

    @Test
    fun `a batch applies whole or not at all`() {
        val r = requirement()
        assertThrows<EteException.OutOfOrder> { r.recordAll(listOf(appointment(3, 60), appointment(1, 60))) }
        assertEquals(0uL, r.entryCount())
        assertThrows<EteException.InvalidMinutes> { r.record(appointment(3, -5)) }
        assertEquals(0uL, r.entryCount())
    }

    @Test
    fun `status has the incentive figures and the json form restores exactly`() {
        val r = Requirement(RequirementTerms("R-1", "P-1", OrderKind.ADULT, 2400, start, incentiveEligible = true))
        r.record(appointment(3, 700))
        r.record(appointment(4, 0, AppointmentOutcome.UNACCEPTABLE_ABSENCE))
        val status = r.status(LocalDate.of(2026, 3, 1))
        assertEquals(IncentiveState.DISQUALIFIED, status.incentive.state)
        assertEquals(50L, status.incentive.currentDiscount)
        assertEquals(1650L, status.remaining)
        val back = Requirement.fromJson(r.toJson())
        assertEquals(r.toJson(), back.toJson())
        assertEquals(status, back.status(LocalDate.of(2026, 3, 1)))
    }

    @Test
    fun `eight threads recording on one requirement keep every entry`() {
        val r = requirement(300)
        val pool = Executors.newFixedThreadPool(8)
        repeat(8) { pool.submit { repeat(500) { r.record(appointment(3, 1)) } } }
        pool.shutdown()
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS))
        assertEquals(4000uL, r.entryCount())
        assertEquals(4000L, r.status(LocalDate.of(2026, 3, 1)).completed)
    }

    @Test
    fun `reports, notifications, certificates and the evidence export`() {
        val c = portalCompletion("P-1", "Budgeting", Instant.parse("2026-03-02T10:00:00Z"), "Completed", 500, 600, firstName = "Alex", lastName = "Example")
        val other = portalCompletion("P-2", "CV writing", Instant.parse("2026-03-02T11:00:00Z"), "Completed", 30, 60)
        val decisions = creditAgainstRequirements(listOf(c, other), listOf(requirement()))
        assertEquals(listOf("R-1", null), decisions.map { it.requirementId })
        assertEquals(CreditReason.NO_REQUIREMENT, decisions[1].reason)
        val report = completionReport(listOf(c, other), decisions, mapOf("P-1" to "PR-1"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Grouping.PRACTITIONER)
        assertEquals(listOf("PR-1", "unassigned"), report.rows.map { it.group })
        assertTrue(completionReportCsv(report).lines().last { it.isNotBlank() }.startsWith("total,2,2,500,"))
        val notes = practitionerNotifications(listOf(c, other), decisions, mapOf("P-1" to "PR-1"), Instant.parse("2026-03-01T00:00:00Z"))
        assertEquals(listOf("PR-1", "unassigned"), notes.map { it.practitioner })
        val cert = certificate(c, decisions[0], "cy")!!
        assertEquals("Alex Example", cert.personName)
        assertFalse(cert.toString().contains("Alex"))
        assertNull(certificate(portalCompletion("P-1", "X", Instant.parse("2026-03-02T10:00:00Z"), "Failed", 5, 60), decisions[0], "en"))
        val evidence = ndeliusEvidenceCsv(decisions).lines()
        assertTrue(evidence[1].startsWith("P-1,R-1,Budgeting,2026-03-02,credit,08:20,within_guided_time,"), evidence[1])
        assertEquals("delivered 120:00 of 155:00 (77.4%)", deliveryAgainstTarget(7200, 6000, 155u).toString())
    }
}
