// The mesh canvas: domains as regions (or one collapsed node), products, source systems and consumers as nodes,
// dependencies as edges from output port handles. Edits go to the backend at once; the store patches itself
// from the result and the canvas re-derives from the store.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnNodeDrag,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { EntityValue, NodePosition } from '../ipc/types';
import { useDesignStore } from '../store/designStore';
import { useUiStore, systemTheme } from '../store/uiStore';
import { runEdit, useBackend } from '../studio/session';
import { dependencyEdit, domainMoveEdit, kindOfNode, type Region } from '../studio/editing';
import { buildGraph, type MeshEdge, type MeshNode, type NodeCache } from './graph';
import { nodeTypes } from './nodes';

const MINIMAP_COLOURS: Record<string, string> = {
  product: '#6366f1',
  domain: 'rgba(148, 163, 184, 0.35)',
  source: '#0d9488',
  consumer: '#d97706',
  note: '#facc15',
};

export type CanvasProps = { onAddDomain: () => void };

export function Canvas({ onAddDomain }: CanvasProps) {
  const backend = useBackend();
  const view = useDesignStore((state) => state.view);
  const collapsed = useDesignStore((state) => state.collapsed);
  const autoPositions = useDesignStore((state) => state.autoPositions);
  const selection = useDesignStore((state) => state.selection);
  const edgeSelection = useDesignStore((state) => state.edgeSelection);
  const highlight = useDesignStore((state) => state.highlight);
  const waveFilter = useDesignStore((state) => state.waveFilter);
  const theme = useUiStore((state) => state.theme);
  const viewportPending = useUiStore((state) => state.viewportPending);
  const canvasRef = useRef<HTMLDivElement>(null);
  const cache = useRef<NodeCache>(new Map());

  const mesh = view?.mesh;
  const findings = view?.findings;
  const derived = useMemo(() => {
    if (!mesh || !findings) return { nodes: [] as MeshNode[], edges: [] as MeshEdge[] };
    return buildGraph({ mesh, findings, collapsed, autoPositions, selection, highlight, waveFilter }, cache.current);
  }, [mesh, findings, collapsed, autoPositions, selection, highlight, waveFilter]);

  const [nodes, setNodes] = useState<MeshNode[]>(derived.nodes);
  const [edges, setEdges] = useState<MeshEdge[]>(derived.edges);
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;

  useEffect(() => {
    setNodes(derived.nodes);
  }, [derived.nodes]);
  useEffect(() => {
    const selected = new Set(edgeSelection);
    setEdges(selected.size === 0 ? derived.edges : derived.edges.map((edge) => (selected.has(edge.id) ? { ...edge, selected: true } : edge)));
  }, [derived.edges, edgeSelection]);

  const onNodesChange = useCallback((changes: NodeChange<MeshNode>[]) => {
    // Removal goes through the Delete action (one backend edit), never straight from React Flow.
    setNodes((current) => applyNodeChanges(changes.filter((change) => change.type !== 'remove'), current));
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<MeshEdge>[]) => {
    setEdges((current) => applyEdgeChanges(changes.filter((change) => change.type !== 'remove'), current));
  }, []);

  const onSelectionChange = useCallback(({ nodes: picked, edges: pickedEdges }: OnSelectionChangeParams) => {
    const store = useDesignStore.getState();
    const ids = picked.map((node) => node.id);
    store.setSelection(ids);
    store.setEdgeSelection(pickedEdges.map((edge) => edge.id));
    const mesh = store.view?.mesh;
    if (mesh && ids.length === 1) {
      const kind = kindOfNode(mesh, ids[0] as string);
      if (kind !== null) {
        const current = store.inspector;
        // Keep a port of the selected product open in the inspector.
        if (!(current && current.kind === 'port' && current.id === ids[0])) store.inspect({ kind, id: ids[0] as string });
      }
    }
  }, []);

  const connect = useCallback(
    (source: string, sourceHandle: string | null, target: string) => {
      const store = useDesignStore.getState();
      const mesh = store.view?.mesh;
      if (!mesh) return;
      const edit = dependencyEdit(mesh, { source, sourceHandle, target });
      if (typeof edit === 'string') {
        store.showToast({ kind: 'info', title: 'No dependency added', message: edit });
        return;
      }
      void runEdit(() => backend.entityPut([edit]), `add a dependency to ${target}`);
    },
    [backend],
  );

  const onConnect = useCallback(
    (connection: Connection) => connect(connection.source, connection.sourceHandle ?? null, connection.target),
    [connect],
  );

  // Dropping on a product's body (not on a handle) also connects: find the node under the pointer.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || state.fromHandle?.type !== 'source') return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const element = document.elementFromPoint(point.clientX, point.clientY);
      const target = element?.closest('.react-flow__node')?.getAttribute('data-id');
      if (!target || target === state.fromNode.id) return;
      connect(state.fromNode.id, state.fromHandle.id ?? null, target);
    },
    [connect],
  );

  const onNodeDragStop = useCallback<OnNodeDrag<MeshNode>>(
    (_event, _node, draggedNodes) => {
      const store = useDesignStore.getState();
      const mesh = store.view?.mesh;
      if (!mesh) return;
      // Sticky notes keep their place in the note itself (one edit), not in the layout.
      const notes = draggedNodes.filter((node) => node.type === 'note');
      const dragged = draggedNodes.filter((node) => node.type !== 'note');
      if (notes.length > 0) {
        const puts: EntityValue[] = notes.flatMap((node) =>
          node.type === 'note'
            ? [{ kind: 'note', id: node.data.note.id, value: { ...node.data.note, x: Math.round(node.position.x), y: Math.round(node.position.y) } }]
            : [],
        );
        void runEdit(() => backend.entityPut(puts), notes.length === 1 ? 'move the sticky note' : 'move the sticky notes');
      }
      if (dragged.length === 0) return;
      const local = new Map(nodesRef.current.map((node) => [node.id, node]));
      const before = new Map(derived.nodes.map((node) => [node.id, node]));
      const positions = new Map<string, NodePosition>();
      const put = (id: string, x: number, y: number) => positions.set(id, { id, x: Math.round(x), y: Math.round(y) });
      for (const node of dragged) {
        const parent = node.parentId ? (local.get(node.parentId) ?? null) : null;
        const x = node.position.x + (parent?.position.x ?? 0);
        const y = node.position.y + (parent?.position.y ?? 0);
        put(node.id, x, y);
        if (node.type !== 'domain') continue;
        // A domain carries its products along: they keep their place inside it.
        const old = before.get(node.id);
        const dx = x - (old?.position.x ?? x);
        const dy = y - (old?.position.y ?? y);
        for (const product of mesh.products) {
          if (product.domain !== node.id) continue;
          const child = local.get(product.id);
          if (child && child.parentId === node.id) {
            put(product.id, x + child.position.x, y + child.position.y);
          } else {
            const stored = mesh.layout[product.id] ?? store.autoPositions[product.id];
            if (stored) put(product.id, stored.x + dx, stored.y + dy);
          }
        }
      }
      if (positions.size === 0) return;

      // A product dropped on another domain's region moves to that domain: one edit with its new position.
      const draggedIds = new Set(dragged.map((node) => node.id));
      const regions: Region[] = [];
      for (const node of local.values()) {
        if (node.type !== 'domain' || node.data.collapsed || draggedIds.has(node.id)) continue;
        const width = node.measured?.width ?? node.width ?? 0;
        const height = node.measured?.height ?? node.height ?? 0;
        regions.push({ id: node.id, x: node.position.x, y: node.position.y, width, height });
      }
      const dropped = dragged.flatMap((node) => {
        const at = positions.get(node.id);
        if (node.type !== 'product' || !at) return [];
        const width = node.measured?.width ?? node.width ?? 0;
        const height = node.measured?.height ?? node.height ?? 0;
        return [{ id: node.id, centre: { x: at.x + width / 2, y: at.y + height / 2 } }];
      });
      const moves = domainMoveEdit(mesh, dropped, regions);
      if (moves.length > 0) {
        const placed: EntityValue[] = [...positions.values()].map(({ id, x, y }) => ({ kind: 'position', id, value: { x, y } }));
        const what = moves.length === 1 ? `move ${moves[0]?.id} to another domain` : 'move the products to another domain';
        void runEdit(() => backend.entityPut([...moves, ...placed]), what);
        return;
      }
      void runEdit(() => backend.layoutSave([...positions.values()]), 'save the new positions');
    },
    [backend, derived.nodes],
  );

  // `data-viewport-moving` is set while the viewport pans or zooms (by hand or animated), straight on the element so
  // a pan does not re-render the canvas; with `data-viewport-pending` it tells tests when the view is still.
  const onMoveStart = useCallback(() => {
    canvasRef.current?.setAttribute('data-viewport-moving', 'true');
    useUiStore.getState().setViewportPending(false);
  }, []);
  const onMoveEnd = useCallback(() => {
    canvasRef.current?.removeAttribute('data-viewport-moving');
  }, []);

  const isEmpty =
    mesh !== undefined &&
    mesh.domains.length + mesh.products.length + mesh.sourceSystems.length + mesh.consumers.length === 0;
  const colorMode = theme ?? systemTheme();

  return (
    <div className="canvas" data-testid="canvas" ref={canvasRef} data-viewport-pending={viewportPending ? 'true' : undefined}>
      <ReactFlow<MeshNode, MeshEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={onSelectionChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onNodeDragStop={onNodeDragStop}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onlyRenderVisibleElements
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Control', 'Meta']}
        minZoom={0.05}
        maxZoom={2.5}
        fitView
        fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
        colorMode={colorMode}
      >
        <Background gap={24} />
        <MiniMap
          pannable
          zoomable
          nodeColor={(node) => MINIMAP_COLOURS[node.type ?? ''] ?? '#94a3b8'}
          ariaLabel="Overview of the canvas"
        />
        <Controls showInteractive={false} />
      </ReactFlow>
      {isEmpty && (
        <div className="canvas-empty" data-testid="canvas-empty">
          <h2>Add a domain to start</h2>
          <p>
            A domain is a business area (Orders, Payments…) that owns data products. Add one, then give it products,
            the source systems they read and the consumers they serve.
          </p>
          <button type="button" className="button primary" onClick={onAddDomain} data-testid="empty-add-domain">
            Add a domain
          </button>
        </div>
      )}
    </div>
  );
}
