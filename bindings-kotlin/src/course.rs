//! Courses on the learning portal (H-1): core's `Course`, checked by core's constructor.

use ete_core::hours::Course;

use crate::EteError;

/// Checks a course (H-1) made in Kotlin: the course back, or `EteException.InvalidField` when the
/// id is empty, the guided time is 0 or a language tag is not BCP-47. A course that has not been
/// through this function is not known to be valid.
#[uniffi::export]
pub fn checked_course(course: Course) -> Result<Course, EteError> {
    Ok(Course::new(
        course.id(),
        course.title(),
        course.provider(),
        course.course_type(),
        course.languages().to_vec(),
        course.guided(),
    )?)
}
