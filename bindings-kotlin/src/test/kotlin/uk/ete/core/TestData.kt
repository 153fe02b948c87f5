package uk.ete.core

import uk.ete.core.types.*

import java.time.Instant
import java.time.LocalDate

/** A completion (core's `CompletionFields`) with the portal's required fields first. */
fun portalCompletion(
    ref: String, course: String, at: Instant, status: String, actual: Long, guided: Long,
    firstName: String = "", lastName: String = "", email: String = "", dateOfBirth: LocalDate? = null,
): Completion = Completion(
    externalReference = ref, courseName = course, completionDateTime = at,
    status = CompletionStatus.valueOf(status.uppercase()), totalTimeMinutes = actual, expectedTimeMinutes = guided,
    firstName = firstName, lastName = lastName, email = email, dateOfBirth = dateOfBirth,
)

private val entryIds = java.util.concurrent.atomic.AtomicLong()

/** A fresh ledger entry id: `Requirement.record` refuses an entry without one. */
fun nextEntryId(): String = "e-${entryIds.incrementAndGet()}"
