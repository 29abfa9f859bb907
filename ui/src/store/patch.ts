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
} as const satisfies Partial<Record<EntityKind, keyof MeshDocument>>;

export type ArrayKind = keyof typeof ARRAY_OF_KIND;

export function isArrayKind(kind: EntityKind): kind is ArrayKind {
  return kind in ARRAY_OF_KIND;
}

type Identified = { id: string };

/** Index of the first element whose id is not less than `id` (arrays are kept sorted by id, like Rust's maps). */
function lowerBound(items: readonly Identified[], id: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((items[middle] as Identified).id < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

function findIndex(items: readonly Identified[], id: string): number {
  // Sorted lookup first; fall back to a scan for documents whose arrays are not sorted.
  const at = lowerBound(items, id);
  if (items[at]?.id === id) return at;
  return items.findIndex((item) => item.id === id);
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
    if (!copied.has(key)) {
      (next[key] as Identified[]) = [...(next[key] as Identified[])];
      copied.add(key);
    }
    const items = next[key] as Identified[];
    const index = findIndex(items, change.id);
    if (change.op === 'put') {
      const value = change.value as Identified;
      if (index >= 0) items[index] = value;
      else items.splice(lowerBound(items, change.id), 0, value);
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
  const items = mesh[ARRAY_OF_KIND[kind]] as Identified[];
  const index = findIndex(items, id);
  return index >= 0 ? items[index] : undefined;
}
