// The studio's only door to the Rust side. Components talk to a `Backend`; `tauriBackend` is the real one, the
// in-memory backend in `../mock/mockBackend.ts` stands in for it in tests and plain browsers.
// This is the only module that may import `@tauri-apps/api` or a Tauri plugin.
import { invoke, isTauri } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type {
  CanvasView,
  CheckReport,
  DesignDiff,
  DesignChanged,
  DesignView,
  EditResult,
  EntityRef,
  EntityValue,
  ExportFormat,
  ExportProgress,
  ExportReport,
  IpcError,
  MenuAction,
  Metrics,
  NodePosition,
  Paper,
  PlanFormat,
  PublishReport,
  PublishRequest,
  Question,
  RecentFile,
  RolloutPlan,
  SaveFileOptions,
  SnapshotSummary,
  WaveFilter,
  YamlResult,
} from './types';

export type * from './types';

export type ExampleName = 'retail' | 'healthcare';

/** Stops a subscription. */
export type Unsubscribe = () => void;

export interface Backend {
  /** `tauri` inside the desktop app; `browser` for the mock (files cannot be written, downloads are offered). */
  readonly runtime: 'tauri' | 'browser';
  designCurrent(): Promise<DesignView | null>;
  designOpen(path: string): Promise<DesignView>;
  designCreate(path: string, name: string): Promise<DesignView>;
  designImport(folder: string, path: string): Promise<DesignView>;
  designOpenExample(name: ExampleName): Promise<DesignView>;
  designRecent(): Promise<RecentFile[]>;
  entityPut(puts: EntityValue[]): Promise<EditResult>;
  entityRemove(refs: EntityRef[]): Promise<EditResult>;
  layoutSave(positions: NodePosition[]): Promise<EditResult>;
  editUndo(): Promise<EditResult>;
  editRedo(): Promise<EditResult>;
  governanceCheck(): Promise<CheckReport>;
  graphImpact(id: string): Promise<string[]>;
  graphLineage(id: string): Promise<string[]>;
  contractYaml(id: string): Promise<string>;
  contractFromYaml(id: string, yaml: string): Promise<YamlResult>;
  exportRun(format: ExportFormat, path: string): Promise<ExportReport>;
  /** Writes binary content (base64, no `data:` prefix) to a path the user picked; Rust command `file_write_bytes`. */
  saveBytes(path: string, base64: string): Promise<void>;
  /** Writes text to a path the user picked (md, csv, json, html, txt); Rust command `file_write_text`. */
  saveText(path: string, text: string): Promise<void>;
  /** The twelve readiness questions, in questionnaire order. */
  planQuestions(): Promise<Question[]>;
  /** The rollout plan; `capacity` overrides the design's products per proposed wave. */
  planGet(capacity: number | null): Promise<RolloutPlan>;
  /** Replaces the stored waves with the proposal: one undoable edit (also sent as `design-changed`). */
  planApplyProposal(capacity: number | null, weeksPerWave: number | null): Promise<DesignChanged>;
  /** What is in the mesh once wave `wave` has gone live. */
  planAsOfWave(wave: number): Promise<WaveFilter>;
  /** The plan as text in `format`, for saving. */
  planExport(format: PlanFormat, capacity: number | null): Promise<string>;
  metricsGet(): Promise<Metrics>;
  /** A product's Data Product Canvas: the model's facts and the stored free text, block by block. */
  canvasView(product: string): Promise<CanvasView>;
  /** The printable HTML page of a product's canvas (show only in a sandboxed iframe, or save it). */
  canvasHtml(product: string, paper: Paper): Promise<string>;
  snapshotList(): Promise<SnapshotSummary[]>;
  snapshotCreate(name: string): Promise<SnapshotSummary>;
  /** Not undoable: snapshots live outside the edit journal. */
  snapshotDelete(name: string): Promise<void>;
  /** Compares two snapshots by name; `null` stands for the current design. */
  snapshotCompare(from: string | null, to: string | null): Promise<DesignDiff>;
  /** Brings the design back to a snapshot as one undoable edit (also sent as `design-changed`). */
  snapshotRestore(name: string): Promise<DesignChanged>;
  /** Creates the pilot-exercise template at a path from `pickSaveFile` and opens it. */
  designCreatePilot(path: string, name: string): Promise<DesignView>;
  /** Writes the design as code into a git working tree (chosen with `pickFolder`) and commits it. */
  publishRun(request: PublishRequest): Promise<PublishReport>;
  setFullscreen(on: boolean): Promise<void>;
  onDesignChanged(handler: (changed: DesignChanged) => void): Unsubscribe;
  onExportProgress(handler: (progress: ExportProgress) => void): Unsubscribe;
  /** The native menu sends `menu-action` with the id of an action of the UI's action registry. */
  onMenuAction(handler: (action: MenuAction) => void): Unsubscribe;
  pickOpenFile(): Promise<string | null>;
  pickSaveFile(options?: SaveFileOptions): Promise<string | null>;
  pickFolder(): Promise<string | null>;
}

/** True when `value` has the `{ code, message }` shape of an error from a Tauri command. */
export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return typeof record['code'] === 'string' && typeof record['message'] === 'string';
}

