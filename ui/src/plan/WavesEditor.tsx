// The stored waves, editable: add a wave, rename it, date it, name products and whole domains in it, delete it;
// and the plan settings (capacity per wave, lighthouse domain, plan start). Every change is one undoable edit
// (an entityPut of the wave, or of the design settings; deleting a wave is an entityRemove). The plan reloads
// after each edit (useBackendQuery follows the design's revision), so the products each wave takes live, the
// unplanned products and the wave-order findings follow.
import { useEffect, useState } from 'react';
import type { MeshDocument } from '../ipc/model';
import type { EntityValue, PlannedWave, RolloutPlan } from '../ipc/types';
import { runEdit, useBackend } from '../studio/session';
import {
  newWaveEdit,
  positiveIntOrNull,
  productWave,
  rolloutSettingsEdit,
  waveAddDomainEdit,
  waveAddProductEdit,
  waveFieldEdit,
  waveRemoveDomainEdit,
  waveRemoveProductEdit,
  wavesInOrder,
} from './planEdits';

type WaveValue = MeshDocument['waves'][number];

/** A field that stores its value when it loses focus or on Enter: one edit, not one per key. */
export function CommitInput({
  value,
  type = 'text',
  label,
  testId,
  placeholder,
  min,
  onCommit,
}: {
  value: string;
  type?: 'text' | 'date' | 'number';
  label: string;
  testId: string;
  placeholder?: string;
  min?: number;
  onCommit: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <input
      type={type}
      aria-label={label}
      title={label}
      value={text}
      min={min}
      placeholder={placeholder}
      data-testid={testId}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => text !== value && onCommit(text)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') setText(value);
      }}
    />
  );
}

export function WavesEditor({ mesh, plan }: { mesh: MeshDocument; plan: RolloutPlan }) {
  const backend = useBackend();
  const waves = wavesInOrder(mesh);
  const put = (edits: EntityValue[], what: string) => {
    if (edits.length > 0) void runEdit(() => backend.entityPut(edits), what);
  };
  const addWave = () => {
    const edit = newWaveEdit(mesh);
    put([edit], `add ${edit.id}`);
  };
  const planned = new Map(plan.waves.map((wave) => [wave.id, wave]));
  return (
    <>
      <div className="wave-toolbar">
        <button type="button" className="button small primary" data-testid="plan-wave-add" onClick={addWave} title="Add an empty wave after the last one (one edit; Undo removes it)">
          + Wave
        </button>
        <span className="muted small">
          A product goes live in the earliest wave that names it, else in the earliest wave that takes its whole domain.
        </span>
      </div>
      {waves.length === 0 ? (
        <p className="empty" data-testid="plan-no-waves">
          No waves planned yet. Add a wave, or propose waves below and adjust them.
        </p>
      ) : (
        <ol className="wave-list" data-testid="plan-waves">
          {waves.map((wave) => (
            <WaveRow key={wave.id} wave={wave} mesh={mesh} planned={planned.get(wave.id)} put={put} />
          ))}
        </ol>
      )}
    </>
  );
}

