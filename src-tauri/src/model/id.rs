//! Stable, human-readable identifiers (`orders.order-events`), validated once at the boundary.

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// The longest id accepted. Ids become file names in mesh as code, so they stay well under path limits.
pub const MAX_ID_LEN: usize = 128;

/// An identifier of a domain, team, product, contract, source system or consumer.
///
/// Ids are dot-separated segments of ASCII letters, digits, `-` and `_`, such as `orders.order-events` or a
/// UUID written by another tool. They are safe as file names: no separators, no `..`, no spaces.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct Id(String);

/// Why a string is not a valid id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("an id cannot be empty")]
    Empty,
    #[error("id `{id}` is longer than {MAX_ID_LEN} characters")]
    TooLong { id: String },
    #[error("id `{id}` has the character {character:?}; use letters, digits, `-` and `_`, with `.` between segments")]
    BadCharacter { id: String, character: char },
    #[error("id `{id}` has an empty segment; a `.` must stand between two non-empty segments")]
    EmptySegment { id: String },
}

impl Id {
    /// Checks `text` and makes an id of it.
    pub fn new(text: impl Into<String>) -> Result<Self, IdError> {
        let text = text.into();
        validate(&text)?;
        Ok(Self(text))
    }

    /// The id `untitled`, for things that have no name yet.
    pub fn untitled() -> Self {
        Self("untitled".to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The segment before the first dot: by convention the owning domain (`orders` in `orders.order-events`).
    pub fn first_segment(&self) -> &str {
        self.0.split('.').next().unwrap_or(&self.0)
    }

    /// Makes an id out of free text (a display name, say): lowercase, runs of anything else turned into `-`.
    /// Returns `None` when nothing usable is left.
    pub fn slug(text: &str) -> Option<Self> {
        let mut slug = String::with_capacity(text.len());
        for character in text.chars() {
            if character.is_ascii_alphanumeric() {
                slug.push(character.to_ascii_lowercase());
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        let slug = slug.trim_end_matches('-');
        let slug: String = slug.chars().take(MAX_ID_LEN).collect();
        Self::new(slug.trim_end_matches('-')).ok()
    }
}

fn validate(text: &str) -> Result<(), IdError> {
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    if text.len() > MAX_ID_LEN {
        return Err(IdError::TooLong { id: text.chars().take(MAX_ID_LEN).collect() });
    }
    if let Some(character) = text.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))) {
        return Err(IdError::BadCharacter { id: text.to_owned(), character });
    }
    if text.split('.').any(str::is_empty) {
        return Err(IdError::EmptySegment { id: text.to_owned() });
    }
    Ok(())
}

impl TryFrom<String> for Id {
    type Error = IdError;
    fn try_from(text: String) -> Result<Self, IdError> {
        Self::new(text)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "Id({})", self.0)
    }
}

impl std::str::FromStr for Id {
    type Err = IdError;
    fn from_str(text: &str) -> Result<Self, IdError> {
        Self::new(text)
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_readable_and_uuid_ids() -> Result<(), IdError> {
        assert_eq!(Id::new("orders.order-events")?.first_segment(), "orders");
        Id::new("53581432-6c55-4ba2-a65f-72344a91553a")?;
        Id::new("Sales_2024")?;
        Ok(())
    }

    #[test]
    fn refuses_path_like_and_blank_ids() {
        assert_eq!(Id::new(""), Err(IdError::Empty));
        assert!(matches!(Id::new("../etc"), Err(IdError::BadCharacter { .. } | IdError::EmptySegment { .. })));
        assert!(matches!(Id::new("a/b"), Err(IdError::BadCharacter { character: '/', .. })));
        assert!(matches!(Id::new("a..b"), Err(IdError::EmptySegment { .. })));
        assert!(matches!(Id::new("my product"), Err(IdError::BadCharacter { character: ' ', .. })));
        assert!(matches!(Id::new("x".repeat(200)), Err(IdError::TooLong { .. })));
    }

    #[test]
    fn slugs_display_names() {
        assert_eq!(Id::slug("Orders Team!").map(String::from), Some("orders-team".to_owned()));
        assert_eq!(Id::slug("***"), None);
    }
}
