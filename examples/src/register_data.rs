//! The sample registers of `examples/data/registers.json`: lessons with their learners, each
//! school's learners, and the actions taken on the registers (marks, contribution scores,
//! notes) in time order. Some actions are meant to be refused.

use std::collections::BTreeMap;
use std::error::Error;
use std::path::Path;

use chrono::{DateTime, Utc};
use ete_core::contribution::Contribution;
use ete_core::register::{Actor, Lesson, Mark, Register, RegisterError};
use serde::Deserialize;

/// The whole file.
#[derive(Debug, Deserialize)]
pub struct RegisterData {
    /// Each school's learners.
    pub schools: BTreeMap<String, Vec<String>>,
    /// The lessons and who is on each register.
    pub lessons: Vec<LessonRow>,
    /// What was done to the registers, in time order.
    pub actions: Vec<Action>,
}

/// A lesson and its learners.
#[derive(Debug, Deserialize)]
pub struct LessonRow {
    /// The lesson.
    #[serde(flatten)]
    pub lesson: Lesson,
    /// The learners on its register.
    pub learners: Vec<String>,
}

/// One attempt on a register.
#[derive(Debug, Deserialize)]
pub struct Action {
    /// The lesson's id.
    pub lesson: String,
    /// The learner.
    pub learner: String,
    /// Who acts.
    pub actor: Actor,
    /// When.
    pub at: DateTime<Utc>,
    /// What they do.
    #[serde(flatten)]
    pub what: What,
}

/// What an action does.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    /// Set a mark, by its code.
    Mark(String),
    /// Record a contribution score.
    Contribution(i64),
    /// Add an attendance note.
    Note(String),
}

impl Action {
    /// A short description: `mark present`, `contribution +1`, `note`.
    pub fn describe(&self) -> String {
        match &self.what {
            What::Mark(m) => format!("mark {m}"),
            What::Contribution(c) => format!("contribution {c:+}"),
            What::Note(_) => "note".to_owned(),
        }
    }
}

/// Reads the file.
pub fn load(path: &Path) -> Result<RegisterData, Box<dyn Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?)
}

/// An empty register per lesson, by lesson id.
pub fn registers(data: &RegisterData) -> Result<BTreeMap<String, Register>, RegisterError> {
    data.lessons
        .iter()
        .map(|row| {
            Ok((
                row.lesson.id.clone(),
                Register::new(row.lesson.clone(), &row.learners)?,
            ))
        })
        .collect()
}

/// Applies one action to its register; a refusal or bad value is the core's error, and the
/// register is unchanged.
pub fn apply(
    registers: &mut BTreeMap<String, Register>,
    action: &Action,
) -> Result<(), Box<dyn Error>> {
    let register = registers
        .get_mut(&action.lesson)
        .ok_or_else(|| format!("no lesson {}", action.lesson))?;
    match &action.what {
        What::Mark(code) => {
            let mark: Mark = code.parse()?;
            register.mark(&action.actor, &action.learner, mark, action.at)?;
        }
        What::Contribution(score) => {
            let score = Contribution::new(*score)?;
            register.set_contribution(&action.actor, &action.learner, score, action.at)?;
        }
        What::Note(text) => register.add_note(&action.actor, &action.learner, text, action.at)?,
    }
    Ok(())
}
