// A real backend in memory, over the retail fixture: edits, one undo step per edit, a few findings, impact and
// lineage, export progress. Used in a plain browser (`npm run dev`), in Vitest and in the Playwright tests.
import type { Backend, ExampleName, SaveFileOptions } from '../ipc/backend';
import type { MeshDocument } from '../ipc/model';
import type {
  Change,
  DesignChanged,
  DesignView,
  EntityRef,
  EntityValue,
  ExportFormat,
  ExportProgress,
  IpcError,
  MenuAction,
  RecentFile,
  YamlProblem,
  YamlResult,
} from '../ipc/types';
import { walkGraph } from '../ipc/meshIndex';
import { applyChanges, entityValue, isArrayKind, keyFieldOf } from '../store/patch';
import { mockCheck } from './mockFindings';
import { asOfWave, proposalAsWaves, QUESTIONS, renderPlan, rolloutPlan } from './mockRollout';
import { canvasHtml, canvasView, compareDesigns, entityIndex, measure, pilotMesh } from './mockWorkshop';
import retailText from './retail.json?raw';

export type MockBackendOptions = {
  /** Make every call reject with this error. */
  failWith?: IpcError;
  /** A design that is already open (as if the window was started with `meshwright open`). */
  openOn?: MeshDocument;
  recent?: RecentFile[];
  /** Milliseconds between export progress events (0 in tests). */
  exportStepMs?: number;
};

export type MockBackend = Backend & {
  /** Sends a `menu-action` event, as the native menu would. */
  emitMenuAction(action: string): void;
  /** The document as the backend holds it. */
  current(): MeshDocument | null;
  /** Text files written with `saveText`, by path. */
  savedText(): ReadonlyMap<string, string>;
  /** Whether the window asked to be full screen. */
  fullscreen(): boolean;
};

type Edit = { label: string; forward: Change[]; backward: Change[] };

export function retailFixture(): MeshDocument {
  return JSON.parse(retailText) as MeshDocument;
}

