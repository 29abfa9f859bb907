// How a design comparison reads: values as short text, and entity changes grouped by kind.
import type { DesignDiff, EntityChange, EntityKind } from '../ipc/types';

const KIND_LABEL: Record<EntityKind, string> = {
  settings: 'Settings',
  domain: 'Domains',
  team: 'Teams',
  product: 'Data products',
  contract: 'Contracts',
  sourceSystem: 'Source systems',
  consumer: 'Consumers',
  position: 'Positions',
  assessment: 'Readiness assessments',
  wave: 'Waves',
  canvas: 'Data Product Canvases',
  note: 'Sticky notes',
};

export function kindLabel(kind: EntityKind): string {
  return KIND_LABEL[kind];
}

/** A field's value as one short line of text (JSON for structures), `—` for none. */
export function formatValue(value: unknown, max = 120): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Entity changes by kind, kinds in the order the design lists them. */
export function groupByKind(diff: DesignDiff): { kind: EntityKind; label: string; changes: EntityChange[] }[] {
  const order = Object.keys(KIND_LABEL) as EntityKind[];
  const groups = new Map<EntityKind, EntityChange[]>();
  for (const change of diff.entities) {
    const list = groups.get(change.kind);
    if (list) list.push(change);
    else groups.set(change.kind, [change]);
  }
  return order.filter((kind) => groups.has(kind)).map((kind) => ({ kind, label: KIND_LABEL[kind], changes: groups.get(kind) ?? [] }));
}

/** "3 added, 1 removed, 2 changed (1 breaking), 4 moved" — only what is there. */
export function summaryText(diff: DesignDiff): string {
  const { added, removed, changed, breaking, moved } = diff.summary;
  const parts: string[] = [];
  if (added > 0) parts.push(`${added} added`);
  if (removed > 0) parts.push(`${removed} removed`);
  if (changed > 0) parts.push(breaking > 0 ? `${changed} changed (${breaking} breaking)` : `${changed} changed`);
  if (moved > 0) parts.push(`${moved} moved on the canvas`);
  return parts.length === 0 ? 'No differences.' : `${parts.join(', ')}.`;
}

/** `2026-05-01T09:30:00.000Z` as local date and time, to the minute. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
