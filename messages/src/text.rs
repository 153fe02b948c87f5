//! The text of each of core's codes and values, in a language: one function per kind of text.

use chrono::{Datelike, NaiveDate};
use chrono_tz::Europe::London;
use ete_core::Minutes;
use ete_core::hours::{
    self, Certificate, CreditDecision, CreditReason, Delivery, Grouping, Notification, ReportError,
};
use ete_core::language::{Language, LocalText};
use ete_core::register::MarkReason;
use ete_core::routing::{Reason, Refusal};

use crate::bundle::{Arg, format, negotiate};

/// `prefix-code` with the code's `_` written `-`: the message id of a code.
fn id(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

/// Formats in the language negotiated for `tag`, keeping the fallback flag.
fn local(tag: &str, f: impl FnOnce(Language) -> String) -> LocalText {
    let (language, fell_back) = negotiate(tag);
    LocalText {
        text: f(language),
        language,
        fell_back,
    }
}

/// A credit reason as a sentence for the person's file or the practitioner (H-8, W-1).
///
/// ```
/// use ete_core::hours::CreditReason;
/// use ete_messages::credit_reason_text;
///
/// let t = credit_reason_text(CreditReason::CappedAtGuidedTime, "en");
/// assert!(t.text.starts_with("Over the guided learning time"));
/// ```
pub fn credit_reason_text(reason: CreditReason, tag: &str) -> LocalText {
    local(tag, |l| format(l, &id("credit-reason", reason.code()), &[]))
}

fn routing_reason(reason: &Reason, language: Language) -> String {
    let message = id("routing-reason", reason.code());
    match reason {
        Reason::Permitted { rule } | Reason::Forbidden { rule } => {
            format(language, &message, &[("rule", Arg::Text(rule))])
        }
        Reason::NoRulePermits => format(language, &message, &[]),
        Reason::RoleNotAccepted { accepted } => format(
            language,
            &message,
            &[("accepted", Arg::Text(&accepted.join(", ")))],
        ),
        Reason::RuleError { rule, detail } => format(
            language,
            &message,
            &[("rule", Arg::Text(rule)), ("detail", Arg::Text(detail))],
        ),
        Reason::UnknownKind { party, kind } => format(
            language,
            &message,
            &[("party", Arg::Text(party)), ("kind", Arg::Text(kind))],
        ),
        Reason::UnknownRole { role } => format(language, &message, &[("role", Arg::Text(role))]),
        Reason::UnknownCategory { category } => {
            format(language, &message, &[("category", Arg::Text(category))])
        }
    }
}

/// Why a route is allowed or denied, as a sentence (T-1..T-4, W-1).
pub fn routing_reason_text(reason: &Reason, tag: &str) -> LocalText {
    local(tag, |l| routing_reason(reason, l))
}

/// Why a file cannot be sent, as a sentence (T-5..T-7, W-1).
pub fn refusal_text(refusal: &Refusal, tag: &str) -> LocalText {
    local(tag, |l| {
        let message = id("refusal", refusal.code());
        match refusal {
            Refusal::Denied { decision } => format(
                l,
                &message,
                &[("reason", Arg::Text(&routing_reason(&decision.reason, l)))],
            ),
            Refusal::NoRecipient => format(l, &message, &[]),
            Refusal::BadDescription { detail } => {
                format(l, &message, &[("detail", Arg::Text(detail))])
            }
            Refusal::UnknownCategory { category } => {
                format(l, &message, &[("category", Arg::Text(category))])
            }
        }
    })
}

/// Whether a role may set a register mark, and why not, as a sentence (R-2, R-3, W-1). The
/// lesson's end is shown in UK time.
pub fn mark_reason_text(reason: &MarkReason, tag: &str) -> LocalText {
    local(tag, |l| {
        let message = id("mark-reason", reason.code());
        match reason {
            MarkReason::Allowed => format(l, &message, &[]),
            MarkReason::LessonNotFinished { ends_at } => {
                let local_end = ends_at.with_timezone(&London);
                let time = local_end.format("%H:%M").to_string();
                let date = date_in(local_end.date_naive(), l);
                format(
                    l,
                    &message,
                    &[("time", Arg::Text(&time)), ("date", Arg::Text(&date))],
                )
            }
            MarkReason::RoleMayNotSet { role, mark } => format(
                l,
                &message,
                &[
                    ("role", Arg::Text(role.code())),
                    ("mark", Arg::Text(mark.code())),
                ],
            ),
            MarkReason::NotUnexplained { current } => {
                let current = match current {
                    Some(mark) => mark.code().to_owned(),
                    None => format(l, "mark-unmarked", &[]),
                };
                format(l, &message, &[("current", Arg::Text(&current))])
            }
            MarkReason::AlreadyProcessed { decision } => {
                format(l, &message, &[("decision", Arg::Text(decision.code()))])
            }
            MarkReason::NotOnRegister { learner } => {
                format(l, &message, &[("learner", Arg::Text(learner))])
            }
        }
    })
}

/// A report column's heading (`courses_completed`: "Courses completed"), for the codes of
/// [`CompletionReport::COLUMNS`](ete_core::hours::CompletionReport::COLUMNS) and
/// [`EVIDENCE_COLUMNS`](ete_core::hours::EVIDENCE_COLUMNS); `None` for any other code.
pub fn heading_text(column: &str, tag: &str) -> Option<LocalText> {
    let known = hours::CompletionReport::COLUMNS
        .iter()
        .chain(hours::EVIDENCE_COLUMNS.iter())
        .any(|c| *c == column);
    known.then(|| local(tag, |l| format(l, &id("heading", column), &[])))
}

/// A report grouping's name (H-13, W-1).
pub fn grouping_text(grouping: Grouping, tag: &str) -> LocalText {
    local(tag, |l| format(l, &id("grouping", grouping.code()), &[]))
}

fn minutes_in(minutes: Minutes, language: Language) -> String {
    let total = minutes.get();
    let (h, m) = (
        total.checked_div(60).unwrap_or(0),
        total.checked_rem(60).unwrap_or(0),
    );
    let hours = format(language, "hours", &[("n", Arg::Number(h))]);
    let mins = format(language, "minutes", &[("n", Arg::Number(m))]);
    match (h, m) {
        (0, _) => mins,
        (_, 0) => hours,
        _ => format(
            language,
            "duration",
            &[("hours", Arg::Text(&hours)), ("minutes", Arg::Text(&mins))],
        ),
    }
}

/// A duration in words, with each language's plural forms: `2 hours 30 minutes`,
/// `2 awr 30 munud`, `2 godziny 30 minut` (W-1). Evidence CSVs keep `HH:MM`.
pub fn minutes_text(minutes: Minutes, tag: &str) -> LocalText {
    local(tag, |l| minutes_in(minutes, l))
}

/// A number of courses in words, with each language's plural forms: `3 courses`, `3 chwrs`,
/// `5 kursów` (W-1).
pub fn courses_text(count: u64, tag: &str) -> LocalText {
    local(tag, |l| format(l, "courses", &[("n", Arg::Number(count))]))
}

fn date_in(date: NaiveDate, language: Language) -> String {
    let month = format(language, &format!("month-{}", date.month()), &[]);
    format(
        language,
        "date",
        &[
            ("day", Arg::Text(&date.day().to_string())),
            ("month", Arg::Text(&month)),
            ("year", Arg::Text(&date.year().to_string())),
        ],
    )
}

/// A date as the language writes it: `2 November 2026`, `2 Tachwedd 2026`,
/// `2 listopada 2026 r.` (W-1).
///
/// ```
/// use chrono::NaiveDate;
/// use ete_messages::date_text;
///
/// let d = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
/// assert_eq!(date_text(d, "pl").text, "2 listopada 2026 r.");
/// ```
pub fn date_text(date: NaiveDate, tag: &str) -> LocalText {
    local(tag, |l| date_in(date, l))
}

/// What a practitioner is told: how many of their people's courses were completed since the last
/// report (H-14, W-1).
pub fn notification_text(notification: &Notification, tag: &str) -> LocalText {
    let count = u64::try_from(notification.decisions.len()).unwrap_or(u64::MAX);
    local(tag, |l| {
        format(
            l,
            "notification",
            &[
                ("practitioner", Arg::Text(&notification.practitioner)),
                ("count", Arg::Number(count)),
            ],
        )
    })
}

/// A region's delivery against its target, with durations in words and the percentage as the
/// language writes it (`77.4%`, `77,4%`) (H-16, W-1).
pub fn delivery_text(delivery: &Delivery, tag: &str) -> LocalText {
    local(tag, |l| {
        let whole = (delivery.achieved_tenths.checked_div(10).unwrap_or(0)).to_string();
        let tenth = (delivery.achieved_tenths.checked_rem(10).unwrap_or(0)).to_string();
        let percent = format(
            l,
            "percent",
            &[("whole", Arg::Text(&whole)), ("tenth", Arg::Text(&tenth))],
        );
        format(
            l,
            "delivery",
            &[
                ("delivered", Arg::Text(&minutes_in(delivery.delivered, l))),
                ("target", Arg::Text(&minutes_in(delivery.target, l))),
                ("percent", Arg::Text(&percent)),
            ],
        )
    })
}

/// The nDelius evidence export with the `notes` column in the language for `tag`: the columns,
/// codes, dates and `HH:MM` minutes stay the nDelius form ([`hours::ndelius_evidence_csv`]).
pub fn evidence_csv(decisions: &[CreditDecision], tag: &str) -> Result<String, ReportError> {
    let (language, _) = negotiate(tag);
    hours::ndelius_evidence_csv_with(decisions, |reason| {
        format(language, &id("credit-reason", reason.code()), &[])
    })
}

/// The lines of a completion certificate in a language (H-15, W-2): everything the printed page
/// shows, in order. `Debug` leaves out the name.
#[derive(Clone, PartialEq, Eq)]
pub struct CertificateLines {
    /// The language the lines are in.
    pub language: Language,
    /// Whether the language asked for was unknown, so the lines fell back to English.
    pub fell_back: bool,
    /// "Certificate of completion".
    pub title: String,
    /// "This is to certify that".
    pub awarded_to: String,
    /// The person's name (personal data: only ever on the page).
    pub name: String,
    /// "has completed the course".
    pub completed: String,
    /// The course.
    pub course: String,
    /// "Provider: …".
    pub provider: String,
    /// "Completed on: …", the date as the language writes it.
    pub completed_on: String,
    /// "Time credited: …", the duration in words.
    pub credited: String,
    /// "Region: …".
    pub region: String,
    /// The closing sentence.
    pub footer: String,
}

impl std::fmt::Debug for CertificateLines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CertificateLines")
            .field("language", &self.language)
            .field("fell_back", &self.fell_back)
            .field("course", &self.course)
            .finish_non_exhaustive()
    }
}

/// The certificate's lines in the language for `tag` (H-15, W-2).
pub fn certificate_lines(certificate: &Certificate, tag: &str) -> CertificateLines {
    let (l, fell_back) = negotiate(tag);
    let line = |id: &str, name: &str, value: &str| format(l, id, &[(name, Arg::Text(value))]);
    CertificateLines {
        language: l,
        fell_back,
        title: format(l, "certificate-title", &[]),
        awarded_to: format(l, "certificate-awarded-to", &[]),
        name: certificate.person_name.clone(),
        completed: format(l, "certificate-completed", &[]),
        course: certificate.course_name.clone(),
        provider: line("certificate-provider", "provider", &certificate.provider),
        completed_on: line(
            "certificate-completed-on",
            "date",
            &date_in(certificate.completed_on, l),
        ),
        credited: line(
            "certificate-credited",
            "duration",
            &minutes_in(certificate.credited, l),
        ),
        region: line("certificate-region", "region", &certificate.region),
        footer: format(l, "certificate-footer", &[]),
    }
}
