import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import { isIpcError, tauriBackend, toIpcError } from './backend';
import type { DesignChanged, ExportProgress, MenuAction } from './types';

afterEach(() => clearMocks());

type Call = { command: string; args: Record<string, unknown> };

/** Records every command the backend sends and answers each with `answer`. */
function recordCalls(answer: unknown = null): Call[] {
  const calls: Call[] = [];
  mockIPC((command, payload) => {
    calls.push({ command, args: (payload ?? {}) as Record<string, unknown> });
    return answer;
  });
  return calls;
}

describe('tauriBackend', () => {
  it('calls the rollout, canvas, snapshot, publish and window commands with their argument names', async () => {
    const calls = recordCalls();
    await tauriBackend.planQuestions();
    await tauriBackend.planGet(null);
    await tauriBackend.planApplyProposal(4, 2);
    await tauriBackend.planAsOfWave(1);
    await tauriBackend.planExport('csv', 3);
    await tauriBackend.metricsGet();
    await tauriBackend.canvasView('orders.net-sales');
    await tauriBackend.canvasHtml('orders.net-sales', 'a0');
    await tauriBackend.snapshotList();
    await tauriBackend.snapshotCreate('before');
    await tauriBackend.snapshotDelete('before');
    await tauriBackend.snapshotCompare('before', null);
    await tauriBackend.snapshotRestore('before');
    await tauriBackend.designCreatePilot('/d/pilot.mesh', 'Pilot exercise');
    await tauriBackend.saveText('/d/plan.md', '# Plan');
    await tauriBackend.publishRun({ repo: '/d/repo', path: 'mesh', artefacts: true });
    await tauriBackend.setFullscreen(true);
    expect(calls).toEqual([
      { command: 'plan_questions', args: {} },
      { command: 'plan_get', args: { capacity: null } },
      { command: 'plan_apply_proposal', args: { capacity: 4, weeksPerWave: 2 } },
      { command: 'plan_as_of_wave', args: { wave: 1 } },
      { command: 'plan_export', args: { format: 'csv', capacity: 3 } },
      { command: 'metrics_get', args: {} },
      { command: 'canvas_view', args: { product: 'orders.net-sales' } },
      { command: 'canvas_html', args: { product: 'orders.net-sales', paper: 'a0' } },
      { command: 'snapshot_list', args: {} },
      { command: 'snapshot_create', args: { name: 'before' } },
      { command: 'snapshot_delete', args: { name: 'before' } },
      { command: 'snapshot_compare', args: { from: 'before', to: null } },
      { command: 'snapshot_restore', args: { name: 'before' } },
      { command: 'design_create_pilot', args: { path: '/d/pilot.mesh', name: 'Pilot exercise' } },
      { command: 'file_write_text', args: { path: '/d/plan.md', text: '# Plan' } },
      { command: 'publish_run', args: { request: { repo: '/d/repo', path: 'mesh', artefacts: true } } },
      { command: 'window_set_fullscreen', args: { on: true } },
    ]);
  });

  it('calls every Rust command by its <area>_<verb> name with camelCase argument names', async () => {
    const calls = recordCalls();
    const position = { id: 'orders', x: 1, y: 2 };
    await tauriBackend.designCurrent();
    await tauriBackend.designOpen('/d/retail.mesh');
    await tauriBackend.designCreate('/d/new.mesh', 'New');
    await tauriBackend.designImport('/d/folder', '/d/imported.mesh');
    await tauriBackend.designOpenExample('healthcare');
    await tauriBackend.designRecent();
    await tauriBackend.entityPut([{ kind: 'domain', id: 'orders', value: { id: 'orders', name: 'Orders' } }]);
    await tauriBackend.entityRemove([{ kind: 'product', id: 'orders.net-sales' }]);
    await tauriBackend.layoutSave([position]);
    await tauriBackend.editUndo();
    await tauriBackend.editRedo();
    await tauriBackend.governanceCheck();
    await tauriBackend.graphImpact('orders.net-sales');
    await tauriBackend.graphLineage('orders.net-sales');
    await tauriBackend.contractYaml('orders.order-events');
    await tauriBackend.contractFromYaml('orders.order-events', 'id: orders.order-events\n');
    await tauriBackend.exportRun('odcs', '/d/out');
    await tauriBackend.saveBytes('/d/canvas.png', 'iVBORw0=');

    expect(calls).toEqual([
      { command: 'design_current', args: {} },
      { command: 'design_open', args: { path: '/d/retail.mesh' } },
      { command: 'design_create', args: { path: '/d/new.mesh', name: 'New' } },
      { command: 'design_import', args: { folder: '/d/folder', path: '/d/imported.mesh' } },
      { command: 'design_open_example', args: { name: 'healthcare' } },
      { command: 'design_recent', args: {} },
      { command: 'entity_put', args: { puts: [{ kind: 'domain', id: 'orders', value: { id: 'orders', name: 'Orders' } }] } },
      { command: 'entity_remove', args: { refs: [{ kind: 'product', id: 'orders.net-sales' }] } },
      { command: 'layout_save', args: { positions: [position] } },
      { command: 'edit_undo', args: {} },
      { command: 'edit_redo', args: {} },
      { command: 'governance_check', args: {} },
      { command: 'graph_impact', args: { id: 'orders.net-sales' } },
      { command: 'graph_lineage', args: { id: 'orders.net-sales' } },
      { command: 'contract_yaml', args: { id: 'orders.order-events' } },
      { command: 'contract_from_yaml', args: { id: 'orders.order-events', yaml: 'id: orders.order-events\n' } },
      { command: 'export_run', args: { format: 'odcs', path: '/d/out' } },
      { command: 'file_write_bytes', args: { path: '/d/canvas.png', base64: 'iVBORw0=' } },
    ]);
  });

  it('rejects with the { code, message } the command returned', async () => {
    mockIPC(() => Promise.reject({ code: 'not_a_mesh', message: 'cannot open x.mesh: not a Meshwright design' }));
    const error = await tauriBackend.designOpen('x.mesh').catch((reason: unknown) => reason);
    expect(isIpcError(error)).toBe(true);
    expect(toIpcError(error)).toEqual({ code: 'not_a_mesh', message: 'cannot open x.mesh: not a Meshwright design' });
  });

  it('asks the backend to open the dialogs and returns the path picked', async () => {
    const calls = recordCalls('/home/ada/retail.mesh');
    expect(await tauriBackend.pickOpenFile()).toBe('/home/ada/retail.mesh');
    expect(await tauriBackend.pickSaveFile({ defaultName: 'new.mesh', extensions: ['mesh'] })).toBe('/home/ada/retail.mesh');
    expect(await tauriBackend.pickFolder()).toBe('/home/ada/retail.mesh');
    expect(calls.map((call) => call.command)).toEqual(['dialog_open_file', 'dialog_save_file', 'dialog_pick_folder']);
    expect(calls[1]?.args['options']).toEqual({ defaultName: 'new.mesh', extensions: ['mesh'] });
  });

  it('delivers design-changed, export-progress and menu-action events to their handlers until unsubscribed', async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    const changes: DesignChanged[] = [];
    const progress: ExportProgress[] = [];
    const actions: MenuAction[] = [];
    const stopChanges = tauriBackend.onDesignChanged((changed) => changes.push(changed));
    const stopProgress = tauriBackend.onExportProgress((event) => progress.push(event));
    const stopActions = tauriBackend.onMenuAction((event) => actions.push(event));
    // `listen` resolves asynchronously; let it register.
    await new Promise((resolve) => setTimeout(resolve, 0));

    const changed: DesignChanged = {
      revision: 3,
      changes: [{ op: 'remove', kind: 'domain', id: 'orders' }],
      canUndo: true,
      canRedo: false,
      undoLabel: 'Remove domain orders',
      redoLabel: null,
      findings: { findings: [], errors: 0, warnings: 0, infos: 0 },
    };
    await emit('design-changed', changed);
    await emit('export-progress', { done: 1, total: 4, phase: 'contracts' });
    await emit('menu-action', { action: 'edit.undo' });
    expect(changes).toEqual([changed]);
    expect(progress).toEqual([{ done: 1, total: 4, phase: 'contracts' }]);
    expect(actions).toEqual([{ action: 'edit.undo' }]);

    stopChanges();
    stopProgress();
    stopActions();
    await emit('menu-action', { action: 'edit.redo' });
    expect(actions).toHaveLength(1);
  });
});

describe('IPC errors', () => {
  it('recognises the { code, message } shape and nothing else', () => {
    expect(isIpcError({ code: 'not_a_mesh', message: 'cannot open x.mesh' })).toBe(true);
    expect(isIpcError({ code: 'not_a_mesh' })).toBe(false);
    expect(isIpcError({ code: 1, message: 'x' })).toBe(false);
    expect(isIpcError('cannot open x.mesh')).toBe(false);
    expect(isIpcError(null)).toBe(false);
  });

  it('turns anything thrown into an IpcError the UI can show', () => {
    expect(toIpcError(new Error('boom'))).toEqual({ code: 'unexpected', message: 'boom' });
    expect(toIpcError('command design_open not found')).toEqual({ code: 'unexpected', message: 'command design_open not found' });
  });
});
