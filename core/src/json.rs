//! Reading JSON strictly: a leading byte-order mark is skipped (as the CSV reader skips one),
//! and a key given twice in an object is refused instead of the last one winning.

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};

/// The text without a leading UTF-8 byte-order mark.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads `T` from a JSON **object**. serde would also build a struct from a JSON array (its
/// fields by position, so `[]` is a struct of defaults); a policy or record given as anything but
/// an object is refused here instead. A key given twice is refused; a leading byte-order mark is
/// skipped. An error names the line and column where reading failed.
///
/// ```
/// use ete_core::licences::PoolPolicy;
///
/// assert!(ete_core::json::from_object::<PoolPolicy>("{}").is_ok());
/// assert!(ete_core::json::from_object::<PoolPolicy>("\u{feff}{}").is_ok());
/// assert!(ete_core::json::from_object::<PoolPolicy>("[]").is_err());
/// let twice = ete_core::json::from_object::<PoolPolicy>(r#"{"dormancyDays": 7, "dormancyDays": 9}"#);
/// assert!(twice.unwrap_err().to_string().contains("\"dormancyDays\" appears twice"));
/// ```
pub fn from_object<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let text = without_bom(text);
    unique_keys(text)?;
    let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text)?;
    serde_json::from_value(serde_json::Value::Object(object)).map_err(|e| {
        // An error from a `Value` has no position (line 0, column 0): read the text again,
        // which fails at the same place with its line and column.
        match serde_json::from_str::<T>(text) {
            Err(positioned) if positioned.line() > 0 => positioned,
            _ => e,
        }
    })
}

/// Reads `T` from JSON text, refusing a key given twice and skipping a leading byte-order mark.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let text = without_bom(text);
    unique_keys(text)?;
    serde_json::from_str(text)
}

/// Checks that no object in the JSON text names a key twice (serde_json keeps the last).
pub fn unique_keys(text: &str) -> Result<(), serde_json::Error> {
    serde_json::from_str::<Unique>(text).map(|_| ())
}

/// Any JSON value whose objects name each key once.
struct Unique;

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Unique, D::Error> {
        deserializer.deserialize_any(UniqueVisitor)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Unique;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_str<E>(self, _: &str) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_unit<E>(self) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_none<E>(self) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Unique, D::Error> {
        Unique::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
        while seq.next_element::<Unique>()?.is_some() {}
        Ok(Unique)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                let shown: String = key.chars().take(40).collect();
                return Err(A::Error::custom(format!(
                    "key {shown:?} appears twice in one object: each key is given once"
                )));
            }
            map.next_value::<Unique>()?;
            seen.insert(key);
        }
        Ok(Unique)
    }
}
