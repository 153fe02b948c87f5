//! # ETE Certificates
//!
//! A completion certificate (H-15) as a printable document (W-2): one A4 PDF page in the
//! person's language — English, Welsh or Polish — with the person's name, the course, the
//! provider, the completion date, the credited time and the region. The data is core's
//! [`Certificate`](ete_core::hours::Certificate); every sentence on the page comes from
//! `ete-messages`; this crate only lays the page out, so core pulls in no PDF dependency.
//!
//! The person's name appears only on the page itself: never in `Debug`, errors or logs (errors
//! name the person's reference).
//!
//! ## The PDF writer, and why
//!
//! Three candidates were measured (`certificates/measure/run.sh`: a clean release build of a
//! program that writes one certificate-like A4 page with the embedded DejaVu Sans, each in its
//! own workspace and target directory, on the shared 2-core development machine):
//!
//! | crate | clean build | binary | crates | page | text |
//! |---|---|---|---|---|---|
//! | **krilla 0.8.2** (`simple-text`) | 252 s | 4.2 MB | 67 | 13.6 kB | shaped (rustybuzz), font subset, ToUnicode: `pdftotext` reads every line and letter back |
//! | printpdf 0.12.8 (no default features) | 668 s | 2.8 MB | 102 | 387 kB | the whole 760 kB font embedded although `subset_fonts` was set; `pdftotext` read only the first of four lines as the measuring program placed them |
//! | typst 0.14.2 + typst-pdf | not built | — | 380 | — | a whole typesetting system and markup language (and its own copy of krilla) for one fixed page; it also needs a `World` implementation |
//!
//! The build times are wall-clock on a machine shared with other builds, so they compare only
//! roughly; the crate counts (`cargo tree -e normal`) and the page sizes do not depend on load.
//! printpdf's one-line read-back may partly be the measuring program's use of its text cursor;
//! its unsubset font alone makes every certificate 28 times larger.
//!
//! krilla is chosen: the smallest dependency tree that shapes text properly (kerning, combining
//! marks such as Welsh `ŵ` written as `w` + circumflex), subsets and embeds the font with a
//! ToUnicode map (so the PDF is searchable and `pdftotext` round-trips Welsh and Polish names),
//! and has a small, direct drawing API. It needs Rust 1.92 (this crate's `rust-version`).
//!
//! ## The font
//!
//! DejaVu Sans (`fonts/DejaVuSans.ttf`, from Debian's `fonts-dejavu-core`; Bitstream Vera
//! licence with DejaVu's changes in the public domain, `fonts/DejaVuSans-LICENSE.txt`): free to
//! embed and redistribute, and it has every Welsh and Polish letter (ŵ ŷ â ą ć ę ł ń ó ś ź ż).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod batch;
mod error;
mod page;

pub use batch::{CertificateFile, batch, write_batch};
pub use error::CertificateError;
pub use page::{FONT, MAX_FIELD_CHARS, pdf};
