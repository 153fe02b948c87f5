package uk.ete.core

import uk.ete.core.types.*

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate

/** Training records through the Kotlin API: personal data stays out of toString and errors. */
class TrainingApiTest {
    private val name = "Zebedee"
    private val surname = "Quillfeather"
    private val phone = "07700 900123"
    private val on = LocalDate.of(2026, 11, 30)

    private fun file(): String = JSONObject(mapOf(
        "record" to mapOf(
            "learner" to "LRN-1",
            "details" to mapOf("forename" to name, "surname" to surname, "dateOfBirth" to "2010-05-04",
                "emergencyContacts" to listOf(mapOf("name" to "Mrs $surname", "relationship" to "parent", "phone" to phone))),
            "school" to "HMP-A", "provider" to "PRV-1", "cohort" to "C1", "course" to "CRS-1",
            "appraisals" to listOf(mapOf("id" to "A1", "author" to "TUT-1", "on" to "2026-11-01", "text" to "$name works well")),
            "assessments" to listOf(mapOf("id" to "AS-1", "subject" to "Mathematics", "on" to "2026-01-10", "outcome" to "Entry 3", "provider" to "PRV-1")),
        ),
    )).toString()

    private val policy = RoutingPolicy.fromJson("""{"kinds": ["prison", "employer"], "roles": ["education_manager", "support_worker"],
        "categories": ["training_record"], "rules": [{"id": "prison-to-prison", "effect": "permit", "from": "prison", "to": "prison",
        "roles": ["education_manager"]}]}""")

    private fun prison(id: String) = Organisation("prison", id, emptyMap())

    @Test
    fun `no personal data in toString or errors`() {
        val e = Establishment(prison("HMP-A"))
        e.insert(file())
        val row = e.row("LRN-1", on)
        assertEquals(surname, row.surname)
        val record = e.record("LRN-1")
        assertEquals(phone, record.details.emergencyContacts[0].phone)
        val shown = listOf(row.toString(), record.toString(), record.details.toString(), e.appraisals("LRN-1").toString(),
            e.listRecords(ListQuery(sort = SortKey.SURNAME), on).toString()).joinToString(" ")
        for (secret in listOf(name, surname, phone, "2010-05-04")) assertFalse(shown.contains(secret), "toString shows $secret")
        val refused = assertThrows<EteException.TransferRefused> {
            e.exportRecord("LRN-1", Organisation("employer", "EMP-1", emptyMap()), "support_worker", policy)
        }
        val malformed = assertThrows<EteException.MalformedInput> { e.insert(file().replace("\"Mathematics\"", "7")) }
        for (err in listOf(refused, malformed)) {
            for (secret in listOf(name, surname, phone)) assertFalse(err.toString().contains(secret), "error shows $secret")
        }
        assertTrue(refused.refusals.single().refusal is Refusal.Denied)
    }

    @Test
    fun `a moved record is equal, a second import changes nothing, the assessment is reused`() {
        val a = Establishment(prison("HMP-A"))
        a.insert(file())
        val doc = a.exportRecord("LRN-1", prison("HMP-B"), "education_manager", policy)
        val b = Establishment(prison("HMP-B"))
        assertEquals(MergeOutcome(1uL, 0uL), b.importRecord(doc))
        assertEquals(a.record("LRN-1"), b.record("LRN-1"))
        assertEquals(MergeOutcome(0uL, 0uL), b.importRecord(doc))
        val need = b.needsAssessment("LRN-1", "Mathematics", LocalDate.of(2027, 1, 10), AssessmentPolicy(12u))
        assertEquals(NeedDecision.REUSE, need.decision)
        assertEquals(NeedDecision.ASSESS, b.needsAssessment("LRN-1", "Mathematics", LocalDate.of(2027, 1, 11), AssessmentPolicy(12u)).decision)
        // A policy out of 1..=600 months is InvalidPolicy naming the field, the value and the range.
        for (months in listOf(0u, 601u, UInt.MAX_VALUE)) {
            val e = org.junit.jupiter.api.assertThrows<EteException.InvalidPolicy> {
                b.needsAssessment("LRN-1", "Mathematics", LocalDate.of(2027, 1, 10), AssessmentPolicy(months))
            }
            assertTrue(e.detail.contains("validMonths is $months: expected 1..=600"), e.detail)
        }
        assertThrows<EteException.NotRecipient> { Establishment(prison("HMP-C")).importRecord(doc) }
    }

    @Test
    fun `a withdrawal with a missing question is refused and changes nothing`() {
        val p = Placement("PL-1", "LRN-1", null)
        val at = java.time.Instant.parse("2026-11-02T09:00:00Z")
        val school = Actor(Role.SCHOOL, "S-1")
        p.execute(PlacementCommand("c1", school, at, PlacementAction.Apply(PlacementApplication(Tier.TIER1, "SCH-1", "PRV-1", "CRS-1",
            LocalDate.of(2026, 11, 2), LocalDate.of(2026, 9, 1)))))
        val before = p.toJson()
        val form = WithdrawalForm(LocalDate.of(2026, 12, 1), "Moved $surname", "S-1", null)
        val e = assertThrows<EteException.InvalidField> { p.execute(PlacementCommand("c2", school, at, PlacementAction.Withdraw(form))) }
        assertTrue(e.toString().contains("nextStep"))
        assertFalse(form.toString().contains(surname))
        assertEquals(before, p.toJson())
        assertEquals(PlacementStatus.APPLIED, p.status())
    }
}
