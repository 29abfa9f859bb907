//! The JSON report: the `Report` value as serde writes it (findings, counts, scores).

use crate::governance::{GovernanceError, Report};

pub fn render(report: &Report) -> Result<String, GovernanceError> {
    serde_json::to_string_pretty(report)
        .map(|text| text + "\n")
        .map_err(|source| GovernanceError::Render { format: "json", source })
}
