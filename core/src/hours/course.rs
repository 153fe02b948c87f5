//! Courses on the learning portal (H-1).

#[cfg(feature = "python")]
use pyo3::prelude::*;
use serde::{Deserialize, Serialize};

use crate::hours::RecordError;
use crate::minutes::Minutes;

/// A course offered on the learning portal (H-1).
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CourseFields", rename_all = "camelCase")]
pub struct Course {
    id: String,
    title: String,
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    provider: String,
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    course_type: String,
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    languages: Vec<String>,
    guided: Minutes,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CourseFields {
    id: String,
    title: String,
    provider: String,
    course_type: String,
    languages: Vec<String>,
    guided: Minutes,
}

impl TryFrom<CourseFields> for Course {
    type Error = RecordError;
    fn try_from(f: CourseFields) -> Result<Course, RecordError> {
        Course::new(
            f.id,
            f.title,
            f.provider,
            f.course_type,
            f.languages,
            f.guided,
        )
    }
}

/// For example:
///
/// ```
/// use ete_core::hours::Course;
/// use ete_core::Minutes;
///
/// let course = Course::new("CC-101", "Health and safety at work", "Meganexus", "Online",
///     vec!["en".into(), "cy".into(), "pl".into()], Minutes::new(180)?)?;
/// assert_eq!(course.guided().get(), 180);
/// assert!(Course::new("CC-102", "Empty", "Meganexus", "Online", vec![], Minutes::ZERO).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Course {
    /// A course; errors when the id is empty, the guided time is zero (H-1), or a language tag is
    /// not a plausible BCP-47 tag (letters, digits and hyphens, starting with a letter).
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        provider: impl Into<String>,
        course_type: impl Into<String>,
        languages: Vec<String>,
        guided: Minutes,
    ) -> Result<Course, RecordError> {
        let id = id.into();
        if id.trim().is_empty() {
            return Err(RecordError::field("id", "", "a course needs an id (H-1)"));
        }
        if guided == Minutes::ZERO {
            return Err(RecordError::field(
                "guided",
                "0",
                "guided learning time must be above zero (H-1)",
            ));
        }
        for tag in &languages {
            let plausible = tag.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            if !plausible {
                return Err(RecordError::field(
                    "languages",
                    tag,
                    "not a BCP-47 language tag (H-1)",
                ));
            }
        }
        Ok(Course {
            id,
            title: title.into(),
            provider: provider.into(),
            course_type: course_type.into(),
            languages,
            guided,
        })
    }

    /// The course id.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The course title.
    pub fn title(&self) -> &str {
        &self.title
    }
    /// The provider that runs the course.
    pub fn provider(&self) -> &str {
        &self.provider
    }
    /// The course type, e.g. `Online`.
    pub fn course_type(&self) -> &str {
        &self.course_type
    }
    /// The languages it is offered in, as BCP-47 tags (`en`, `cy`, `pl`, ...).
    pub fn languages(&self) -> &[String] {
        &self.languages
    }
    /// The guided learning time, always above zero.
    pub fn guided(&self) -> Minutes {
        self.guided
    }
}
