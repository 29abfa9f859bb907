// The canvas's custom nodes, each wrapped in `memo` and registered once in `nodeTypes` at module scope.
// Names and descriptions come from the design: they are rendered as text, never as markup.
import { memo, useEffect, useRef, useState } from 'react';
import { Handle, Position, useStore, useUpdateNodeInternals, type NodeProps, type NodeTypes } from '@xyflow/react';
import type { Archetype } from '../ipc/model';
import { useDesignStore } from '../store/designStore';
import { runEdit, useBackend } from '../studio/session';
import type { Badge, ConsumerNode, DomainNode, Emphasis, NoteNode, ProductNode, SourceNode } from './graph';
import { portRowY } from './geometry';

export const ARCHETYPE_LABEL: Record<Archetype, string> = {
  sourceAligned: 'source-aligned',
  aggregate: 'aggregate',
  consumerAligned: 'consumer-aligned',
};

/** A stable hue per domain id, for domains without a colour of their own. */
export function domainHue(id: string): number {
  let hash = 0;
  for (let index = 0; index < id.length; index += 1) hash = (hash * 31 + id.charCodeAt(index)) >>> 0;
  return hash % 360;
}

function emphasisClass(emphasis: Emphasis): string {
  return emphasis === null ? '' : ` emphasis-${emphasis}`;
}

/** The yellow a sticky note gets when it has no colour of its own. */
export const NOTE_YELLOW = '#fde68a';

/** Below this zoom products are drawn simplified (name only, a dot for findings), so big designs pan smoothly. */
export const SIMPLE_ZOOM = 0.4;

/** True while the canvas is zoomed out below `SIMPLE_ZOOM`; re-renders a node only when that flips. */
function useZoomedOut(): boolean {
  return useStore((state) => state.transform[2] < SIMPLE_ZOOM);
}

export function FindingBadge({ badge, nodeId, dot = false }: { badge: Badge | null; nodeId: string; dot?: boolean }) {
  if (badge === null) return null;
  const noun = badge.count === 1 ? 'finding' : 'findings';
  if (dot) {
    return (
      <span
        className={`badge badge-dot badge-${badge.severity}`}
        data-testid={`badge-${nodeId}`}
        title={`${badge.count} ${noun}, worst: ${badge.severity}`}
      />
    );
  }
  return (
    <span
      className={`badge badge-${badge.severity}`}
      data-testid={`badge-${nodeId}`}
      title={`${badge.count} ${noun}, worst: ${badge.severity}`}
    >
      {badge.count}
    </span>
  );
}

