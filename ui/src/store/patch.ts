// Applies the backend's change lists to a MeshDocument without copying what did not change: only the arrays of
// the kinds a change touches are copied, and untouched entities keep their identity (memoised nodes rely on it).
import type { Change, EntityKind } from '../ipc/types';
import type { MeshDocument, Position } from '../ipc/model';

/** The MeshDocument array that holds each entity kind (settings and positions are not arrays). */
export const ARRAY_OF_KIND = {
  domain: 'domains',
  team: 'teams',
  product: 'products',
  contract: 'contracts',
  sourceSystem: 'sourceSystems',
  consumer: 'consumers',
  assessment: 'assessments',
  wave: 'waves',
  canvas: 'canvases',
  note: 'notes',
} as const satisfies Partial<Record<EntityKind, keyof MeshDocument>>;

export type ArrayKind = keyof typeof ARRAY_OF_KIND;

export function isArrayKind(kind: EntityKind): kind is ArrayKind {
  return kind in ARRAY_OF_KIND;
}

/**
 * The field that holds an entity's id, the one a change names: an assessment is filed under its domain, a
 * Data Product Canvas under its product; everything else under `id`.
 */
export function keyFieldOf(kind: ArrayKind): 'id' | 'domain' | 'product' {
  if (kind === 'assessment') return 'domain';
  if (kind === 'canvas') return 'product';
  return 'id';
}

type Keyed = Record<string, unknown>;

function keyOf(item: Keyed, field: string): string {
  return String(item[field]);
}

/** Index of the first element whose key is not less than `id` (arrays are kept sorted by key, like Rust's maps). */
function lowerBound(items: readonly Keyed[], id: string, field: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(items[middle] as Keyed, field) < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

function findIndex(items: readonly Keyed[], id: string, field: string): number {
  // Sorted lookup first; fall back to a scan for documents whose arrays are not sorted.
  const at = lowerBound(items, id, field);
  const found = items[at];
  if (found !== undefined && keyOf(found, field) === id) return at;
  return items.findIndex((item) => keyOf(item, field) === id);
}

/** Returns a new document with `changes` applied in order. Removing something absent is not an error. */
export function applyChanges(mesh: MeshDocument, changes: readonly Change[]): MeshDocument {
  if (changes.length === 0) return mesh;
  const next: MeshDocument = { ...mesh };
  const copied = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'settings') {
      if (change.op === 'put') next.settings = change.value as MeshDocument['settings'];
      continue;
    }
    if (change.kind === 'position') {
      if (!copied.has('layout')) {
        next.layout = { ...next.layout };
        copied.add('layout');
      }
      if (change.op === 'put') next.layout[change.id] = change.value as Position;
      else delete next.layout[change.id];
      continue;
    }
    if (!isArrayKind(change.kind)) continue;
    const key = ARRAY_OF_KIND[change.kind];
    const field = keyFieldOf(change.kind);
    if (!copied.has(key)) {
      // Documents written before the rollout kinds existed may lack their arrays.
      (next[key] as Keyed[]) = [...((next[key] as Keyed[] | undefined) ?? [])];
      copied.add(key);
    }
    const items = next[key] as Keyed[];
    const index = findIndex(items, change.id, field);
    if (change.op === 'put') {
      const value = change.value as Keyed;
      if (index >= 0) items[index] = value;
      else items.splice(lowerBound(items, change.id, field), 0, value);
    } else if (index >= 0) {
      items.splice(index, 1);
    }
  }
  return next;
}

/** The stored value of an entity, or undefined when the document has none. */
export function entityValue(mesh: MeshDocument, kind: EntityKind, id: string): unknown {
  if (kind === 'settings') return mesh.settings;
  if (kind === 'position') return mesh.layout[id];
  if (!isArrayKind(kind)) return undefined;
  const items = (mesh[ARRAY_OF_KIND[kind]] as Keyed[] | undefined) ?? [];
  const index = findIndex(items, id, keyFieldOf(kind));
  return index >= 0 ? items[index] : undefined;
}
