//! A batch of certificates: one PDF per credited completion.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ete_core::Minutes;
use ete_core::hours::{self, Completion, CreditDecision};

use crate::{CertificateError, pdf};

/// One certificate's PDF and the file name to save it under. `Debug` shows the file name only:
/// the bytes hold the person's name.
#[derive(Clone, PartialEq, Eq)]
pub struct CertificateFile {
    /// `PERSONREF_DATE_POSITION.pdf`, from the person's reference (an id, never the name), the
    /// completion date and the decision's position, with anything but letters, digits, `-` and
    /// `_` written `_`.
    pub file_name: String,
    /// The person's reference.
    pub person_ref: String,
    /// The PDF.
    pub pdf: Vec<u8>,
}

impl std::fmt::Debug for CertificateFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CertificateFile")
            .field("file_name", &self.file_name)
            .field("person_ref", &self.person_ref)
            .field("bytes", &self.pdf.len())
            .finish()
    }
}

fn safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// One certificate per credited completion (credited time above zero) of a batch, each in its
/// person's language: `languages` maps a person reference to a BCP-47 tag, and everyone else
/// gets `default_tag` (H-15, W-2). Decisions must come from `completions` (their positions).
///
/// ```
/// use std::collections::HashMap;
/// use ete_core::hours::{credit_batch, read_completions_json, CreditPolicy, ReadMode};
///
/// let json = r#"[{"externalReference": "P-1", "courseName": "Digital skills",
///   "firstName": "Siân", "lastName": "Wójcik", "region": "Wales",
///   "completionDateTime": "2026-11-02T14:05:00Z", "status": "Completed",
///   "totalTimeMinutes": 90, "expectedTimeMinutes": 120}]"#;
/// let read = read_completions_json(json, ReadMode::Strict)?;
/// let decisions = credit_batch(&read.completions, &[], &[], &CreditPolicy::default());
/// let files = ete_certificates::batch(&read.completions, &decisions, &HashMap::new(), "pl")?;
/// assert_eq!(files.len(), 1);
/// assert_eq!(files[0].file_name, "P-1_2026-11-02_0.pdf");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn batch(
    completions: &[Completion],
    decisions: &[CreditDecision],
    languages: &HashMap<String, String>,
    default_tag: &str,
) -> Result<Vec<CertificateFile>, CertificateError> {
    let mut files = Vec::new();
    for d in decisions.iter().filter(|d| d.credited > Minutes::ZERO) {
        let completion = completions
            .get(d.position)
            .ok_or(CertificateError::NoCompletion {
                position: d.position,
            })?;
        let tag = languages
            .get(&d.person_ref)
            .map_or(default_tag, String::as_str);
        if let Some(certificate) = hours::certificate(completion, d, tag) {
            files.push(CertificateFile {
                file_name: format!("{}_{}_{}.pdf", safe(&d.person_ref), d.date, d.position),
                person_ref: d.person_ref.clone(),
                pdf: pdf(&certificate, tag)?,
            });
        }
    }
    Ok(files)
}

/// [`batch`], each PDF written into `folder` (created if missing); the paths written, in order.
pub fn write_batch(
    folder: &Path,
    completions: &[Completion],
    decisions: &[CreditDecision],
    languages: &HashMap<String, String>,
    default_tag: &str,
) -> Result<Vec<PathBuf>, CertificateError> {
    let io = |path: &Path, e: std::io::Error| CertificateError::Io {
        path: path.display().to_string(),
        reason: e.kind().to_string(),
    };
    std::fs::create_dir_all(folder).map_err(|e| io(folder, e))?;
    let mut written = Vec::new();
    for file in batch(completions, decisions, languages, default_tag)? {
        let path = folder.join(&file.file_name);
        std::fs::write(&path, &file.pdf).map_err(|e| io(&path, e))?;
        written.push(path);
    }
    Ok(written)
}
