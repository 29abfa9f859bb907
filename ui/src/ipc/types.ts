// Transport types shared with the Rust side: generated from the Rust types into `generated.ts` (a Rust test fails
// when they drift); this module re-exports them under the names the UI uses, plus the UI's own error code.
import type { ErrorCode, IpcError as GeneratedIpcError } from './generated';

export type {
  Change,
  CheckReport,
  DesignChanged,
  DesignView,
  EntityKind,
  EntityRef,
  EntityValue,
  ErrorCode,
  ExportFormat,
  ExportProgress,
  ExportReport,
  Finding,
  MenuAction,
  NodePosition,
  RecentFile,
  SaveFileOptions,
  Severity,
  YamlProblem,
  YamlResult,
  // Rollout planning, metrics, the Data Product Canvas, snapshots and publishing.
  CanvasBlock,
  CanvasBlockView,
  CanvasView,
  Coverage,
  DesignDiff,
  Dimension,
  DomainMetrics,
  DomainReadiness,
  EntityChange,
  FieldChange,
  GradedChange,
  LighthouseCandidate,
  MeshVerdict,
  Metrics,
  Paper,
  PlanFormat,
  PlannedWave,
  PublishReport,
  PublishRequest,
  Question,
  Ratio,
  RolloutPlan,
  SnapshotSummary,
  Verdict,
  WaveFilter,
} from './generated';
import type { DesignChanged } from './generated';

/**
 * The one error shape that crosses IPC (generated as `IpcError`). The UI branches on `code`, never on `message`;
 * `unexpected` is the UI's own code for a failure that did not come from a command (a bug, a missing command).
 */
export type IpcError = Omit<GeneratedIpcError, 'code'> & { code: ErrorCode | 'unexpected' };

/** What every edit (and undo/redo) returns: the same value the `design-changed` event carries. */
export type EditResult = DesignChanged;