function WaveRow({
  wave,
  mesh,
  planned,
  put,
}: {
  wave: WaveValue;
  mesh: MeshDocument;
  planned: PlannedWave | undefined;
  put: (edits: EntityValue[], what: string) => void;
}) {
  const backend = useBackend();
  const [confirming, setConfirming] = useState(false);
  const title = wave.name ?? `Wave ${wave.number}`;
  const productName = (id: string) => mesh.products.find((product) => product.id === id)?.name ?? id;
  const domainName = (id: string) => mesh.domains.find((domain) => domain.id === id)?.name ?? id;
  const named = wave.products ?? [];
  const domains = wave.domains ?? [];
  const live = planned?.products ?? [];
  const viaDomain = live.filter((id) => !named.includes(id));
  const remove = () => {
    setConfirming(false);
    void runEdit(() => backend.entityRemove([{ kind: 'wave', id: wave.id }]), `delete ${title}`);
  };
  const productChoices = [...mesh.products]
    .filter((product) => !named.includes(product.id))
    .sort((a, b) => (a.domain ?? '').localeCompare(b.domain ?? '') || a.name.localeCompare(b.name));
  const domainChoices = mesh.domains.filter((domain) => !domains.includes(domain.id));
  return (
    <li className="wave-row" data-testid="plan-wave" data-wave-id={wave.id}>
      <div className="wave-row-head">
        <strong className="wave-number">Wave {wave.number}</strong>
        <label>
          Name
          <CommitInput value={wave.name ?? ''} label={`Name of wave ${wave.number}`} placeholder={`Wave ${wave.number}`} testId={`wave-name-${wave.id}`} onCommit={(text) => put([waveFieldEdit(wave, 'name', text)], `rename ${title}`)} />
        </label>
        <label>
          Start
          <CommitInput type="date" value={wave.start ?? ''} label={`Start of ${title}`} testId={`wave-start-${wave.id}`} onCommit={(text) => put([waveFieldEdit(wave, 'start', text)], `set the start of ${title}`)} />
        </label>
        <label>
          Live
          <CommitInput type="date" value={wave.live ?? ''} label={`Go-live of ${title}`} testId={`wave-live-${wave.id}`} onCommit={(text) => put([waveFieldEdit(wave, 'live', text)], `set the go-live of ${title}`)} />
        </label>
        <span className="wave-row-actions">
          {confirming ? (
            <>
              <button type="button" className="button small danger" data-testid={`wave-delete-confirm-${wave.id}`} onClick={remove}>
                Delete {title}
              </button>
              <button type="button" className="button small" data-testid={`wave-delete-cancel-${wave.id}`} onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="button small" data-testid={`wave-delete-${wave.id}`} title="Delete the wave (one edit; Undo brings it back)" onClick={() => setConfirming(true)}>
              Delete…
            </button>
          )}
        </span>
      </div>
      <div className="wave-assign">
        <span className="wave-assign-label">Products</span>
        {named.map((id) => (
          <span key={id} className="chip removable" data-testid={`wave-product-${wave.id}-${id}`} title={id}>
            {productName(id)}
            <button type="button" className="chip-remove" aria-label={`Remove ${productName(id)} from ${title}`} data-testid={`wave-product-remove-${wave.id}-${id}`} onClick={() => put([waveRemoveProductEdit(wave, id)], `remove ${id} from ${title}`)}>
              ×
            </button>
          </span>
        ))}
        <select
          aria-label={`Add a product to ${title}`}
          value=""
          data-testid={`wave-add-product-${wave.id}`}
          onChange={(event) => event.target.value && put([waveAddProductEdit(wave, event.target.value)], `add ${event.target.value} to ${title}`)}
        >
          <option value="">+ product…</option>
          {productChoices.map((product) => {
            const at = productWave(mesh, product.id);
            return (
              <option key={product.id} value={product.id}>
                {product.name} ({domainName(product.domain ?? '') || 'no domain'}){at ? ` — now wave ${at.wave.number}` : ''}
              </option>
            );
          })}
        </select>
      </div>
      <div className="wave-assign">
        <span className="wave-assign-label">Whole domains</span>
        {domains.map((id) => (
          <span key={id} className="chip removable" data-testid={`wave-domain-${wave.id}-${id}`} title={id}>
            {domainName(id)}
            <button type="button" className="chip-remove" aria-label={`Remove domain ${domainName(id)} from ${title}`} data-testid={`wave-domain-remove-${wave.id}-${id}`} onClick={() => put([waveRemoveDomainEdit(wave, id)], `remove domain ${id} from ${title}`)}>
              ×
            </button>
          </span>
        ))}
        <select
          aria-label={`Add a whole domain to ${title}`}
          value=""
          data-testid={`wave-add-domain-${wave.id}`}
          onChange={(event) => event.target.value && put([waveAddDomainEdit(wave, event.target.value)], `add domain ${event.target.value} to ${title}`)}
        >
          <option value="">+ domain…</option>
          {domainChoices.map((domain) => (
            <option key={domain.id} value={domain.id}>
              {domain.name}
            </option>
          ))}
        </select>
      </div>
      <p className="muted small" data-testid={`wave-goes-live-${wave.id}`}>
        Goes live: {live.length} {live.length === 1 ? 'product' : 'products'}
        {viaDomain.length > 0 && ` (${viaDomain.length} through their domain: ${viaDomain.map(productName).join(', ')})`}
        {named.length > live.length && ' — some named products go live in an earlier wave that also names them'}
      </p>
    </li>
  );
}

/** The plan settings stored in the design: capacity per proposed wave, lighthouse domain, plan start date. */
export function PlanSettingsEditor({ mesh, plan }: { mesh: MeshDocument; plan: RolloutPlan }) {
  const backend = useBackend();
  const rollout = mesh.settings.rollout ?? {};
  const put = (edit: EntityValue, what: string) => void runEdit(() => backend.entityPut([edit]), what);
  const best = plan.ranking[0];
  return (
    <div className="field-row inline-fields" data-testid="plan-settings" role="group" aria-label="Plan settings">
      <label>
        Capacity per wave
        <CommitInput
          type="number"
          min={1}
          value={rollout.capacity === undefined ? '' : String(rollout.capacity)}
          placeholder="no limit"
          label="Capacity per wave (products per proposed wave; empty for no limit)"
          testId="plan-setting-capacity"
          onCommit={(text) => put(rolloutSettingsEdit(mesh, 'capacity', positiveIntOrNull(text)), 'set the capacity per wave')}
        />
      </label>
      <label>
        Lighthouse domain
        <select
          value={rollout.lighthouse ?? ''}
          data-testid="plan-setting-lighthouse"
          onChange={(event) => put(rolloutSettingsEdit(mesh, 'lighthouse', event.target.value || null), 'choose the lighthouse domain')}
        >
          <option value="">Best-ranked{best ? ` (${best.name})` : ''}</option>
          {mesh.domains.map((domain) => (
            <option key={domain.id} value={domain.id}>
              {domain.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Plan start
        <CommitInput
          type="date"
          value={rollout.start ?? ''}
          label="Plan start date"
          testId="plan-setting-start"
          onCommit={(text) => put(rolloutSettingsEdit(mesh, 'start', text || null), 'set the plan start date')}
        />
      </label>
    </div>
  );
}
