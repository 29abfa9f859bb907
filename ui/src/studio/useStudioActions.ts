// Builds the studio's action registry: every command the toolbar, palette, shortcut sheet, keyboard and native
// menu can run. Actions read the latest state from the stores when they run, so the list itself is stable.
import { useCallback, useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Action } from '../actions/registry';
import type { Backend, ExampleName } from '../ipc/backend';
import { toIpcError } from '../ipc/backend';
import type { Position } from '../ipc/model';
import { useDesignStore } from '../store/designStore';
import { useUiStore } from '../store/uiStore';
import { layoutMesh } from '../canvas/layout';
import { copyEdit, createEdit, kindOfNode, pasteEdit, removalRefs, removeDependenciesEdit } from './editing';
import { openDesign, runEdit } from './session';
import { newNoteEdit, setWorkshopMode } from '../workshop/workshopMode';
import { showMeshAsOfWave } from '../plan/WaveFilterControl';
import type { Screen } from '../store/uiStore';
import type { MeshEdge } from '../canvas/graph';

const hasDesign = () => useDesignStore.getState().view !== null;
const hasSelection = () => useDesignStore.getState().selection.length > 0;

function fileStem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.mesh$/i, '');
}

/** Design-level commands that also work before a canvas exists (the welcome screen uses them). */
export function designActions(backend: Backend): Action[] {
  const store = () => useDesignStore.getState();
  const openExample = (name: ExampleName) =>
    openDesign(() => backend.designOpenExample(name), `open the ${name} example`);
  return [
    {
      id: 'design.new',
      label: 'New design…',
      group: 'Design',
      shortcut: 'Mod+N',
      run: async () => {
        const path = await backend.pickSaveFile({
          title: 'Meshwright design',
          defaultName: 'untitled.mesh',
          extensions: ['mesh'],
        });
        if (path === null) return;
        await openDesign(() => backend.designCreate(path, fileStem(path)), `create ${path}`);
      },
    },
    {
      id: 'design.open',
      label: 'Open design…',
      group: 'Design',
      shortcut: 'Mod+O',
      run: async () => {
        const path = await backend.pickOpenFile();
        if (path !== null) await openDesign(() => backend.designOpen(path), `open ${path}`);
      },
    },
    {
      id: 'design.import',
      label: 'Import mesh-as-code folder…',
      group: 'Design',
      run: async () => {
        const folder = await backend.pickFolder();
        if (folder === null) return;
        const path = await backend.pickSaveFile({
          title: 'Meshwright design',
          defaultName: `${fileStem(folder)}.mesh`,
          extensions: ['mesh'],
        });
        if (path === null) return;
        await openDesign(() => backend.designImport(folder, path), `import ${folder}`);
      },
    },
    {
      id: 'design.pilot',
      label: 'New pilot exercise…',
      group: 'Design',
      run: async () => {
        const path = await backend.pickSaveFile({
          title: 'Meshwright design',
          defaultName: 'pilot-exercise.mesh',
          extensions: ['mesh'],
        });
        if (path === null) return;
        const opened = await openDesign(() => backend.designCreatePilot(path, 'Pilot exercise'), `create the pilot exercise ${path}`);
        if (opened) useUiStore.getState().setScreen('productCanvas');
      },
    },
    { id: 'design.example.retail', label: 'Open example: retail', group: 'Design', run: () => void openExample('retail') },
    {
      id: 'design.example.healthcare',
      label: 'Open example: healthcare',
      group: 'Design',
      run: () => void openExample('healthcare'),
    },
    {
      id: 'governance.check',
      label: 'Run all governance checks',
      group: 'Governance',
      enabled: hasDesign,
      run: async () => {
        try {
          const report = await backend.governanceCheck();
          store().setFindings(report);
        } catch (error) {
          store().showError('run the governance checks', toIpcError(error));
        }
      },
    },
    {
      id: 'view.theme',
      label: 'Toggle dark mode',
      group: 'View',
      shortcut: 'Mod+Shift+D',
      run: () => useUiStore.getState().toggleTheme(),
    },
    {
      id: 'app.shortcuts',
      label: 'Keyboard shortcuts',
      group: 'Help',
      shortcut: '?',
      run: () => useUiStore.getState().openDialog('shortcuts'),
    },
  ];
}

