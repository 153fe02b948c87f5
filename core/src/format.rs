//! Format versions of snapshots and exported documents. Every document core writes carries a
//! `format` number; a reader accepts every format up to the one it writes (migrating older ones
//! on read) and refuses a newer one with a clear error, instead of misreading it.
//!
//! ```
//! use ete_core::format::check_version;
//! assert!(check_version("exchange snapshot", 1, 2).is_ok());
//! let refused = check_version("exchange snapshot", 3, 2).unwrap_err();
//! assert!(refused.contains("format 3 is newer"));
//! ```

/// Checks a document's format version against the newest one this library reads: a version of
/// 0 or above `current` is refused, naming the document, the version and what is read.
pub fn check_version(document: &str, found: u32, current: u32) -> Result<(), String> {
    if found == 0 {
        return Err(format!(
            "{document} format 0 is not a format (formats are 1..={current})"
        ));
    }
    if found > current {
        return Err(format!(
            "{document} format {found} is newer than this version of ete-core reads \
             (formats 1..={current}): upgrade ete-core to read it"
        ));
    }
    Ok(())
}
