// The UI's projection of the open design. The backend owns the design; this store holds the last DesignView and
// patches it from each DesignChanged (never refetching the whole design). View state (selection, collapsed
// domains, impact highlight, clipboard) lives here too and never goes to the backend.
import { create } from 'zustand';
import type { CheckReport, DesignChanged, DesignView, EntityValue, IpcError } from '../ipc/types';
import type { Position } from '../ipc/model';
import { applyChanges } from './patch';

/** What the inspector shows. Ports belong to products; a contract is reached through its output port. */
export type InspectorTarget =
  | { kind: 'domain' | 'team' | 'product' | 'sourceSystem' | 'consumer'; id: string }
  | { kind: 'port'; id: string; direction: 'input' | 'output'; name: string };

export type Highlight = { mode: 'impact' | 'lineage'; rootId: string; ids: ReadonlySet<string> };

/** "Mesh as of wave N": what is live once wave N has gone live; everything else is dimmed on the canvas. */
export type WaveFilterState = { wave: number; products: ReadonlySet<string>; consumers: ReadonlySet<string>; contracts: ReadonlySet<string> };

export type Toast = { id: number; kind: 'error' | 'info'; title: string; message: string };

/** Above this many products, domains open collapsed. */
export const COLLAPSE_THRESHOLD = 300;

export type DesignState = {
  view: DesignView | null;
  /** Canvas node ids that are selected (products, domains, source systems, consumers). */
  selection: string[];
  /** Selected dependency edges. */
  edgeSelection: string[];
  inspector: InspectorTarget | null;
  collapsed: Record<string, boolean>;
  /** Positions computed when the design was opened, for nodes the document has no position for. */
  autoPositions: Record<string, Position>;
  highlight: Highlight | null;
  waveFilter: WaveFilterState | null;
  clipboard: EntityValue[];
  toasts: Toast[];

  setView(view: DesignView | null): void;
  /** Applies a change once; returns false for one already applied (its revision is not newer). */
  applyChanged(changed: DesignChanged): boolean;
  /** Replaces the findings after a full check. */
  setFindings(findings: CheckReport): void;
  setSelection(ids: string[]): void;
  setEdgeSelection(ids: string[]): void;
  inspect(target: InspectorTarget | null): void;
  setCollapsed(domainId: string, collapsed: boolean): void;
  setAllCollapsed(collapsed: boolean): void;
  setAutoPositions(positions: Record<string, Position>): void;
  setHighlight(highlight: Highlight | null): void;
  setWaveFilter(filter: WaveFilterState | null): void;
  setClipboard(values: EntityValue[]): void;
  showToast(toast: Omit<Toast, 'id'>): void;
  showError(attempted: string, error: IpcError): void;
  dismissToast(id: number): void;
};

let nextToastId = 1;

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

export const useDesignStore = create<DesignState>()((set, get) => ({
  view: null,
  selection: [],
  edgeSelection: [],
  inspector: null,
  collapsed: {},
  autoPositions: {},
  highlight: null,
  waveFilter: null,
  clipboard: [],
  toasts: [],

  setView(view) {
    const collapseAll = view !== null && view.mesh.products.length > COLLAPSE_THRESHOLD;
    const collapsed: Record<string, boolean> = {};
    if (collapseAll) for (const domain of view.mesh.domains) collapsed[domain.id] = true;
    set({
      view,
      selection: [],
      edgeSelection: [],
      inspector: null,
      collapsed,
      autoPositions: {},
      highlight: null,
      waveFilter: null,
    });
  },

  applyChanged(changed) {
    const view = get().view;
    if (view === null || changed.revision <= view.revision) return false;
    const mesh = applyChanges(view.mesh, changed.changes);
    set({
      view: {
        ...view,
        mesh,
        revision: changed.revision,
        canUndo: changed.canUndo,
        canRedo: changed.canRedo,
        undoLabel: changed.undoLabel,
        redoLabel: changed.redoLabel,
        findings: changed.findings,
      },
    });
    // Drop view state that points at something the change removed.
    const removed = new Set(changed.changes.filter((change) => change.op === 'remove').map((change) => change.id));
    if (removed.size > 0) {
      const { selection, inspector } = get();
      const kept = selection.filter((id) => !removed.has(id));
      set({
        selection: kept.length === selection.length ? selection : kept,
        inspector: inspector !== null && removed.has(inspector.id) ? null : inspector,
      });
    }
    return true;
  },

  setFindings(findings) {
    const view = get().view;
    if (view !== null) set({ view: { ...view, findings } });
  },
  setSelection(ids) {
    if (!sameIds(ids, get().selection)) set({ selection: ids });
  },
  setEdgeSelection(ids) {
    if (!sameIds(ids, get().edgeSelection)) set({ edgeSelection: ids });
  },
  inspect(target) {
    set({ inspector: target });
  },
  setCollapsed(domainId, collapsed) {
    set({ collapsed: { ...get().collapsed, [domainId]: collapsed } });
  },
  setAllCollapsed(collapsed) {
    const view = get().view;
    if (view === null) return;
    const next: Record<string, boolean> = {};
    for (const domain of view.mesh.domains) next[domain.id] = collapsed;
    set({ collapsed: next });
  },
  setAutoPositions(positions) {
    set({ autoPositions: positions });
  },
  setHighlight(highlight) {
    set({ highlight });
  },
  setWaveFilter(waveFilter) {
    set({ waveFilter });
  },
  setClipboard(values) {
    set({ clipboard: values });
  },
  showToast(toast) {
    const id = nextToastId++;
    set({ toasts: [...get().toasts, { ...toast, id }].slice(-4) });
    if (toast.kind === 'info') {
      setTimeout(() => get().dismissToast(id), 4000);
    }
  },
  showError(attempted, error) {
    get().showToast({ kind: 'error', title: `Could not ${attempted}`, message: error.message });
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
}));
