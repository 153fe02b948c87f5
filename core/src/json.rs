//! Reading JSON objects strictly.

use serde::de::DeserializeOwned;

/// Reads `T` from a JSON **object**. serde would also build a struct from a JSON array (its
/// fields by position, so `[]` is a struct of defaults); a policy or record given as anything but
/// an object is refused here instead.
///
/// ```
/// use ete_core::licences::PoolPolicy;
///
/// assert!(ete_core::json::from_object::<PoolPolicy>("{}").is_ok());
/// assert!(ete_core::json::from_object::<PoolPolicy>("[]").is_err());
/// ```
pub fn from_object<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text)?;
    serde_json::from_value(serde_json::Value::Object(object))
}
