// The studio's only door to the Rust side. Components talk to a `Backend`;
// `tauriBackend` is the real one, `mockBackend` stands in for it in tests and plain browsers.
// This is the only module that may import `@tauri-apps/api`.
import { invoke, isTauri } from '@tauri-apps/api/core';
import type { IpcError, MeshSummary } from './types';

export type { IpcError, MeshSummary } from './types';

export interface Backend {
  meshShow(): Promise<MeshSummary>;
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

export const tauriBackend: Backend = {
  meshShow: () => invoke<MeshSummary>('mesh_show'),
};

/** A small, plausible design for browser tests and for running the UI without Tauri. */
export const sampleMeshSummary: MeshSummary = {
  name: 'Retail',
  path: '/home/ada/designs/retail.mesh',
  domains: 3,
  teams: 4,
  products: 7,
  contracts: 6,
  sourceSystems: 2,
  consumers: 3,
  dependencies: 9,
  domainNames: ['Orders', 'Payments', 'Logistics'],
};

/** A backend that answers from memory. Pass `failWith` to make every call reject with that error. */
export function createMockBackend(options: { summary?: MeshSummary; failWith?: IpcError } = {}): Backend {
  const summary = options.summary ?? sampleMeshSummary;
  const failure = options.failWith;
  return {
    meshShow: () => (failure ? Promise.reject(failure) : Promise.resolve(structuredClone(summary))),
  };
}

export const mockBackend: Backend = createMockBackend();

/** The backend to use at start-up: the real one in the desktop app, the mock in a plain browser. */
export function defaultBackend(): Backend {
  return isTauri() ? tauriBackend : mockBackend;
}
