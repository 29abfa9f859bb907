// Transport types shared with the Rust side.
// Hand-written while the desktop commands land; they will be generated from Rust (ts-rs) and checked for drift,
// keeping these names. Model types (Domain, Team, DataProduct, Contract, SourceSystem, Consumer, MeshSettings)
// live in `model.ts` and mirror `meshwright export MESH --format json` exactly.
import type { MeshDocument } from './model';

/** The one error shape that crosses IPC. The UI branches on `code`, never on `message`. */
export type IpcError = {
  code: string;
  message: string;
};

export type EntityKind =
  | 'settings'
  | 'domain'
  | 'team'
  | 'product'
  | 'contract'
  | 'sourceSystem'
  | 'consumer'
  | 'position';

export type EntityRef = { kind: EntityKind; id: string };

/** One entity as stored: `value` is the entity's JSON (as in MeshDocument), or `{x, y}` for a position. */
export type EntityValue = { kind: EntityKind; id: string; value: unknown };

export type NodePosition = { id: string; x: number; y: number };

export type Change = { op: 'put'; kind: EntityKind; id: string; value: unknown } | { op: 'remove'; kind: EntityKind; id: string };

/** The open design as the window sees it. */
export type DesignView = {
  path: string;
  /** The document's edit counter: +1 after every edit, undo and redo (see DesignChanged.revision). */
  revision: number;
  /** File name shown in the window title, e.g. `retail.mesh`. */
  title: string;
  mesh: MeshDocument;
  canUndo: boolean;
  canRedo: boolean;
  /** Label of the edit that undo would revert, e.g. `Edit product orders.order-history`. */
  undoLabel: string | null;
  redoLabel: string | null;
  findings: CheckReport;
};

/** What every edit (and undo/redo) returns, and what the `design-changed` event carries. */
export type DesignChanged = {
  /**
   * The document's revision after this change. An edit's result and its `design-changed` event carry the same
   * revision, so the UI applies each change once and drops one that arrives late.
   */
  revision: number;
  changes: Change[];
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** Findings after the incremental re-check. */
  findings: CheckReport;
};
export type EditResult = DesignChanged;

export type RecentFile = { path: string; name: string; openedAt: string };

export type Severity = 'error' | 'warning' | 'info';

export type Finding = {
  rule: string;
  severity: Severity;
  message: string;
  entities: EntityRef[];
  path: string;
  fix: string;
};

export type CheckReport = {
  findings: Finding[];
  errors: number;
  warnings: number;
  infos: number;
};

export type YamlProblem = { line: number | null; column: number | null; path: string | null; message: string };

export type YamlResult = { ok: true; changed: DesignChanged } | { ok: false; problems: YamlProblem[] };

export type ExportFormat = 'mesh' | 'json' | 'mermaid' | 'dot' | 'odcs' | 'odps' | 'dcs';

export type ExportReport = { path: string; files: number; bytes: number };

export type ExportProgress = { done: number; total: number; phase: string };

/** Payload of the `menu-action` event: the id of a UI action (see `ui/src/actions/registry.ts`). */
export type MenuAction = { action: string };

/** Kept for the summary card. */
export type MeshSummary = {
  name: string;
  path: string | null;
  domains: number;
  teams: number;
  products: number;
  contracts: number;
  sourceSystems: number;
  consumers: number;
  dependencies: number;
  domainNames: string[];
};
