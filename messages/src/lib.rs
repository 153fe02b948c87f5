//! # ETE Messages
//!
//! Every sentence ETE Core shows a person — reasons, refusals, report headings, notifications,
//! certificate lines — in English, Welsh and Polish (W-1), written with
//! [Project Fluent](https://projectfluent.org) so that counts and durations follow each
//! language's plural rules (Welsh six forms, Polish four), never string pasting.
//!
//! ## One home for text
//!
//! - **Codes are the machine interface.** Core decides and returns codes
//!   ([`CreditReason`](ete_core::hours::CreditReason), [`Reason`](ete_core::routing::Reason),
//!   …). The text of a code in a language is a view of that code, and every such text lives in
//!   this crate's message files, `ftl/en.ftl`, `ftl/cy.ftl` and `ftl/pl.ftl`, compiled in with
//!   `include_str!` (no file is read at run time). One message id per code: `credit-reason-*`,
//!   `routing-reason-*`, `refusal-*`, `mark-reason-*`, `heading-*`, `grouping-*`,
//!   `certificate-*`.
//! - **Core's `Display` and `explanation()` are the log form**: English, stable, carrying codes
//!   and rule numbers, for logs, errors and the default nDelius evidence CSV. They are not
//!   translated and are not shown to a person who asked for a language: a person-facing text
//!   function takes a language and comes from here.
//! - **A language is an argument**: a BCP-47 tag (`cy`, `cy-GB`, `pl-PL`). A tag whose primary
//!   language is not English, Welsh or Polish — or that is not a tag at all — falls back to
//!   English, and the result says so ([`LocalText::fell_back`]).
//!
//! ## Why a crate of its own
//!
//! Core stays pure and small: `fluent-bundle` brings ICU plural rules, language negotiation and
//! a parser, which no rule needs. A separate crate keeps them out of core's default build and
//! out of every user of core who never shows text, while core keeps the codes and the one result
//! type that crosses to Python and Kotlin ([`LocalText`], [`Language`]). The bindings and the
//! certificates crate depend on this one.
//!
//! ```
//! use ete_core::hours::CreditReason;
//! use ete_core::Minutes;
//! use ete_messages::{credit_reason_text, minutes_text};
//!
//! let t = credit_reason_text(CreditReason::Failed, "cy");
//! assert_eq!(t.text, "Ni phasiwyd y cwrs: ni chaiff unrhyw amser ei gredydu.");
//! assert_eq!(minutes_text(Minutes::new(150)?, "pl").text, "2 godziny 30 minut");
//! let t = minutes_text(Minutes::new(1)?, "xx");
//! assert_eq!((t.text.as_str(), t.fell_back), ("1 minute", true));
//! # Ok::<(), ete_core::MinutesError>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod bundle;
mod text;

pub use bundle::{Arg, FILES, message, negotiate};
pub use ete_core::language::{Language, LocalText};
pub use text::{
    CertificateLines, certificate_lines, courses_text, credit_reason_text, date_text,
    delivery_text, evidence_csv, grouping_text, heading_text, mark_reason_text, minutes_text,
    notification_text, refusal_text, routing_reason_text,
};
