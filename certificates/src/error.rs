//! Why a certificate could not be made.

use ete_core::ErrorKind;

/// Why a certificate could not be made. Never carries the person's name (W-2).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CertificateError {
    /// The embedded font could not be read (a build defect).
    #[error("the embedded certificate font could not be read")]
    Font,
    /// The PDF writer refused the page.
    #[error("the PDF could not be written for certificate {person_ref}: {reason}")]
    Pdf {
        /// The person's reference (an id).
        person_ref: String,
        /// What the writer said, without the page's text.
        reason: String,
    },
    /// A decision's position names no completion in the batch.
    #[error(
        "decision for position {position} has no completion: pass the batch the decisions were made from"
    )]
    NoCompletion {
        /// The decision's position.
        position: usize,
    },
    /// A text field is longer than a certificate can print (`MAX_FIELD_CHARS`); the value is
    /// never quoted.
    #[error(
        "certificate {person_ref}: field {field} has {chars} characters, more than the {max} a page prints"
    )]
    TooLong {
        /// The person's reference (an id).
        person_ref: String,
        /// The field: person_name, course_name, provider or region.
        field: &'static str,
        /// Its length in characters.
        chars: usize,
        /// The most a field may have.
        max: usize,
    },
    /// A file could not be written.
    #[error("could not write {path}: {reason}")]
    Io {
        /// The file (named by the person's reference, never the name).
        path: String,
        /// What the system said.
        reason: String,
    },
}

impl CertificateError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            CertificateError::NoCompletion { .. } | CertificateError::TooLong { .. } => {
                ErrorKind::InvalidField
            }
            CertificateError::Font | CertificateError::Pdf { .. } | CertificateError::Io { .. } => {
                ErrorKind::MalformedInput
            }
        }
    }
}

impl ete_core::Failure for CertificateError {
    fn kind(&self) -> ErrorKind {
        CertificateError::kind(self)
    }
}
