// The studio's toolbar: the most used actions of the registry, as buttons.
import type { ReactNode } from 'react';
import type { Action } from '../actions/registry';
import { formatShortcut } from '../actions/registry';
import { useDesignStore } from '../store/designStore';
import { useUiStore, systemTheme, type Screen } from '../store/uiStore';
import { WaveFilterControl } from '../plan/WaveFilterControl';

const SCREENS: readonly { screen: Screen; action: string; label: string; testId: string }[] = [
  { screen: 'canvas', action: 'view.canvas', label: 'Mesh', testId: 'view-canvas' },
  { screen: 'plan', action: 'view.plan', label: 'Plan', testId: 'view-plan' },
  { screen: 'metrics', action: 'view.metrics', label: 'Metrics', testId: 'view-metrics' },
  { screen: 'productCanvas', action: 'view.productCanvas', label: 'Product canvas', testId: 'view-product-canvas' },
];

function ActionButton({ action, testId, children, pressed }: { action: Action | undefined; testId: string; children: ReactNode; pressed?: boolean }) {
  if (!action) return null;
  const enabled = !action.enabled || action.enabled();
  const title = action.shortcut ? `${action.label} (${formatShortcut(action.shortcut)})` : action.label;
  return (
    <button
      type="button"
      className={pressed ? 'tool pressed' : 'tool'}
      data-testid={testId}
      title={title}
      aria-label={action.label}
      aria-pressed={pressed}
      disabled={!enabled}
      onClick={() => void action.run()}
    >
      {children}
    </button>
  );
}

export function Toolbar({ actions }: { actions: readonly Action[] }) {
  // Subscribed so that enabled states and labels follow the design and the selection.
  const view = useDesignStore((state) => state.view);
  const selection = useDesignStore((state) => state.selection);
  const highlight = useDesignStore((state) => state.highlight);
  useDesignStore((state) => state.clipboard.length);
  useDesignStore((state) => state.edgeSelection.length);
  const theme = useUiStore((state) => state.theme) ?? systemTheme();
  const screen = useUiStore((state) => state.screen);
  const workshop = useUiStore((state) => state.workshop);
  useDesignStore((state) => state.waveFilter);
  const byId = (id: string) => actions.find((action) => action.id === id);
  const undo = byId('edit.undo');
  const redo = byId('edit.redo');
  return (
    <header className="toolbar" role="toolbar" aria-label="Studio">
      <span className="app-name">Meshwright</span>
      {view && (
        <span className="design-title" title={view.path} data-testid="design-title">
          {view.title}
        </span>
      )}
      <div className="tool-group">
        <ActionButton action={undo && { ...undo, label: view?.undoLabel ? `Undo: ${view.undoLabel}` : 'Undo' }} testId="undo">
          ↶ Undo
        </ActionButton>
        <ActionButton action={redo && { ...redo, label: view?.redoLabel ? `Redo: ${view.redoLabel}` : 'Redo' }} testId="redo">
          ↷ Redo
        </ActionButton>
      </div>
      <div className="tool-group view-switch" role="group" aria-label="Screen">
        {SCREENS.map((item) => (
          <ActionButton key={item.screen} action={byId(item.action)} testId={item.testId} pressed={screen === item.screen}>
            {item.label}
          </ActionButton>
        ))}
      </div>
      <div className="tool-group">
        <ActionButton action={byId('add.domain')} testId="add-domain">+ Domain</ActionButton>
        <ActionButton action={byId('add.product')} testId="add-product">+ Product</ActionButton>
        <ActionButton action={byId('add.sourceSystem')} testId="add-source">+ Source</ActionButton>
        <ActionButton action={byId('add.consumer')} testId="add-consumer">+ Consumer</ActionButton>
        <ActionButton action={byId('add.team')} testId="add-team">+ Team</ActionButton>
      </div>
      <div className="tool-group">
        <ActionButton action={byId('view.autoLayout')} testId="auto-layout">Auto layout</ActionButton>
        <ActionButton action={byId('view.fit')} testId="fit-view">Fit</ActionButton>
        <ActionButton action={byId('view.impact')} testId="impact" pressed={highlight?.mode === 'impact'}>
          Impact
        </ActionButton>
        <ActionButton action={byId('view.lineage')} testId="lineage" pressed={highlight?.mode === 'lineage'}>
          Lineage
        </ActionButton>
        {view && <WaveFilterControl />}
      </div>
      <span className="toolbar-spacer" />
      {selection.length > 1 && <span className="muted" data-testid="selection-count">{selection.length} selected</span>}
      <div className="tool-group">
        <ActionButton action={byId('design.snapshots')} testId="snapshots">Snapshots…</ActionButton>
        <ActionButton action={byId('design.export')} testId="export">Export…</ActionButton>
        <ActionButton action={byId('design.publish')} testId="publish">Publish…</ActionButton>
        <ActionButton action={byId('view.workshop')} testId="workshop" pressed={workshop}>Workshop</ActionButton>
        <ActionButton action={byId('app.palette')} testId="open-palette">Search ⌕</ActionButton>
        <ActionButton action={byId('view.theme')} testId="toggle-theme">{theme === 'dark' ? '☀' : '☾'}</ActionButton>
        <ActionButton action={byId('app.shortcuts')} testId="open-shortcuts">?</ActionButton>
      </div>
    </header>
  );
}
