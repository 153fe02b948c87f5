//! Courses on the learning portal (H-1).

use std::sync::Arc;

use ete_core::hours;

use crate::EteError;
use crate::minutes::minutes;

/// A course offered on the learning portal (H-1): guided time above zero, BCP-47 language tags.
#[derive(uniffi::Object)]
pub struct Course {
    inner: hours::Course,
}

#[uniffi::export]
impl Course {
    /// A course; `EteException.InvalidField` when the id is empty, the guided time is 0 or a
    /// language tag is not BCP-47.
    #[uniffi::constructor]
    pub fn new(
        id: String,
        title: String,
        provider: String,
        course_type: String,
        languages: Vec<String>,
        guided: i64,
    ) -> Result<Arc<Course>, EteError> {
        let inner = hours::Course::new(
            id,
            title,
            provider,
            course_type,
            languages,
            minutes(guided)?,
        )?;
        Ok(Arc::new(Course { inner }))
    }
    /// The course id.
    pub fn id(&self) -> String {
        self.inner.id().to_owned()
    }
    /// The course title.
    pub fn title(&self) -> String {
        self.inner.title().to_owned()
    }
    /// The provider.
    pub fn provider(&self) -> String {
        self.inner.provider().to_owned()
    }
    /// The course type, e.g. `Online`.
    pub fn course_type(&self) -> String {
        self.inner.course_type().to_owned()
    }
    /// The languages, as BCP-47 tags.
    pub fn languages(&self) -> Vec<String> {
        self.inner.languages().to_vec()
    }
    /// Guided minutes.
    pub fn guided(&self) -> i64 {
        self.inner.guided().as_signed()
    }
}
