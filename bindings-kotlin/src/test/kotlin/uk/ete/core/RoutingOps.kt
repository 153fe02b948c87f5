package uk.ete.core

import uk.ete.core.types.*

import org.json.JSONObject
import java.time.Instant
import java.time.LocalDate

/** The routing ops of tests/vectors/routing.json (T-1..T-8). */
object RoutingOps {
    private val at = Instant.parse("2026-11-24T09:00:00Z")

    private fun policy(input: JSONObject): RoutingPolicy = when {
        !input.has("policy") -> RoutingPolicy()
        input.get("policy") is String -> RoutingPolicy.fromJson(input.getString("policy"))
        else -> RoutingPolicy.fromJson(input.getJSONObject("policy").toString())
    }

    private fun org(o: JSONObject): Organisation {
        val attrs = o.optJSONObject("attributes")?.let { a -> a.keySet().associateWith { a.getString(it) } } ?: emptyMap()
        return Organisation(o.getString("kind"), o.getString("id"), attrs)
    }

    private fun files(input: JSONObject): List<TransferFile> {
        var out = input.getJSONArray("files").objects().map {
            TransferFile(it.getString("name"), if (it.isNull("recipient")) null else org(it.getJSONObject("recipient")),
                it.getString("role"), it.getString("description"), it.getString("category"))
        }
        val copy = input.optJSONArray("copy")
        for (i in 0 until (copy?.length() ?: 0)) {
            out = when (copy!!.getString(i)) {
                "recipient" -> copyFirstRecipient(out)
                "role" -> copyFirstRole(out)
                "description" -> copyFirstDescription(out)
                else -> throw AssertionError("unknown copy")
            }
        }
        return out
    }

    private fun planned(input: JSONObject): Pair<RoutingPolicy, TransferPlan> {
        val p = policy(input)
        return p to planTransfer(p, org(input.getJSONObject("sender")), input.getString("sent_by"), files(input))
    }

    fun run(op: String, input: JSONObject): Any? = when (op) {
        "decide" -> {
            val d = decide(policy(input), org(input.getJSONObject("sender")), org(input.getJSONObject("recipient")),
                input.getString("role"), input.getString("category"))
            val r = d.reason
            mapOf(
                "allowed" to d.allowed, "reason" to r.code(),
                "rule" to when (r) {
                    is Reason.Permitted -> r.rule
                    is Reason.Forbidden -> r.rule
                    is Reason.RuleError -> r.rule
                    else -> null
                },
                "accepted" to (r as? Reason.RoleNotAccepted)?.accepted,
            )
        }
        "policy_load" -> mapOf("rules" to JSONObject(policy(input).toJson()).getJSONArray("rules").length().toLong())
        "destinations" -> mapOf("destinations" to destinations(policy(input), org(input.getJSONObject("sender")))
            .map { mapOf("kind" to it.kind, "roles" to it.roles, "categories" to it.categories) })
        "plan" -> {
            val shown = planned(input).second
            mapOf("sendable" to shown.sendable(), "refusals" to shown.files.mapNotNull { f ->
                f.refusal?.let { mapOf("position" to f.position, "code" to it.code(), "reason" to (it as? Refusal.Denied)?.decision?.reason?.code()) }
            })
        }
        "transfer" -> {
            val (p, shown) = planned(input)
            val exchange = Exchange(p)
            val ids = exchange.confirm(shown, at)
            val recipients = shown.files.mapNotNull { it.file.recipient?.id }.toSet()
            mapOf("sent" to ids.size.toLong(), "inbox" to recipients.associateWith { exchange.inbox(it).size.toLong() })
        }
        "download" -> {
            val (p, shown) = planned(input)
            val exchange = Exchange(p)
            val ids = exchange.confirm(shown, at)
            val who = input.getString("downloader")
            val receipts = if (input.getBoolean("all")) exchange.downloadAll(who, "STAFF-9", at).size else {
                exchange.download(ids[0], who, "STAFF-9", at); 1
            }
            mapOf(
                "receipts" to receipts.toLong(), "new_after" to exchange.inbox(who).count { !it.downloaded }.toLong(),
                "audit_events" to exchange.events().size.toLong(),
            )
        }
        "referral" -> mapOf("valid_until" to checkReferral(LocalDate.parse(input.getString("assessed_on")), LocalDate.parse(input.getString("referral_on"))).toString())
        else -> null
    }
}