function ProductNodeView({ id, data, selected }: NodeProps<ProductNode>) {
  const { product, badge, emphasis, outOfWave } = data;
  const inputs = product.inputPorts ?? [];
  const outputs = product.outputPorts ?? [];
  // Nodes arrive measured, so React Flow does not re-measure handles on its own when ports change.
  const updateNodeInternals = useUpdateNodeInternals();
  const handleKey = `${inputs.map((port) => port.name).join('\n')}\t${outputs.map((port) => port.name).join('\n')}`;
  const firstKey = useRef(handleKey);
  useEffect(() => {
    if (firstKey.current === handleKey) return;
    firstKey.current = handleKey;
    updateNodeInternals(id);
  }, [handleKey, id, updateNodeInternals]);
  const simple = useZoomedOut();
  return (
    <div
      className={`mesh-node product-node${simple ? ' simple' : ''}${selected ? ' selected' : ''}${emphasisClass(emphasis)}${outOfWave ? ' wave-dimmed' : ''}`}
      data-testid={`node-${id}`}
      data-node-kind="product"
      data-wave-dimmed={outOfWave ? 'true' : undefined}
    >
      <div className="node-head">
        <span className="node-name" title={product.name}>
          {product.name}
        </span>
        <FindingBadge badge={badge} nodeId={id} dot={simple} />
      </div>
      {/* Zoomed far out: no chips, no port names. The handles stay (at the same places) so edges keep their ends. */}
      {!simple && (
        <>
          <div className="node-chips">
            {product.archetype && (
              <span className={`chip archetype-${product.archetype}`}>{ARCHETYPE_LABEL[product.archetype]}</span>
            )}
            <span className={`chip status status-${product.status}`}>{product.status}</span>
          </div>
          <div className="node-ports">
            <ul className="port-list port-list-in">
              {inputs.map((port) => (
                <li key={port.name} title={`input port ${port.name}`}>
                  {port.name}
                </li>
              ))}
            </ul>
            <ul className="port-list port-list-out">
              {outputs.map((port) => (
                <li key={port.name} title={`output port ${port.name}${port.contractId ? ` (contract ${port.contractId})` : ''}`}>
                  {port.name}
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
      {inputs.map((port, index) => (
        <Handle
          key={`in:${port.name}`}
          id={`in:${port.name}`}
          type="target"
          position={Position.Left}
          style={{ top: portRowY(index) }}
          data-testid={`handle-in-${id}-${port.name}`}
        />
      ))}
      {outputs.map((port, index) => (
        <Handle
          key={`out:${port.name}`}
          id={`out:${port.name}`}
          type="source"
          position={Position.Right}
          style={{ top: portRowY(index) }}
          data-testid={`handle-out-${id}-${port.name}`}
          title={`Drag to a product or consumer to make it read ${port.name}`}
        />
      ))}
    </div>
  );
}

function DomainNodeView({ id, data, selected }: NodeProps<DomainNode>) {
  const setCollapsed = useDesignStore((state) => state.setCollapsed);
  const { domain, collapsed, badge, emphasis } = data;
  const hue = domainHue(domain.id);
  const style = domain.color ? { borderColor: domain.color } : { ['--domain-hue' as string]: String(hue) };
  return (
    <div
      className={`mesh-node domain-node${collapsed ? ' collapsed' : ''}${selected ? ' selected' : ''}${emphasisClass(emphasis)}`}
      data-testid={`node-${id}`}
      data-node-kind="domain"
      style={style}
    >
      <div className="domain-title">
        <span className="node-name" title={domain.name}>
          {domain.name}
        </span>
        <FindingBadge badge={badge} nodeId={id} />
        <button
          type="button"
          className="icon-button nodrag"
          data-testid={`collapse-${id}`}
          aria-label={collapsed ? `Expand ${domain.name}` : `Collapse ${domain.name}`}
          title={collapsed ? 'Expand domain' : 'Collapse domain'}
          onClick={(event) => {
            event.stopPropagation();
            setCollapsed(domain.id, !collapsed);
          }}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      </div>
      {collapsed ? (
        <div className="domain-counts">
          <span>
            {data.products} products ({data.active} active)
          </span>
          <span>
            {data.sourceSystems} sources · {data.consumers} consumers
          </span>
        </div>
      ) : (
        data.products === 0 && <p className="domain-empty">No products yet. Select the domain and add one.</p>
      )}
      {collapsed && (
        <>
          <Handle id="in" type="target" position={Position.Left} />
          <Handle id="out" type="source" position={Position.Right} isConnectable={false} />
        </>
      )}
    </div>
  );
}

function SourceNodeView({ id, data, selected }: NodeProps<SourceNode>) {
  const { source, badge, emphasis } = data;
  return (
    <div
      className={`mesh-node source-node${selected ? ' selected' : ''}${emphasisClass(emphasis)}`}
      data-testid={`node-${id}`}
      data-node-kind="sourceSystem"
    >
      <div className="node-head">
        <span className="node-name" title={source.name}>
          {source.name}
        </span>
        <FindingBadge badge={badge} nodeId={id} />
      </div>
      <div className="node-sub">{source.kind ?? 'source system'}</div>
      <Handle
        id="out"
        type="source"
        position={Position.Right}
        data-testid={`handle-out-${id}`}
        title="Drag to a product to make it read this source"
      />
    </div>
  );
}

function ConsumerNodeView({ id, data, selected }: NodeProps<ConsumerNode>) {
  const { consumer, badge, emphasis, outOfWave } = data;
  return (
    <div
      className={`mesh-node consumer-node${selected ? ' selected' : ''}${emphasisClass(emphasis)}${outOfWave ? ' wave-dimmed' : ''}`}
      data-testid={`node-${id}`}
      data-node-kind="consumer"
      data-wave-dimmed={outOfWave ? 'true' : undefined}
    >
      <div className="node-head">
        <span className="node-name" title={consumer.name}>
          {consumer.name}
        </span>
        <FindingBadge badge={badge} nodeId={id} />
      </div>
      <div className="node-sub">{consumer.kind ?? 'consumer'}</div>
      <Handle id="in" type="target" position={Position.Left} data-testid={`handle-in-${id}`} />
    </div>
  );
}

/** A sticky note: drag it by its grip, type into it, delete it. The text is stored when the field loses focus. */
function NoteNodeView({ data, selected }: NodeProps<NoteNode>) {
  const backend = useBackend();
  const { note } = data;
  const [text, setText] = useState(note.text);
  useEffect(() => setText(note.text), [note.text]);
  const save = () => {
    if (text === note.text) return;
    void runEdit(() => backend.entityPut([{ kind: 'note', id: note.id, value: { ...note, text } }]), 'edit the sticky note');
  };
  const remove = () => void runEdit(() => backend.entityRemove([{ kind: 'note', id: note.id }]), 'delete the sticky note');
  return (
    <div
      className={`note-node${selected ? ' selected' : ''}`}
      style={{ background: note.color ?? NOTE_YELLOW }}
      data-testid={`note-${note.id}`}
      data-node-kind="note"
    >
      <div className="note-grip" title="Drag to move the note">
        <span aria-hidden="true">⠿</span>
        <button
          type="button"
          className="icon-button nodrag"
          aria-label="Delete the note"
          title="Delete the note"
          data-testid={`note-delete-${note.id}`}
          onClick={remove}
        >
          ×
        </button>
      </div>
      <textarea
        className="note-text nodrag nowheel"
        aria-label="Note text"
        placeholder="Type here…"
        data-testid={`note-text-${note.id}`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={save}
      />
    </div>
  );
}

export const nodeTypes: NodeTypes = {
  note: memo(NoteNodeView),
  product: memo(ProductNodeView),
  domain: memo(DomainNodeView),
  source: memo(SourceNodeView),
  consumer: memo(ConsumerNodeView),
};
