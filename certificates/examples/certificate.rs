//! Writes one sample certificate to a file: `cargo run -p ete-certificates --example certificate
//! -- cy sample.pdf` (language, then the file).

use ete_core::Minutes;
use ete_core::hours::Certificate;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let language = args.next().unwrap_or_else(|| "cy".to_owned());
    let path = args.next().unwrap_or_else(|| "certificate.pdf".to_owned());
    let certificate = Certificate {
        person_ref: "P-1".into(),
        person_name: "Siân Ŵyn Wójcik-Łęczyńska".into(),
        course_name: "Sgiliau digidol".into(),
        provider: "Community Campus".into(),
        region: "Cymru".into(),
        completed_on: "2026-11-02".parse()?,
        credited: Minutes::new(150)?,
        language: language.clone(),
    };
    std::fs::write(&path, ete_certificates::pdf(&certificate, &language)?)?;
    println!("wrote {path}");
    Ok(())
}
