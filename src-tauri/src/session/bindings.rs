//! The TypeScript declarations of everything that crosses IPC, generated from the Rust types (ts-rs) into
//! `ui/src/ipc/generated.ts`. A test fails when the committed file differs; `meshwright bindings` rewrites it.

use super::transport::*;
use crate::error::{ErrorCode, ErrorJson};
use crate::governance::{EntityRef, Finding, Severity};
use crate::model::*;
use ts_rs::{Config, TS};

/// Where the generated declarations live, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/ipc/generated.ts";

/// The whole generated file.
pub fn typescript() -> String {
    let config = Config::new().with_large_int("number");
    let declarations = [
        <serde_json::Value as TS>::decl(&config),
        Id::decl(&config),
        Status::decl(&config),
        EntityKind::decl(&config),
        Position::decl(&config),
        MeshSettings::decl(&config),
        Domain::decl(&config),
        Team::decl(&config),
        TeamMember::decl(&config),
        SourceSystem::decl(&config),
        Consumer::decl(&config),
        Archetype::decl(&config),
        ProductDescription::decl(&config),
        DataProduct::decl(&config),
        InputPort::decl(&config),
        Binding::decl(&config),
        OutputPort::decl(&config),
        Contract::decl(&config),
        ContractDescription::decl(&config),
        SchemaObject::decl(&config),
        SchemaProperty::decl(&config),
        QualityRule::decl(&config),
        SlaProperty::decl(&config),
        Server::decl(&config),
        SupportChannel::decl(&config),
        CustomProperty::decl(&config),
        Severity::decl(&config),
        EntityRef::decl(&config),
        Finding::decl(&config),
        MeshDocument::decl(&config),
        EntityValue::decl(&config),
        NodePosition::decl(&config),
        Change::decl(&config),
        CheckReport::decl(&config),
        DesignView::decl(&config),
        DesignChanged::decl(&config),
        RecentFile::decl(&config),
        YamlProblem::decl(&config),
        YamlResult::decl(&config),
        ExportFormat::decl(&config),
        ExportReport::decl(&config),
        ExportProgress::decl(&config),
        MenuAction::decl(&config),
        SaveFileOptions::decl(&config),
        PublishRequest::decl(&config),
        crate::publish::PublishReport::decl(&config),
        ReadinessAnswer::decl(&config),
        DomainAssessment::decl(&config),
        Wave::decl(&config),
        RolloutSettings::decl(&config),
        CanvasBlock::decl(&config),
        ProductCanvas::decl(&config),
        StickyNote::decl(&config),
        crate::plan::Question::decl(&config),
        crate::plan::Dimension::decl(&config),
        crate::plan::DomainReadiness::decl(&config),
        crate::plan::Verdict::decl(&config),
        crate::plan::MeshVerdict::decl(&config),
        crate::plan::LighthouseCandidate::decl(&config),
        crate::plan::PlannedWave::decl(&config),
        crate::plan::PlanCriticalPath::decl(&config),
        crate::plan::RolloutPlan::decl(&config),
        crate::plan::PlanFormat::decl(&config),
        WaveFilter::decl(&config),
        crate::metrics::Metrics::decl(&config),
        crate::metrics::Ratio::decl(&config),
        crate::metrics::DomainMetrics::decl(&config),
        crate::metrics::Coverage::decl(&config),
        crate::metrics::Compliance::decl(&config),
        crate::metrics::Distribution::decl(&config),
        crate::metrics::ProductReaders::decl(&config),
        crate::metrics::LeadTime::decl(&config),
        crate::canvas::CanvasView::decl(&config),
        crate::canvas::CanvasBlockView::decl(&config),
        crate::canvas::Paper::decl(&config),
        SnapshotSummary::decl(&config),
        crate::design_diff::DesignDiff::decl(&config),
        crate::design_diff::DiffSummary::decl(&config),
        crate::design_diff::EntityChange::decl(&config),
        crate::design_diff::EntityChangeKind::decl(&config),
        crate::design_diff::FieldChange::decl(&config),
        crate::design_diff::GradedChange::decl(&config),
        ErrorCode::decl(&config),
        ErrorJson::decl(&config),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by `meshwright bindings` (src-tauri/src/session/bindings.rs). Do not edit:\n\
         // a test fails when this file and the Rust types drift apart.\n",
    );
    for declaration in declarations {
        out.push('\n');
        out.push_str("export ");
        out.push_str(declaration.trim());
        out.push('\n');
    }
    out
}