/**
 * Runs a viewport move a moment from now (after React Flow has taken in the latest nodes), flagged as pending
 * until it starts or is done: the canvas then says `data-viewport-pending`.
 */
function moveViewport(move: () => Promise<unknown>): void {
  const ui = useUiStore.getState();
  ui.setViewportPending(true);
  setTimeout(() => {
    move().then(
      () => ui.setViewportPending(false),
      () => ui.setViewportPending(false),
    );
  }, 60);
}

/** Selects a node, opens it in the inspector and brings it into view (expanding its domain when collapsed). */
export function useRevealNode(): (id: string) => void {
  const flow = useReactFlow();
  return useCallback(
    (id: string) => {
      const store = useDesignStore.getState();
      const mesh = store.view?.mesh;
      if (!mesh) return;
      const product = mesh.products.find((candidate) => candidate.id === id);
      if (product?.domain !== undefined && store.collapsed[product.domain]) store.setCollapsed(product.domain, false);
      store.setSelection([id]);
      const kind = kindOfNode(mesh, id);
      if (kind !== null) store.inspect({ kind, id });
      // Let React Flow take in an expanded domain before zooming.
      moveViewport(() => flow.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2, padding: 0.4 }));
    },
    [flow],
  );
}

export function useStudioActions(backend: Backend): Action[] {
  const flow = useReactFlow();

  return useMemo(() => {
    const store = () => useDesignStore.getState();
    const mesh = () => store().view?.mesh ?? null;

    /** The flow position at the centre of the canvas, where new nodes appear. */
    const canvasCentre = (): Position => {
      const element = document.querySelector('.react-flow');
      const box = element?.getBoundingClientRect();
      if (!box) return { x: 0, y: 0 };
      return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    };

    /** The domain new products go into: the selected domain, or the selected product's domain. */
    const contextDomain = (): string | null => {
      const current = mesh();
      const [first] = store().selection;
      if (!current || first === undefined) return null;
      if (current.domains.some((domain) => domain.id === first)) return first;
      return current.products.find((product) => product.id === first)?.domain ?? null;
    };

    const add = (kind: 'domain' | 'product' | 'sourceSystem' | 'consumer' | 'team') => async () => {
      const current = mesh();
      if (!current) return;
      const puts = createEdit(current, kind, canvasCentre(), kind === 'domain' || kind === 'team' ? null : contextDomain());
      const result = await runEdit(() => backend.entityPut(puts), `add a ${kind}`);
      const created = puts[0];
      if (result && created) {
        if (kind !== 'team') store().setSelection([created.id]);
        store().inspect({ kind, id: created.id });
      }
    };

    const toggleHighlight = (mode: 'impact' | 'lineage') => async () => {
      const { highlight, selection } = store();
      if (highlight?.mode === mode) {
        store().setHighlight(null);
        return;
      }
      const [root] = selection;
      if (root === undefined) {
        store().showToast({ kind: 'info', title: `Select a node first`, message: `${mode === 'impact' ? 'Impact' : 'Lineage'} starts at the selected product, source system or consumer.` });
        return;
      }
      try {
        const ids = await (mode === 'impact' ? backend.graphImpact(root) : backend.graphLineage(root));
        store().setHighlight({ mode, rootId: root, ids: new Set(ids) });
      } catch (error) {
        store().showError(`show the ${mode} of ${root}`, toIpcError(error));
      }
    };

    const positionOf = (id: string): Position | undefined => {
      const internal = flow.getInternalNode(id);
      return internal?.internals.positionAbsolute ?? mesh()?.layout[id] ?? store().autoPositions[id];
    };

    const show = (screen: Screen) => () => useUiStore.getState().setScreen(screen);

    const actions: Action[] = [
      ...designActions(backend),
      {
        id: 'design.snapshots',
        label: 'Snapshots…',
        group: 'Design',
        shortcut: 'Mod+Shift+S',
        enabled: hasDesign,
        run: () => useUiStore.getState().openDialog('snapshots'),
      },
      {
        id: 'design.publish',
        label: 'Publish to repository…',
        group: 'Design',
        shortcut: 'Mod+Shift+E',
        enabled: hasDesign,
        run: () => useUiStore.getState().openDialog('publish'),
      },
      { id: 'view.canvas', label: 'Show the mesh canvas', group: 'View', shortcut: 'Mod+1', enabled: hasDesign, run: show('canvas') },
      { id: 'view.plan', label: 'Show the rollout plan', group: 'View', shortcut: 'Mod+2', enabled: hasDesign, run: show('plan') },
      { id: 'view.metrics', label: 'Show the metrics dashboard', group: 'View', shortcut: 'Mod+3', enabled: hasDesign, run: show('metrics') },
      {
        id: 'view.productCanvas',
        label: 'Show the Data Product Canvas of the selected product',
        group: 'View',
        shortcut: 'Mod+4',
        enabled: hasDesign,
        run: show('productCanvas'),
      },
      {
        id: 'view.allWaves',
        label: 'Show the whole mesh (clear "as of wave")',
        group: 'View',
        enabled: () => store().waveFilter !== null,
        run: () => void showMeshAsOfWave(backend, null),
      },
      {
        id: 'view.workshop',
        label: 'Workshop mode (full screen, timer, sticky notes)',
        group: 'View',
        shortcut: 'F11|Mod+Shift+W',
        enabled: hasDesign,
        run: () => setWorkshopMode(backend, !useUiStore.getState().workshop),
      },
      {
        id: 'workshop.addNote',
        label: 'Add sticky note',
        group: 'Add',
        shortcut: 'N',
        enabled: hasDesign,
        run: async () => {
          const current = mesh();
          if (!current) return;
          const ui = useUiStore.getState();
          if (ui.screen !== 'canvas') {
            ui.setScreen('canvas');
            // Let the canvas mount before asking it for its centre.
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          const put = newNoteEdit(current, canvasCentre());
          const result = await runEdit(() => backend.entityPut([put]), 'add a sticky note');
          if (result) store().setSelection([`note:${put.id}`]);
        },
      },
      {
        id: 'design.export',
        label: 'Export…',
        group: 'Design',
        shortcut: 'Mod+E',
        enabled: hasDesign,
        run: () => useUiStore.getState().openDialog('export'),
      },
      {
        id: 'edit.undo',
        label: 'Undo',
        group: 'Edit',
        shortcut: 'Mod+Z',
        enabled: () => store().view?.canUndo === true,
        run: () => void runEdit(() => backend.editUndo(), 'undo'),
      },
      {
        id: 'edit.redo',
        label: 'Redo',
        group: 'Edit',
        shortcut: 'Mod+Shift+Z|Mod+Y',
        enabled: () => store().view?.canRedo === true,
        run: () => void runEdit(() => backend.editRedo(), 'redo'),
      },
      {
        id: 'edit.delete',
        label: 'Delete selection',
        group: 'Edit',
        shortcut: 'Delete|Backspace',
        enabled: () => hasSelection() || store().edgeSelection.length > 0,
        run: async () => {
          const current = mesh();
          if (!current) return;
          const refs = removalRefs(current, store().selection);
          if (refs.length > 0) {
            await runEdit(() => backend.entityRemove(refs), refs.length === 1 ? `delete ${refs[0]?.id}` : `delete ${refs.length} entities`);
            return;
          }
          const selected = new Set(store().edgeSelection);
          const edges = flow.getEdges().filter((edge) => selected.has(edge.id)) as MeshEdge[];
          const puts = removeDependenciesEdit(current, edges.flatMap((edge) => (edge.data ? [edge.data] : [])));
          if (puts.length > 0) await runEdit(() => backend.entityPut(puts), 'remove the dependency');
        },
      },
      {
        id: 'edit.copy',
        label: 'Copy',
        group: 'Edit',
        shortcut: 'Mod+C',
        enabled: hasSelection,
        run: () => {
          const current = mesh();
          if (current) store().setClipboard(copyEdit(current, store().selection, positionOf));
        },
      },
      {
        id: 'edit.paste',
        label: 'Paste',
        group: 'Edit',
        shortcut: 'Mod+V',
        enabled: () => hasDesign() && store().clipboard.length > 0,
        run: async () => {
          const current = mesh();
          if (!current) return;
          const puts = pasteEdit(current, store().clipboard);
          if (puts.length === 0) return;
          const result = await runEdit(() => backend.entityPut(puts), 'paste');
          if (result) store().setSelection(puts.filter((put) => put.kind !== 'position').map((put) => put.id));
        },
      },
      {
        id: 'edit.selectAll',
        label: 'Select all',
        group: 'Edit',
        shortcut: 'Mod+A',
        enabled: hasDesign,
        run: () => store().setSelection(flow.getNodes().map((node) => node.id)),
      },
      { id: 'add.domain', label: 'Add domain', group: 'Add', shortcut: 'D', enabled: hasDesign, run: add('domain') },
      { id: 'add.product', label: 'Add data product', group: 'Add', shortcut: 'P', enabled: hasDesign, run: add('product') },
      { id: 'add.sourceSystem', label: 'Add source system', group: 'Add', shortcut: 'S', enabled: hasDesign, run: add('sourceSystem') },
      { id: 'add.consumer', label: 'Add consumer', group: 'Add', shortcut: 'C', enabled: hasDesign, run: add('consumer') },
      { id: 'add.team', label: 'Add team', group: 'Add', shortcut: 'T', enabled: hasDesign, run: add('team') },
      {
        id: 'view.fit',
        label: 'Fit view',
        group: 'View',
        shortcut: 'Shift+1|Shift+!',
        enabled: hasDesign,
        run: () => void flow.fitView({ duration: 300, padding: 0.1 }),
      },
      { id: 'view.zoomIn', label: 'Zoom in', group: 'View', shortcut: '+|=', enabled: hasDesign, run: () => void flow.zoomIn() },
      { id: 'view.zoomOut', label: 'Zoom out', group: 'View', shortcut: '-', enabled: hasDesign, run: () => void flow.zoomOut() },
      {
        id: 'view.autoLayout',
        label: 'Auto layout',
        group: 'View',
        shortcut: 'Shift+L',
        enabled: hasDesign,
        run: async () => {
          const current = mesh();
          if (!current) return;
          let positions;
          try {
            positions = await layoutMesh(current);
          } catch (error) {
            store().showError('lay out the design', toIpcError(error));
            return;
          }
          if (positions.length === 0) return;
          const result = await runEdit(() => backend.layoutSave(positions), 'save the layout');
          if (result) moveViewport(() => flow.fitView({ duration: 300, padding: 0.1 }));
        },
      },
      { id: 'view.collapseAll', label: 'Collapse all domains', group: 'View', enabled: hasDesign, run: () => store().setAllCollapsed(true) },
      { id: 'view.expandAll', label: 'Expand all domains', group: 'View', enabled: hasDesign, run: () => store().setAllCollapsed(false) },
      { id: 'view.impact', label: 'Show impact of the selection', group: 'View', shortcut: 'I', enabled: hasDesign, run: toggleHighlight('impact') },
      { id: 'view.lineage', label: 'Show lineage of the selection', group: 'View', shortcut: 'L', enabled: hasDesign, run: toggleHighlight('lineage') },
      {
        id: 'app.palette',
        label: 'Search and commands',
        group: 'Help',
        shortcut: 'Mod+K',
        run: () => useUiStore.getState().openDialog('palette'),
      },
    ];
    return actions;
  }, [backend, flow]);
}