export function emptyMesh(name: string): MeshDocument {
  return {
    meshwright: 1,
    settings: { name },
    domains: [],
    teams: [],
    products: [],
    contracts: [],
    sourceSystems: [],
    consumers: [],
    layout: {},
    assessments: [],
    waves: [],
    canvases: [],
    notes: [],
  };
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function problem(message: string): IpcError {
  return { code: 'invalid_argument', message };
}

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  let mesh: MeshDocument | null = options.openOn ? structuredClone(options.openOn) : null;
  let path = mesh ? '/home/ada/designs/retail.mesh' : '';
  let revision = 0;
  let undoStack: Edit[] = [];
  let redoStack: Edit[] = [];
  const recent: RecentFile[] = [...(options.recent ?? [])];
  const changedHandlers = new Set<(changed: DesignChanged) => void>();
  const progressHandlers = new Set<(progress: ExportProgress) => void>();
  const menuHandlers = new Set<(action: MenuAction) => void>();
  const stepMs = options.exportStepMs ?? 120;
  const snapshots = new Map<string, { createdAt: string; mesh: MeshDocument }>();
  const saved = new Map<string, string>();
  /** What the last publish wrote to each repository: file path → content. */
  const published = new Map<string, Map<string, string>>();
  let fullscreen = false;

  function guard(): void {
    if (options.failWith) throw structuredClone(options.failWith);
  }

  function requireMesh(): MeshDocument {
    if (mesh === null) throw { code: 'not_found', message: 'No design is open. Open or create a design first.' };
    return mesh;
  }

  function view(): DesignView {
    const current = requireMesh();
    return {
      path,
      revision,
      title: fileName(path),
      mesh: structuredClone(current),
      canUndo: undoStack.length > 0,
      canRedo: redoStack.length > 0,
      undoLabel: undoStack.at(-1)?.label ?? null,
      redoLabel: redoStack.at(-1)?.label ?? null,
      findings: mockCheck(current),
    };
  }

  function changed(changes: Change[]): DesignChanged {
    const current = requireMesh();
    const result: DesignChanged = {
      revision,
      changes: structuredClone(changes),
      canUndo: undoStack.length > 0,
      canRedo: redoStack.length > 0,
      undoLabel: undoStack.at(-1)?.label ?? null,
      redoLabel: redoStack.at(-1)?.label ?? null,
      findings: mockCheck(current),
    };
    for (const handler of changedHandlers) handler(structuredClone(result));
    return result;
  }

  function openDocument(document: MeshDocument, at: string): DesignView {
    mesh = document;
    path = at;
    revision = 0;
    snapshots.clear();
    undoStack = [];
    redoStack = [];
    const existing = recent.findIndex((file) => file.path === at);
    if (existing >= 0) recent.splice(existing, 1);
    recent.unshift({ path: at, name: fileName(at), openedAt: new Date().toISOString() });
    return view();
  }

  /** Applies `forward` as one undoable edit and reports it. */
  function edit(label: string, forward: Change[]): DesignChanged {
    const current = requireMesh();
    const backward: Change[] = [];
    for (const change of forward) {
      const before = entityValue(current, change.kind, change.id);
      backward.unshift(
        before === undefined
          ? { op: 'remove', kind: change.kind, id: change.id }
          : { op: 'put', kind: change.kind, id: change.id, value: structuredClone(before) },
      );
    }
    mesh = applyChanges(current, structuredClone(forward));
    revision += 1;
    undoStack.push({ label, forward, backward });
    redoStack = [];
    return changed(forward);
  }

  function validatePut(put: EntityValue): void {
    if (put.id === '') throw problem(`cannot save a ${put.kind}: its id is empty`);
    const value = put.value as Record<string, unknown> | null;
    if (typeof value !== 'object' || value === null) {
      throw problem(`cannot save ${put.kind} ${put.id}: the value is not an object`);
    }
    if (isArrayKind(put.kind)) {
      const field = keyFieldOf(put.kind);
      if (value[field] !== put.id) {
        throw problem(`cannot save ${put.kind} ${put.id}: the value's ${field} is ${String(value[field])}`);
      }
    }
  }

  function labelFor(verb: string, items: readonly { kind: string; id: string }[]): string {
    if (items.length === 1) {
      const [item] = items as [{ kind: string; id: string }];
      return `${verb} ${item.kind} ${item.id}`;
    }
    return `${verb} ${items.length} entities`;
  }

  const backend: MockBackend = {
    runtime: 'browser',
    async designCurrent() {
      guard();
      return mesh ? view() : null;
    },
    async designOpen(at) {
      guard();
      if (fileName(at) === 'retail.mesh') return openDocument(retailFixture(), at);
      throw { code: 'not_found', message: `cannot open ${at}: the browser preview only has the retail example.` };
    },
    async designCreate(at, name) {
      guard();
      return openDocument(emptyMesh(name), at);
    },
    async designImport(folder) {
      guard();
      throw {
        code: 'unsupported',
        message: `cannot import ${folder}: importing folders needs the desktop app. Open the retail example instead.`,
      };
    },
    async designOpenExample(name: ExampleName) {
      guard();
      if (name === 'retail') return openDocument(retailFixture(), '/home/ada/.local/share/meshwright/retail.mesh');
      throw {
        code: 'not_found',
        message: `The ${name} example comes with the desktop app; the browser preview has the retail example only.`,
      };
    },
    async designRecent() {
      guard();
      return structuredClone(recent);
    },
    async entityPut(puts) {
      guard();
      requireMesh();
      if (puts.length === 0) throw problem('nothing to save: the edit has no entities');
      puts.forEach(validatePut);
      return edit(
        labelFor('Edit', puts),
        puts.map((put) => ({ op: 'put', kind: put.kind, id: put.id, value: structuredClone(put.value) })),
      );
    },
    async entityRemove(refs: EntityRef[]) {
      guard();
      const current = requireMesh();
      if (refs.length === 0) throw problem('nothing to remove: the edit has no entities');
      for (const ref of refs) {
        if (entityValue(current, ref.kind, ref.id) === undefined) {
          throw { code: 'not_found', message: `cannot remove ${ref.kind} ${ref.id}: it is not in the design` };
        }
      }
      // Positions of removed nodes go with them, in the same edit.
      const forward: Change[] = refs.map((ref) => ({ op: 'remove', kind: ref.kind, id: ref.id }));
      for (const ref of refs) {
        if (ref.kind !== 'position' && current.layout[ref.id] !== undefined) {
          forward.push({ op: 'remove', kind: 'position', id: ref.id });
        }
      }
      return edit(labelFor('Remove', refs), forward);
    },
    async layoutSave(positions) {
      guard();
      requireMesh();
      if (positions.length === 0) throw problem('nothing to save: no positions');
      return edit(
        positions.length === 1 ? `Move ${positions[0]?.id}` : `Move ${positions.length} nodes`,
        positions.map((position) => ({
          op: 'put',
          kind: 'position',
          id: position.id,
          value: { x: position.x, y: position.y },
        })),
      );
    },
    async editUndo() {
      guard();
      requireMesh();
      const last = undoStack.pop();
      if (!last) throw { code: 'nothing_to_undo', message: 'Nothing to undo.' };
      mesh = applyChanges(requireMesh(), structuredClone(last.backward));
      revision += 1;
      redoStack.push(last);
      return changed(last.backward);
    },
    async editRedo() {
      guard();
      requireMesh();
      const next = redoStack.pop();
      if (!next) throw { code: 'nothing_to_redo', message: 'Nothing to redo.' };
      mesh = applyChanges(requireMesh(), structuredClone(next.forward));
      revision += 1;
      undoStack.push(next);
      return changed(next.forward);
    },
    async governanceCheck() {
      guard();
      return mockCheck(requireMesh());
    },
    async graphImpact(id) {
      guard();
      return walkGraph(requireMesh(), id, 'down');
    },
    async graphLineage(id) {
      guard();
      return walkGraph(requireMesh(), id, 'up');
    },
    async contractYaml(id) {
      guard();
      const contract = requireMesh().contracts.find((item) => item.id === id);
      if (!contract) throw { code: 'not_found', message: `contract ${id} is not in the design` };
      // JSON is YAML: the mock has no YAML library and does not need one.
      return `${JSON.stringify(contract, null, 2)}\n`;
    },
    async contractFromYaml(id, yaml): Promise<YamlResult> {
      guard();
      requireMesh();
      let value: unknown;
      try {
        value = JSON.parse(yaml);
      } catch (error) {
        return { ok: false, problems: [jsonProblem(yaml, error)] };
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { ok: false, problems: [{ line: 1, column: 1, path: null, message: 'a contract must be a mapping' }] };
      }
      const record = value as Record<string, unknown>;
      const problems: YamlProblem[] = [];
      if (record['id'] !== id) {
        problems.push({ line: 2, column: 3, path: 'id', message: `the id must stay ${id}` });
      }
      if (typeof record['version'] !== 'string') {
        problems.push({ line: null, column: null, path: 'version', message: 'version is required (text)' });
      }
      if (problems.length > 0) return { ok: false, problems };
      return { ok: true, changed: edit(`Edit contract ${id}`, [{ op: 'put', kind: 'contract', id, value }]) };
    },
    async exportRun(format: ExportFormat, to) {
      guard();
      const current = requireMesh();
      const total = format === 'odcs' ? current.contracts.length : format === 'odps' ? current.products.length : 3;
      for (let done = 0; done <= total; done += Math.max(1, Math.ceil(total / 5))) {
        for (const handler of progressHandlers) handler({ done, total, phase: `Writing ${format}` });
        await new Promise((resolve) => setTimeout(resolve, stepMs));
      }
      for (const handler of progressHandlers) handler({ done: total, total, phase: 'Done' });
      return { path: to, files: total, bytes: JSON.stringify(current).length };
    },
    async saveBytes() {
      guard();
    },
    async saveText(at, text) {
      guard();
      if (!/\.(md|csv|json|html|txt)$/i.test(at)) throw problem(`cannot write ${at}: only .md, .csv, .json, .html and .txt files`);
      saved.set(at, text);
    },
    async planQuestions() {
      guard();
      return structuredClone([...QUESTIONS]);
    },
    async planGet(capacity) {
      guard();
      return rolloutPlan(requireMesh(), capacity);
    },
    async planApplyProposal(capacity, weeksPerWave) {
      guard();
      const current = requireMesh();
      const waves = proposalAsWaves(current, rolloutPlan(current, capacity).proposal, weeksPerWave);
      const forward: Change[] = [
        ...current.waves.filter((wave) => !waves.some((next) => next.id === wave.id)).map((wave): Change => ({ op: 'remove', kind: 'wave', id: wave.id })),
        ...waves.map((wave): Change => ({ op: 'put', kind: 'wave', id: wave.id, value: wave })),
      ];
      return edit(`Apply the proposed plan (${waves.length} waves)`, forward);
    },
    async planAsOfWave(wave) {
      guard();
      return asOfWave(requireMesh(), wave);
    },
    async planExport(format, capacity) {
      guard();
      const current = requireMesh();
      return renderPlan(rolloutPlan(current, capacity), current, format);
    },
    async metricsGet() {
      guard();
      const current = requireMesh();
      return measure(current, mockCheck(current));
    },
    async canvasView(product) {
      guard();
      return canvasView(requireMesh(), product);
    },
    async canvasHtml(product, paper) {
      guard();
      return canvasHtml(requireMesh(), product, paper);
    },
    async snapshotList() {
      guard();
      requireMesh();
      return [...snapshots].map(([name, snapshot]) => ({ name, createdAt: snapshot.createdAt, entities: entityIndex(snapshot.mesh).size }));
    },
    async snapshotCreate(name) {
      guard();
      const current = requireMesh();
      const trimmed = name.trim();
      if (trimmed === '') throw { code: 'invalid_argument', message: 'A snapshot needs a name.' };
      if (snapshots.has(trimmed)) throw { code: 'already_exists', message: `A snapshot named ${trimmed} exists already: pick another name or delete it first.` };
      const createdAt = new Date().toISOString();
      snapshots.set(trimmed, { createdAt, mesh: structuredClone(current) });
      return { name: trimmed, createdAt, entities: entityIndex(current).size };
    },
    async snapshotDelete(name) {
      guard();
      if (!snapshots.delete(name)) throw { code: 'not_found', message: `There is no snapshot named ${name}.` };
    },
    async snapshotCompare(from, to) {
      guard();
      const side = (name: string | null): [MeshDocument, string] => {
        if (name === null) return [requireMesh(), 'current design'];
        const snapshot = snapshots.get(name);
        if (!snapshot) throw { code: 'not_found', message: `There is no snapshot named ${name}.` };
        return [snapshot.mesh, `snapshot ${name}`];
      };
      const [old, fromName] = side(from);
      const [next, toName] = side(to);
      return compareDesigns(old, next, fromName, toName);
    },
    async snapshotRestore(name) {
      guard();
      const current = requireMesh();
      const snapshot = snapshots.get(name);
      if (!snapshot) throw { code: 'not_found', message: `There is no snapshot named ${name}.` };
      const target = entityIndex(snapshot.mesh);
      const now = entityIndex(current);
      const forward: Change[] = [];
      for (const [key, entity] of target) {
        if (JSON.stringify(now.get(key)?.value) !== JSON.stringify(entity.value)) {
          forward.push({ op: 'put', kind: entity.kind, id: entity.id, value: structuredClone(entity.value) });
        }
      }
      for (const [key, entity] of now) if (!target.has(key)) forward.push({ op: 'remove', kind: entity.kind, id: entity.id });
      if (forward.length === 0) throw { code: 'invalid_argument', message: `The design is the same as snapshot ${name}: nothing to restore.` };
      return edit(`Restore snapshot ${name}`, forward);
    },
    async designCreatePilot(at, name) {
      guard();
      return openDocument(pilotMesh(name), at);
    },
    async publishRun(request) {
      guard();
      const current = requireMesh();
      if (/dirty/i.test(request.repo)) {
        throw { code: 'uncommitted_changes', message: `cannot publish to ${request.repo}: the working tree has uncommitted changes under mesh/.` };
      }
      if (/not-a-repo/i.test(request.repo)) {
        throw { code: 'not_found', message: `cannot publish to ${request.repo}: it is not inside a git working tree.` };
      }
      const folder = (request.path ?? 'mesh').replace(/^\/+|\/+$/g, '') || 'mesh';
      const files = new Map<string, string>();
      files.set(`${folder}/mesh.yaml`, JSON.stringify({ settings: current.settings, domains: current.domains, waves: current.waves }));
      for (const product of current.products) files.set(`${folder}/products/${product.id}.odps.yaml`, JSON.stringify(product));
      for (const contract of current.contracts) {
        files.set(`${folder}/contracts/${contract.id}.odcs.yaml`, JSON.stringify(contract));
        if (request.artefacts !== false) files.set(`${folder}/artefacts/${contract.id}.schema.json`, JSON.stringify(contract.schema ?? []));
      }
      const before = published.get(request.repo) ?? new Map<string, string>();
      const added = [...files.keys()].filter((file) => !before.has(file)).sort();
      const modified = [...files.keys()].filter((file) => before.has(file) && before.get(file) !== files.get(file)).sort();
      const removed = [...before.keys()].filter((file) => !files.has(file)).sort();
      published.set(request.repo, files);
      const changedAny = added.length + modified.length + removed.length > 0;
      const commit = changedAny ? Array.from({ length: 40 }, (_, index) => '0123456789abcdef'[(index * 7 + revision + added.length) % 16]).join('') : null;
      return { repo: request.repo, branch: request.branch ?? 'main', path: folder, added, modified, removed, commit };
    },
    async setFullscreen(on) {
      guard();
      fullscreen = on;
    },
    onDesignChanged(handler) {
      changedHandlers.add(handler);
      return () => changedHandlers.delete(handler);
    },
    onExportProgress(handler) {
      progressHandlers.add(handler);
      return () => progressHandlers.delete(handler);
    },
    onMenuAction(handler) {
      menuHandlers.add(handler);
      return () => menuHandlers.delete(handler);
    },
    async pickOpenFile() {
      return '/home/ada/designs/retail.mesh';
    },
    async pickSaveFile(pick: SaveFileOptions = {}) {
      return `/home/ada/designs/${pick.defaultName ?? 'untitled'}`;
    },
    async pickFolder() {
      return '/home/ada/designs/export';
    },
    emitMenuAction(action) {
      for (const handler of menuHandlers) handler({ action });
    },
    current: () => mesh,
    savedText: () => saved,
    fullscreen: () => fullscreen,
  };
  return backend;
}

/** Where JSON.parse stopped, as a 1-based line and column. */
function jsonProblem(text: string, error: unknown): YamlProblem {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    return { line: Number(lineColumn[1]), column: Number(lineColumn[2]), path: null, message };
  }
  const position = /position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const lines = before.split('\n');
    return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, path: null, message };
  }
  return { line: null, column: null, path: null, message };
}
