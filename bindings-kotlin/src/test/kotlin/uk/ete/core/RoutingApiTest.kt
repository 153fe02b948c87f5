package uk.ete.core

import uk.ete.core.types.*

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant
import java.time.LocalDate
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

class RoutingApiTest {
    private val at = Instant.parse("2026-11-24T09:00:00Z")
    private val hub = Organisation("hub", "CAP")
    private val school = Organisation("school", "SCH-1")
    private val provider = Organisation("provider", "PRV-1")
    private fun file(to: Organisation?) = TransferFile("note.pdf", to, "dsl", "CFC JN", "safeguarding_concern")

    @Test
    fun `reasons are a sealed class`() {
        val d = decide(RoutingPolicy(), school, provider, "dsl", "risk_assessment")
        assertFalse(d.allowed)
        val rule = when (val r = d.reason) {
            is Reason.Forbidden -> r.rule
            is Reason.Permitted, is Reason.NoRulePermits, is Reason.RoleNotAccepted, is Reason.RuleError -> null
            is Reason.UnknownKind, is Reason.UnknownRole, is Reason.UnknownCategory -> null
        }
        assertEquals("no-school-to-provider", rule)
        assertEquals("forbidden by rule \"no-school-to-provider\"", d.reason.text())
    }

    @Test
    fun `a refused transfer sends nothing and lists every refusal`() {
        val policy = RoutingPolicy()
        val shown = planTransfer(policy, school, "T-1", listOf(file(hub), file(provider), file(null)))
        val exchange = Exchange(policy)
        val e = assertThrows<EteException.TransferRefused> { exchange.confirm(shown, at) }
        assertEquals(listOf(1L to "denied", 2L to "no_recipient"), e.refusals.map { it.position to it.refusal.code() })
        assertTrue(exchange.inbox("CAP").isEmpty())
        assertTrue(exchange.events().isEmpty())
    }

    @Test
    fun `only the recipient downloads, with a receipt`() {
        val policy = RoutingPolicy()
        val exchange = Exchange(policy)
        val id = exchange.confirm(planTransfer(policy, hub, "CAP-7", listOf(file(school))), at).single()
        assertThrows<EteException.NotRecipient> { exchange.download(id, "PRV-1", "P-1", at) }
        val receipt = exchange.download(id, "SCH-1", "T-9", at)
        assertEquals(Receipt(id, "SCH-1", "T-9", at), receipt)
        assertTrue(exchange.events().last().kind is ExchangeEventKind.Downloaded)
        assertEquals(exchange.toJson(), Exchange.fromJson(exchange.toJson()).toJson())
    }

    @Test
    fun `the exchange is an aggregate - a retried id changes nothing and its events replay`() {
        val policy = RoutingPolicy()
        val exchange = Exchange(policy)
        val send = ExchangeCommand("send-1", "CAP-7", at, ExchangeAction.Send(hub, listOf(file(school), file(school))))
        assertEquals(2, exchange.execute(send).size)
        assertTrue(exchange.execute(send).isEmpty())
        assertEquals(2, exchange.inbox("SCH-1").size)
        val download = ExchangeCommand("dl-1", "T-9", at, ExchangeAction.Download(1uL, "SCH-1"))
        assertEquals(1, exchange.execute(download).size)
        assertTrue(exchange.execute(download).isEmpty())
        val other = ExchangeCommand("dl-1", "T-9", at, ExchangeAction.Download(2uL, "SCH-1"))
        val e = assertThrows<EteException.InvalidField> { exchange.execute(other) }
        assertTrue(e.detail.contains("command id"), e.detail)
        assertEquals(listOf("send-1", "send-1", "dl-1"), exchange.events().map { it.command })
        assertEquals(exchange.toJson(), Exchange.replay(exchange.events(), policy).toJson())
        val forged = exchange.events().map { ev ->
            val k = ev.kind
            if (k is ExchangeEventKind.Downloaded) ev.copy(kind = ExchangeEventKind.Downloaded(k.fileId, "PRV-1")) else ev
        }
        val refused = assertThrows<EteException.MalformedInput> { Exchange.replay(forged) }
        assertTrue(refused.message!!.contains("event 2"), refused.message)
    }

    @Test
    fun `one exchange shared by eight threads keeps every file`() {
        val policy = RoutingPolicy()
        val exchange = Exchange(policy)
        val shown = planTransfer(policy, hub, "CAP-7", listOf(file(school)))
        val pool = Executors.newFixedThreadPool(8)
        repeat(8) { pool.submit { repeat(200) { exchange.confirm(shown, at) } } }
        pool.shutdown()
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS))
        val items = exchange.inbox("SCH-1")
        assertEquals(1600, items.size)
        assertEquals(1600, items.map { it.file.id }.toSet().size)
    }

    @Test
    fun `a risk assessment too old names the last valid day`() {
        val e = assertThrows<EteException.RiskAssessmentTooOld> { checkReferral(LocalDate.of(2026, 11, 30), LocalDate.of(2027, 3, 1)) }
        assertTrue(e.detail.contains("2027-02-28"), e.detail)
    }
}
