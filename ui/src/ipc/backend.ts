// The studio's only door to the Rust side. Components talk to a `Backend`; `tauriBackend` is the real one, the
// in-memory backend in `../mock/mockBackend.ts` stands in for it in tests and plain browsers.
// This is the only module that may import `@tauri-apps/api` or a Tauri plugin.
import { invoke, isTauri } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type {
  CheckReport,
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
  NodePosition,
  RecentFile,
  SaveFileOptions,
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