/**
 * Turns whatever a failed call threw into an `IpcError`, so callers handle one shape.
 * Anything that is not already `{ code, message }` (a bug, a missing command) becomes `code: 'unexpected'`.
 */
export function toIpcError(value: unknown): IpcError {
  if (isIpcError(value)) {
    return { code: value.code, message: value.message };
  }
  if (value instanceof Error) {
    return { code: 'unexpected', message: value.message };
  }
  return { code: 'unexpected', message: String(value) };
}

/** Subscribes to a Tauri event; the returned function also works before `listen` has resolved. */
function subscribe<T>(event: string, handler: (payload: T) => void): Unsubscribe {
  let stopped = false;
  let stop: (() => void) | null = null;
  listen<T>(event, (message) => handler(message.payload)).then(
    (unlisten) => {
      if (stopped) unlisten();
      else stop = unlisten;
    },
    () => undefined,
  );
  return () => {
    stopped = true;
    stop?.();
  };
}

export const tauriBackend: Backend = {
  runtime: 'tauri',
  designCurrent: () => invoke<DesignView | null>('design_current'),
  designOpen: (path) => invoke<DesignView>('design_open', { path }),
  designCreate: (path, name) => invoke<DesignView>('design_create', { path, name }),
  designImport: (folder, path) => invoke<DesignView>('design_import', { folder, path }),
  designOpenExample: (name) => invoke<DesignView>('design_open_example', { name }),
  designRecent: () => invoke<RecentFile[]>('design_recent'),
  entityPut: (puts) => invoke<EditResult>('entity_put', { puts }),
  entityRemove: (refs) => invoke<EditResult>('entity_remove', { refs }),
  layoutSave: (positions) => invoke<EditResult>('layout_save', { positions }),
  editUndo: () => invoke<EditResult>('edit_undo'),
  editRedo: () => invoke<EditResult>('edit_redo'),
  governanceCheck: () => invoke<CheckReport>('governance_check'),
  graphImpact: (id) => invoke<string[]>('graph_impact', { id }),
  graphLineage: (id) => invoke<string[]>('graph_lineage', { id }),
  contractYaml: (id) => invoke<string>('contract_yaml', { id }),
  contractFromYaml: (id, yaml) => invoke<YamlResult>('contract_from_yaml', { id, yaml }),
  exportRun: (format, path) => invoke<ExportReport>('export_run', { format, path }),
  saveBytes: (path, base64) => invoke<void>('file_write_bytes', { path, base64 }),
  saveText: (path, text) => invoke<void>('file_write_text', { path, text }),
  planQuestions: () => invoke<Question[]>('plan_questions'),
  planGet: (capacity) => invoke<RolloutPlan>('plan_get', { capacity }),
  planApplyProposal: (capacity, weeksPerWave) => invoke<DesignChanged>('plan_apply_proposal', { capacity, weeksPerWave }),
  planAsOfWave: (wave) => invoke<WaveFilter>('plan_as_of_wave', { wave }),
  planExport: (format, capacity) => invoke<string>('plan_export', { format, capacity }),
  metricsGet: () => invoke<Metrics>('metrics_get'),
  canvasView: (product) => invoke<CanvasView>('canvas_view', { product }),
  canvasHtml: (product, paper) => invoke<string>('canvas_html', { product, paper }),
  snapshotList: () => invoke<SnapshotSummary[]>('snapshot_list'),
  snapshotCreate: (name) => invoke<SnapshotSummary>('snapshot_create', { name }),
  snapshotDelete: (name) => invoke<void>('snapshot_delete', { name }),
  snapshotCompare: (from, to) => invoke<DesignDiff>('snapshot_compare', { from, to }),
  snapshotRestore: (name) => invoke<DesignChanged>('snapshot_restore', { name }),
  designCreatePilot: (path, name) => invoke<DesignView>('design_create_pilot', { path, name }),
  publishRun: (request) => invoke<PublishReport>('publish_run', { request }),
  setFullscreen: (on) => invoke<void>('window_set_fullscreen', { on }),
  onDesignChanged: (handler) => subscribe<DesignChanged>('design-changed', handler),
  onExportProgress: (handler) => subscribe<ExportProgress>('export-progress', handler),
  onMenuAction: (handler) => subscribe<MenuAction>('menu-action', handler),
  // The dialogs open in the backend, which remembers what the user chose: commands that take a path accept only those.
  pickOpenFile: () => invoke<string | null>('dialog_open_file'),
  pickSaveFile: (options = {}) => invoke<string | null>('dialog_save_file', { options }),
  pickFolder: () => invoke<string | null>('dialog_pick_folder'),
};

/**
 * The backend to use at start-up: the real one in the desktop app, the in-memory one in a plain browser.
 * The mock (and its fixture) is loaded on demand, so the desktop bundle does not carry it.
 */
export async function defaultBackend(): Promise<Backend> {
  if (isTauri()) return tauriBackend;
  const { createMockBackend } = await import('../mock/mockBackend');
  // `?products=2000` opens a synthetic design of that size, to try the canvas at scale.
  const products = Number(new URLSearchParams(location.search).get('products'));
  if (Number.isInteger(products) && products > 0) {
    const { syntheticMesh } = await import('../mock/synthetic');
    return createMockBackend({ openOn: syntheticMesh(products) });
  }
  return createMockBackend();
}
