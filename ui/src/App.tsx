// The studio window: the welcome screen until a design is open, then the toolbar, the canvas, the inspector and
// the findings. Wires the backend's events (design changes, native menu) to the store and the action registry.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { Backend } from './ipc/backend';
import { toIpcError } from './ipc/backend';
import { runShortcut, type Action } from './actions/registry';
import { useDesignStore } from './store/designStore';
import { useUiStore } from './store/uiStore';
import { BackendContext, showDesign, useBackend } from './studio/session';
import { designActions, useRevealNode, useStudioActions } from './studio/useStudioActions';
import { Canvas } from './canvas/Canvas';
import { Inspector } from './inspector/Inspector';
import { FindingsPanel } from './findings/FindingsPanel';
import { CommandPalette } from './shell/CommandPalette';
import { ExportDialog } from './shell/ExportDialog';
import { ShortcutSheet } from './shell/ShortcutSheet';
import { Splitter, useStoredSize } from './shell/Splitter';
import { Toasts } from './shell/Toasts';
import { Toolbar } from './shell/Toolbar';
import { Welcome } from './shell/Welcome';
import { PlanView } from './plan/PlanView';
import { MetricsView } from './metrics/MetricsView';
import { ProductCanvasView } from './productCanvas/ProductCanvasView';
import { SnapshotsDialog } from './snapshots/SnapshotsDialog';
import { PublishDialog } from './publish/PublishDialog';
import { WorkshopBar } from './workshop/WorkshopBar';

export type AppProps = { backend: Backend };

export function App({ backend }: AppProps) {
  return (
    <BackendContext value={backend}>
      <ReactFlowProvider>
        <Shell />
      </ReactFlowProvider>
    </BackendContext>
  );
}

function Shell() {
  const backend = useBackend();
  const view = useDesignStore((state) => state.view);
  const theme = useUiStore((state) => state.theme);
  const dialog = useUiStore((state) => state.dialog);
  const workshop = useUiStore((state) => state.workshop);
  const revealOnCanvas = useRevealNode();
  // Jumping to an entity (palette, findings) brings the canvas back first when another screen is shown.
  const reveal = useCallback(
    (id: string) => {
      useUiStore.getState().setScreen('canvas');
      revealOnCanvas(id);
    },
    [revealOnCanvas],
  );
  const [starting, setStarting] = useState(true);
  const studioActions = useStudioActions(backend);
  const welcomeActions = useRef<Action[]>(designActions(backend));
  const actions = view ? studioActions : welcomeActions.current;
  const actionsRef = useRef(actions);
  actionsRef.current = actions;

  // The design the window was opened on, if any.
  useEffect(() => {
    let current = true;
    backend
      .designCurrent()
      .then(async (opened) => {
        if (current && opened) await showDesign(opened);
      })
      .catch((error: unknown) => current && useDesignStore.getState().showError('open the design', toIpcError(error)))
      .finally(() => current && setStarting(false));
    return () => {
      current = false;
    };
  }, [backend]);

  // Changes pushed by the backend (edits from the menu, undo from elsewhere); duplicates are dropped by revision.
  useEffect(() => backend.onDesignChanged((changed) => useDesignStore.getState().applyChanged(changed)), [backend]);

  useEffect(
    () =>
      backend.onMenuAction(({ action: id }) => {
        const action = actionsRef.current.find((candidate) => candidate.id === id);
        if (!action) {
          useDesignStore.getState().showToast({ kind: 'info', title: 'Not available here', message: `The menu item ${id} needs an open design.` });
          return;
        }
        if (!action.enabled || action.enabled()) void action.run();
      }),
    [backend],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (useUiStore.getState().dialog !== null) {
        if (event.key === 'Escape') useUiStore.getState().openDialog(null);
        return;
      }
      runShortcut(actionsRef.current, event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    document.title = view ? `${view.title} — Meshwright` : 'Meshwright';
  }, [view?.title]);

  useEffect(() => {
    if (theme) document.documentElement.dataset['theme'] = theme;
    else delete document.documentElement.dataset['theme'];
  }, [theme]);

  return (
    <div className={workshop && view ? 'studio workshop' : 'studio'} data-workshop={workshop && view ? 'true' : undefined}>
      {view ? <Studio actions={studioActions} reveal={reveal} /> : !starting && <Welcome actions={welcomeActions.current} />}
      {starting && !view && (
        <p className="loading" role="status">
          Opening…
        </p>
      )}
      {dialog === 'palette' && view && <CommandPalette actions={actions} onReveal={reveal} />}
      {dialog === 'shortcuts' && <ShortcutSheet actions={actions} />}
      {dialog === 'export' && view && <ExportDialog />}
      {dialog === 'snapshots' && view && <SnapshotsDialog />}
      {dialog === 'publish' && view && <PublishDialog />}
      <Toasts />
    </div>
  );
}

function Studio({ actions, reveal }: { actions: readonly Action[]; reveal: (nodeId: string) => void }) {
  const path = useDesignStore((state) => state.view?.path);
  const screen = useUiStore((state) => state.screen);
  const workshop = useUiStore((state) => state.workshop);
  const [sideWidth, setSideWidth] = useStoredSize('meshwright.sideWidth', 400);
  const [findingsHeight, setFindingsHeight] = useStoredSize('meshwright.findingsHeight', 260);
  const addDomain = () => void actions.find((action) => action.id === 'add.domain')?.run();
  return (
    <>
      <Toolbar actions={actions} />
      {workshop && <WorkshopBar actions={actions} />}
      {screen === 'plan' && <PlanView />}
      {screen === 'metrics' && <MetricsView />}
      {screen === 'productCanvas' && <ProductCanvasView />}
      {/* The canvas stays mounted behind the other screens, so its viewport and selection survive a visit. */}
      <div className="workspace" hidden={screen !== 'canvas'}>
        <Canvas key={path} onAddDomain={addDomain} />
        <Splitter orientation="vertical" size={sideWidth} onResize={setSideWidth} min={280} max={900} direction={-1} label="Resize the side panel" />
        <aside className="side" style={{ width: sideWidth }}>
          <div className="side-top">
            <Inspector />
          </div>
          <Splitter
            orientation="horizontal"
            size={findingsHeight}
            onResize={setFindingsHeight}
            min={80}
            max={800}
            direction={-1}
            label="Resize the findings panel"
          />
          <div className="side-bottom" style={{ height: findingsHeight }}>
            <FindingsPanel onReveal={reveal} />
          </div>
        </aside>
      </div>
    </>
  );
}
