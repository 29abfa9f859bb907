//! Governance errors: only what stops a report from being written. A broken design, a malformed policy pack or an
//! unusable custom policy are findings, not errors.

/// What went wrong while rendering a report.
#[derive(Debug, thiserror::Error)]
pub enum GovernanceError {
    #[error("cannot render the governance report as {format}: {source}")]
    Render { format: &'static str, source: serde_json::Error },
}
