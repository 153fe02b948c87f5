//! Certificates read back with `pdftotext` (Debian `poppler-utils`; scripts/test-all.sh installs
//! it): the name, the course, the lines in each language and every Welsh and Polish letter.

use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};

use ete_certificates::{CertificateError, batch, pdf, write_batch};
use ete_core::Minutes;
use ete_core::hours::{Certificate, CreditPolicy, ReadMode, credit_batch, read_completions_json};

const EVERY_LETTER: &str = "Ŵyn Ŷwain Âlis ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ ŵŷâ";

fn certificate(name: &str, language: &str) -> Certificate {
    Certificate {
        person_ref: "P-77".into(),
        person_name: name.into(),
        course_name: "Sgiliau digidol / Umiejętności cyfrowe".into(),
        provider: "Community Campus".into(),
        region: "Cymru".into(),
        completed_on: "2026-11-02".parse().unwrap(),
        credited: Minutes::new(150).unwrap(),
        language: language.into(),
    }
}

/// The PDF's text, as `pdftotext` reads it, with runs of white space made one space.
fn text_of(pdf: &[u8]) -> String {
    let mut child = Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect(
            "pdftotext (Debian poppler-utils) must be installed: scripts/test-all.sh installs it",
        );
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn page_count(pdf: &[u8]) -> usize {
    let dir = std::env::temp_dir().join(format!("ete-cert-pages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("page.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8(out.stdout).unwrap();
    assert!(
        info.contains("595.28 x 841.89 pts (A4)") || info.contains("(A4)"),
        "{info}"
    );
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .unwrap()
}

#[test]
fn a_welsh_certificate_reads_back_with_its_name_course_and_lines() {
    let bytes = pdf(&certificate("Siân Wójcik", "cy"), "cy").unwrap();
    assert_eq!(page_count(&bytes), 1);
    let text = text_of(&bytes);
    for expected in [
        "Tystysgrif cwblhau",
        "Siân Wójcik",
        "Sgiliau digidol / Umiejętności cyfrowe",
        "Darparwr: Community Campus",
        "Dyddiad cwblhau: 2 Tachwedd 2026",
        "Amser a gredydwyd: 2 awr 30 munud",
        "Rhanbarth: Cymru",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
}

#[test]
fn a_polish_and_an_english_certificate_read_back_in_their_language() {
    let text = text_of(&pdf(&certificate("Łucja Żak", "pl"), "pl").unwrap());
    for expected in [
        "Zaświadczenie o ukończeniu kursu",
        "Łucja Żak",
        "Data ukończenia: 2 listopada 2026 r.",
        "Zaliczony czas: 2 godziny 30 minut",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
    let text = text_of(&pdf(&certificate("Ann Jones", "en"), "en").unwrap());
    for expected in [
        "Certificate of completion",
        "Ann Jones",
        "Completed on: 2 November 2026",
        "Time credited: 2 hours 30 minutes",
        "Region: Cymru",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
}

#[test]
fn a_name_with_every_welsh_and_polish_letter_round_trips() {
    for language in ["en", "cy", "pl"] {
        let text = text_of(&pdf(&certificate(EVERY_LETTER, language), language).unwrap());
        assert!(text.contains(EVERY_LETTER), "{language}: {text:?}");
        for letter in "ŵŷâąćęłńóśźżŴŶÂĄĆĘŁŃÓŚŹŻ".chars() {
            assert!(text.contains(letter), "{language}: {letter} lost");
        }
    }
}

#[test]
fn an_unknown_language_gives_the_english_page() {
    let text = text_of(&pdf(&certificate("Ann Jones", "fr"), "fr").unwrap());
    assert!(text.contains("Certificate of completion"), "{text:?}");
}

#[test]
fn a_very_long_name_still_fits_on_one_page() {
    let name = "Gwenllïan ".repeat(12);
    let bytes = pdf(&certificate(name.trim(), "cy"), "cy").unwrap();
    assert_eq!(page_count(&bytes), 1);
    assert!(text_of(&bytes).contains(name.trim()));
}

const BATCH: &str = r#"[
  {"externalReference": "P-1", "courseName": "Digital skills", "firstName": "Siân", "lastName": "Wójcik",
   "region": "Wales", "provider": "Community Campus",
   "completionDateTime": "2026-11-02T14:05:00Z", "status": "Completed", "totalTimeMinutes": 90, "expectedTimeMinutes": 120},
  {"externalReference": "P-2", "courseName": "Food safety", "firstName": "Łucja", "lastName": "Żak",
   "region": "Wales", "provider": "Community Campus",
   "completionDateTime": "2026-11-03T10:00:00Z", "status": "Failed", "totalTimeMinutes": 30, "expectedTimeMinutes": 60},
  {"externalReference": "P-3/x", "courseName": "CV writing", "firstName": "Ann", "lastName": "Jones",
   "region": "Wales", "provider": "Community Campus",
   "completionDateTime": "2026-11-04T10:00:00Z", "status": "Completed", "totalTimeMinutes": 45, "expectedTimeMinutes": 60}
]"#;

#[test]
fn a_batch_writes_one_pdf_per_credited_completion_in_each_persons_language() {
    let read = read_completions_json(BATCH, ReadMode::Strict).unwrap();
    let decisions = credit_batch(&read.completions, &[], &[], &CreditPolicy::default());
    let languages = HashMap::from([("P-1".to_owned(), "cy".to_owned())]);
    let folder = std::env::temp_dir().join(format!("ete-cert-batch-{}", std::process::id()));
    let written = write_batch(&folder, &read.completions, &decisions, &languages, "pl").unwrap();
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // The failed course has no certificate; a reference's `/` is not a path.
    assert_eq!(names, ["P-1_2026-11-02_0.pdf", "P-3_x_2026-11-04_2.pdf"]);
    let welsh = text_of(&std::fs::read(&written[0]).unwrap());
    assert!(
        welsh.contains("Tystysgrif cwblhau") && welsh.contains("Siân Wójcik"),
        "{welsh}"
    );
    let polish = text_of(&std::fs::read(&written[1]).unwrap());
    assert!(
        polish.contains("Zaświadczenie") && polish.contains("Ann Jones"),
        "{polish}"
    );
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn names_stay_out_of_debug_and_errors() {
    let read = read_completions_json(BATCH, ReadMode::Strict).unwrap();
    let decisions = credit_batch(&read.completions, &[], &[], &CreditPolicy::default());
    let files = batch(&read.completions, &decisions, &HashMap::new(), "en").unwrap();
    let shown = format!("{files:?} {:?}", certificate(EVERY_LETTER, "cy"));
    for name in ["Siân", "Wójcik", "Ann", "Jones", "Ŵyn"] {
        assert!(!shown.contains(name), "{name} in {shown}");
    }
    // A batch whose decisions name no completion fails with the position, not the name.
    let e = batch(&read.completions[..1], &decisions, &HashMap::new(), "en").unwrap_err();
    assert_eq!(e, CertificateError::NoCompletion { position: 2 });
    // A folder that cannot be made names the folder only.
    let e = write_batch(
        std::path::Path::new("/proc/ete-no"),
        &read.completions,
        &decisions,
        &HashMap::new(),
        "en",
    )
    .unwrap_err();
    assert!(!e.to_string().contains("Jones"), "{e}");
}

#[test]
fn a_field_longer_than_a_page_prints_is_refused_without_quoting_it() {
    let mut long = certificate("A", "cy");
    long.person_name = "Zebedee Quux ".repeat(ete_certificates::MAX_FIELD_CHARS);
    let error = ete_certificates::pdf(&long, "cy").unwrap_err();
    assert_eq!(error.kind(), ete_core::ErrorKind::InvalidField);
    let shown = error.to_string();
    assert!(
        shown.contains("person_name") && !shown.contains("Zebedee"),
        "{shown}"
    );
    long.person_name = "Ŵ".repeat(ete_certificates::MAX_FIELD_CHARS);
    assert!(
        ete_certificates::pdf(&long, "pl").is_ok(),
        "at the limit the page is written"
    );
}
