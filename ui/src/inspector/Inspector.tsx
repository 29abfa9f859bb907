// The inspector: a form for whatever is selected (design settings when nothing is). Every change is sent to the
// backend as the whole updated entity (entityPut); typing commits after a short pause or when the field loses focus.
import { useCallback } from 'react';
import type {
  Binding,
  Consumer,
  Contract,
  DataProduct,
  Domain,
  MeshDocument,
  MeshSettings,
  OutputPort,
  SourceSystem,
  Team,
  TeamMember,
} from '../ipc/model';
import type { EntityKind, EntityValue } from '../ipc/types';
import { bindingTarget, isContractBinding, uniqueId, allIds } from '../ipc/meshIndex';
import { useDesignStore, type InspectorTarget } from '../store/designStore';
import { runEdit, useBackend } from '../studio/session';
import { ARCHETYPE_LABEL } from '../canvas/nodes';
import {
  ParsedInput,
  RowsEditor,
  Section,
  SelectField,
  STATUS_CHOICES,
  TextField,
  formatList,
  parseList,
  useDraft,
  withField,
  type Choice,
} from './fields';
import { ContractEditor } from './ContractEditor';
import { moveProductEdit, productWave, wavesInOrder } from '../plan/planEdits';

const ARCHETYPE_CHOICES: readonly Choice[] = (Object.keys(ARCHETYPE_LABEL) as (keyof typeof ARCHETYPE_LABEL)[]).map(
  (value) => ({ value, label: ARCHETYPE_LABEL[value] }),
);

/** Saves an entity as one edit. */
function useSave(kind: EntityKind, id: string) {
  const backend = useBackend();
  return useCallback(
    (value: unknown) => void runEdit(() => backend.entityPut([{ kind, id, value }]), `save ${kind} ${id}`),
    [backend, kind, id],
  );
}

function choicesOf(items: readonly { id: string; name: string }[]): Choice[] {
  return items.map((item) => ({ value: item.id, label: item.name }));
}

export function Inspector() {
  const target = useDesignStore((state) => state.inspector);
  const mesh = useDesignStore((state) => state.view?.mesh);
  if (!mesh) return null;
  return (
    <div className="inspector" data-testid="inspector">
      <InspectorBody mesh={mesh} target={target} />
    </div>
  );
}

function InspectorBody({ mesh, target }: { mesh: MeshDocument; target: InspectorTarget | null }) {
  if (target === null) return <SettingsForm settings={mesh.settings} />;
  const missing = (
    <p className="empty">
      {target.id} is no longer in the design. Select something on the canvas, or press Ctrl+K to find it.
    </p>
  );
  switch (target.kind) {
    case 'domain': {
      const domain = mesh.domains.find((item) => item.id === target.id);
      return domain ? <DomainForm key={domain.id} domain={domain} mesh={mesh} /> : missing;
    }
    case 'team': {
      const team = mesh.teams.find((item) => item.id === target.id);
      return team ? <TeamForm key={team.id} team={team} /> : missing;
    }
    case 'product': {
      const product = mesh.products.find((item) => item.id === target.id);
      return product ? <ProductForm key={product.id} product={product} mesh={mesh} /> : missing;
    }
    case 'sourceSystem': {
      const source = mesh.sourceSystems.find((item) => item.id === target.id);
      return source ? <SourceSystemForm key={source.id} source={source} mesh={mesh} /> : missing;
    }
    case 'consumer': {
      const consumer = mesh.consumers.find((item) => item.id === target.id);
      return consumer ? <ConsumerForm key={consumer.id} consumer={consumer} mesh={mesh} /> : missing;
    }
    case 'port': {
      const product = mesh.products.find((item) => item.id === target.id);
      if (!product) return missing;
      return (
        <PortForm
          key={`${product.id}:${target.direction}:${target.name}`}
          product={product}
          direction={target.direction}
          name={target.name}
          mesh={mesh}
        />
      );
    }
  }
}

function Heading({ kind, id }: { kind: string; id: string }) {
  return (
    <header className="inspector-heading">
      <span className="inspector-kind">{kind}</span>
      <code className="inspector-id" title="The id cannot be changed">
        {id}
      </code>
    </header>
  );
}

function SettingsForm({ settings }: { settings: MeshSettings }) {
  const save = useSave('settings', 'mesh');
  const { draft, update, flush } = useDraft(settings, save);
  return (
    <div className="inspector-form">
      <Heading kind="Design" id="settings" />
      <TextField label="Name" value={draft.name} testId="inspector-name" onChange={(name) => update({ ...draft, name })} onBlur={flush} />
      <TextField
        label="Description"
        multiline
        value={draft.description ?? ''}
        testId="inspector-description"
        onChange={(text) => update(withField(draft, 'description', text || undefined))}
        onBlur={flush}
      />
      <p className="hint">Select a domain, product, source system or consumer on the canvas to edit it here.</p>
    </div>
  );
}

function DomainForm({ domain, mesh }: { domain: Domain; mesh: MeshDocument }) {
  const save = useSave('domain', domain.id);
  const { draft, update, flush } = useDraft(domain, save);
  const inspect = useDesignStore((state) => state.inspect);
  const products = mesh.products.filter((product) => product.domain === domain.id);
  return (
    <div className="inspector-form">
      <Heading kind="Domain" id={domain.id} />
      <TextField label="Name" value={draft.name} testId="inspector-name" onChange={(name) => update({ ...draft, name })} onBlur={flush} />
      <TextField
        label="Description"
        multiline
        value={draft.description ?? ''}
        testId="inspector-description"
        onChange={(text) => update(withField(draft, 'description', text || undefined))}
        onBlur={flush}
      />
      <SelectField
        label="Owner team"
        value={draft.ownerTeam ?? ''}
        allowNone="(none)"
        choices={choicesOf(mesh.teams)}
        testId="inspector-ownerTeam"
        onChange={(team) => update(withField(draft, 'ownerTeam', team || undefined), true)}
      />
      <Section title={`Products (${products.length})`}>
        {products.length === 0 ? (
          <p className="empty">No products yet. With the domain selected, press P to add one.</p>
        ) : (
          <ul className="link-list">
            {products.map((product) => (
              <li key={product.id}>
                <button type="button" className="link" onClick={() => inspect({ kind: 'product', id: product.id })}>
                  {product.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

function TeamForm({ team }: { team: Team }) {
  const save = useSave('team', team.id);
  const { draft, update, flush } = useDraft(team, save);
  return (
    <div className="inspector-form">
      <Heading kind="Team" id={team.id} />
      <TextField label="Name" value={draft.name} testId="inspector-name" onChange={(name) => update({ ...draft, name })} onBlur={flush} />
      <TextField
        label="Description"
        multiline
        value={draft.description ?? ''}
        testId="inspector-description"
        onChange={(text) => update(withField(draft, 'description', text || undefined))}
        onBlur={flush}
      />
      <Section title="Members">
        <RowsEditor<TeamMember>
          rows={draft.members ?? []}
          testId="inspector-members"
          columns={[
            { key: 'username', label: 'Username' },
            { key: 'name', label: 'Name' },
            { key: 'role', label: 'Role', kind: 'select', choices: ['owner', 'data steward', 'engineer', 'analyst'] },
          ]}
          make={() => ({ username: '' })}
          addLabel="Add member"
          empty="No members yet. A team needs at least an owner."
          onChange={(members, immediate) => update({ ...draft, members }, immediate)}
          onBlur={flush}
        />
      </Section>
    </div>
  );
}

/**
 * The product's rollout wave: named in a wave, or going live with its domain's wave. Choosing a wave names the
 * product there and takes it out of every other wave naming it, as one edit (one entityPut of the changed waves).
 */
function RolloutWaveField({ product, mesh, beforeEdit }: { product: DataProduct; mesh: MeshDocument; beforeEdit: () => void }) {
  const backend = useBackend();
  const current = productWave(mesh, product.id);
  const waves = wavesInOrder(mesh);
  const domainName = (id: string | undefined) => mesh.domains.find((domain) => domain.id === id)?.name ?? id ?? '';
  // Where the product goes with no wave naming it: its domain's wave, if any.
  const withoutNaming = productWave(
    { ...mesh, waves: mesh.waves.map((wave) => ({ ...wave, products: (wave.products ?? []).filter((id) => id !== product.id) })) },
    product.id,
  );
  const noneLabel = withoutNaming ? `Via domain ${domainName(product.domain)}, wave ${withoutNaming.wave.number}` : 'No wave';
  const move = (target: string) => {
    const edits = moveProductEdit(mesh, product.id, target || null);
    if (edits.length === 0) return;
    beforeEdit();
    const where = target ? waves.find((wave) => wave.id === target)?.name ?? target : 'no wave';
    void runEdit(() => backend.entityPut(edits), `move ${product.id} to ${where}`);
  };
  const status =
    current === null
      ? 'In no wave: the product is not planned yet.'
      : current.via === 'product'
        ? `Named in wave ${current.wave.number}${current.wave.live ? `, live ${current.wave.live}` : ''}.`
        : `Via domain ${domainName(product.domain)}, wave ${current.wave.number}${current.wave.live ? `, live ${current.wave.live}` : ''}.`;
  return (
    <div className="rollout-wave-field">
      <SelectField
        label="Rollout wave"
        value={current?.via === 'product' ? current.wave.id : ''}
        allowNone={noneLabel}
        choices={waves.map((wave) => ({
          value: wave.id,
          label: `Wave ${wave.number}${wave.name && wave.name !== `Wave ${wave.number}` ? `: ${wave.name}` : ''}`,
        }))}
        testId="inspector-wave"
        onChange={move}
      />
      <p className="hint" data-testid="inspector-wave-status">
        {status}
      </p>
    </div>
  );
}

function bindingText(binding: Binding): string {
  return isContractBinding(binding)
    ? `contract ${binding.contractId} v${binding.version}`
    : `source system ${binding.sourceSystem}`;
}

function ProductForm({ product, mesh }: { product: DataProduct; mesh: MeshDocument }) {
  const backend = useBackend();
  const save = useSave('product', product.id);
  const { draft, update, flush } = useDraft(product, save);
  const inspect = useDesignStore((state) => state.inspect);
  const description = draft.description ?? {};
  const setDescription = (key: 'purpose' | 'limitations' | 'usage', text: string) =>
    update({ ...draft, description: withField(description, key, text || undefined) });

  const addOutputPort = () => {
    flush();
    const taken = new Set((product.outputPorts ?? []).map((port) => port.name));
    const name = uniqueId(taken, 'output');
    const contractId = uniqueId(allIds(mesh), `${product.id}.${name}`);
    const contract: Contract = {
      id: contractId,
      name: `${product.name}: ${name}`,
      version: '1.0.0',
      status: 'draft',
      ...(product.domain ? { domain: product.domain } : {}),
      schema: [],
    };
    const port: OutputPort = { name, version: '1.0.0', type: 'table', contractId };
    const puts: EntityValue[] = [
      { kind: 'contract', id: contractId, value: contract },
      { kind: 'product', id: product.id, value: { ...product, outputPorts: [...(product.outputPorts ?? []), port] } },
    ];
    void runEdit(() => backend.entityPut(puts), `add an output port to ${product.id}`).then((result) => {
      if (result) inspect({ kind: 'port', id: product.id, direction: 'output', name });
    });
  };

  const removeInputPort = (name: string) =>
    update({ ...draft, inputPorts: (draft.inputPorts ?? []).filter((port) => port.name !== name) }, true);

  return (
    <div className="inspector-form">
      <Heading kind="Data product" id={product.id} />
      <TextField label="Name" value={draft.name} testId="inspector-name" onChange={(name) => update({ ...draft, name })} onBlur={flush} />
      <div className="field-row">
        <SelectField
          label="Domain"
          value={draft.domain ?? ''}
          allowNone="(none)"
          choices={choicesOf(mesh.domains)}
          testId="inspector-domain"
          onChange={(domain) => update(withField(draft, 'domain', domain || undefined), true)}
        />
        <SelectField
          label="Owner team"
          value={draft.ownerTeam ?? ''}
          allowNone="(none)"
          choices={choicesOf(mesh.teams)}
          testId="inspector-ownerTeam"
          onChange={(team) => update(withField(draft, 'ownerTeam', team || undefined), true)}
        />
      </div>
      <div className="field-row">
        <SelectField
          label="Archetype"
          value={draft.archetype ?? ''}
          allowNone="(not set)"
          choices={ARCHETYPE_CHOICES}
          testId="inspector-archetype"
          onChange={(archetype) => update(withField(draft, 'archetype', archetype || undefined), true)}
        />
        <SelectField
          label="Status"
          value={draft.status}
          choices={STATUS_CHOICES}
          testId="inspector-status"
          onChange={(status) => update({ ...draft, status }, true)}
        />
        <TextField
          label="Version"
          value={draft.version ?? ''}
          testId="inspector-version"
          onChange={(version) => update(withField(draft, 'version', version || undefined))}
          onBlur={flush}
        />
      </div>
      <RolloutWaveField product={product} mesh={mesh} beforeEdit={flush} />
      <TextField
        label="Purpose"
        multiline
        value={description.purpose ?? ''}
        testId="inspector-purpose"
        placeholder="What is this product for, and for whom?"
        onChange={(text) => setDescription('purpose', text)}
        onBlur={flush}
      />
      <TextField
        label="Limitations"
        multiline
        value={description.limitations ?? ''}
        testId="inspector-limitations"
        onChange={(text) => setDescription('limitations', text)}
        onBlur={flush}
      />
      <TextField
        label="Usage"
        multiline
        value={description.usage ?? ''}
        testId="inspector-usage"
        onChange={(text) => setDescription('usage', text)}
        onBlur={flush}
      />
      <div className="field">
        <label htmlFor={`tags-${product.id}`}>Tags</label>
        <ParsedInput
          id={`tags-${product.id}`}
          value={draft.tags}
          format={formatList}
          parse={parseList}
          testId="inspector-tags"
          onChange={(tags) => update(withField(draft, 'tags', tags))}
          onBlur={flush}
        />
      </div>

      <Section
        title="Output ports"
        actions={
          <button type="button" className="button small" data-testid="inspector-add-output" onClick={addOutputPort}>
            Add
          </button>
        }
      >
        {(product.outputPorts ?? []).length === 0 ? (
          <p className="empty">No output ports. Add one to publish data under a contract.</p>
        ) : (
          <ul className="port-rows">
            {(product.outputPorts ?? []).map((port) => (
              <li key={port.name}>
                <button
                  type="button"
                  className="link"
                  data-testid={`inspector-port-out-${port.name}`}
                  onClick={() => {
                    flush();
                    inspect({ kind: 'port', id: product.id, direction: 'output', name: port.name });
                  }}
                >
                  {port.name}
                </button>
                <span className="muted">
                  {port.type ?? 'port'} v{port.version}
                  {port.contractId ? ` · ${port.contractId}` : ' · no contract'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Input ports">
        {(product.inputPorts ?? []).length === 0 ? (
          <p className="empty">
            No input ports. Drag from another product&apos;s output port (or a source system) onto this product.
          </p>
        ) : (
          <ul className="port-rows">
            {(product.inputPorts ?? []).map((port) => (
              <li key={port.name}>
                <button
                  type="button"
                  className="link"
                  data-testid={`inspector-port-in-${port.name}`}
                  onClick={() => {
                    flush();
                    inspect({ kind: 'port', id: product.id, direction: 'input', name: port.name });
                  }}
                >
                  {port.name}
                </button>
                <span className="muted">{bindingText(port.source)}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove input port ${port.name}`}
                  title="Remove this dependency"
                  onClick={() => removeInputPort(port.name)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

function PortForm({
  product,
  direction,
  name,
  mesh,
}: {
  product: DataProduct;
  direction: 'input' | 'output';
  name: string;
  mesh: MeshDocument;
}) {
  const backend = useBackend();
  const inspect = useDesignStore((state) => state.inspect);
  const listKey = direction === 'output' ? 'outputPorts' : 'inputPorts';
  const index = (product[listKey] ?? []).findIndex((port) => port.name === name);
  const save = useCallback(
    (next: DataProduct) => {
      void runEdit(() => backend.entityPut([{ kind: 'product', id: product.id, value: next }]), `save port ${name} of ${product.id}`);
      // Follow a rename, so the inspector keeps showing this port.
      const renamed = next[listKey]?.[index]?.name;
      if (renamed !== undefined && renamed !== name) inspect({ kind: 'port', id: product.id, direction, name: renamed });
    },
    [backend, direction, index, inspect, listKey, name, product.id],
  );
  const { draft, update, flush } = useDraft(product, save);
  const back = (
    <button type="button" className="link back-link" onClick={() => inspect({ kind: 'product', id: product.id })}>
      ← {product.name}
    </button>
  );
  if (index < 0) {
    return (
      <div className="inspector-form">
        {back}
        <p className="empty">Port {name} is no longer on {product.name}.</p>
      </div>
    );
  }

  if (direction === 'input') {
    const port = (draft.inputPorts ?? [])[index];
    if (!port) return null;
    const setName = (text: string) =>
      update({ ...draft, inputPorts: (draft.inputPorts ?? []).map((item, at) => (at === index ? { ...item, name: text } : item)) });
    return (
      <div className="inspector-form">
        {back}
        <Heading kind="Input port" id={`${product.id} ← ${bindingTarget(port.source)}`} />
        <TextField label="Name" value={port.name} testId="inspector-name" onChange={setName} onBlur={flush} />
        <p className="muted">Reads {bindingText(port.source)}.</p>
        <button
          type="button"
          className="button danger"
          onClick={() => {
            inspect({ kind: 'product', id: product.id });
            update({ ...draft, inputPorts: (draft.inputPorts ?? []).filter((_, at) => at !== index) }, true);
          }}
        >
          Remove this input port
        </button>
      </div>
    );
  }

  const port = (draft.outputPorts ?? [])[index];
  if (!port) return null;
  const setPort = (next: OutputPort, immediate = false) =>
    update({ ...draft, outputPorts: (draft.outputPorts ?? []).map((item, at) => (at === index ? next : item)) }, immediate);
  const contract = port.contractId ? mesh.contracts.find((item) => item.id === port.contractId) : undefined;

  const createContract = () => {
    flush();
    const contractId = uniqueId(allIds(mesh), `${product.id}.${port.name}`);
    const value: Contract = {
      id: contractId,
      name: `${product.name}: ${port.name}`,
      version: port.version,
      status: 'draft',
      ...(product.domain ? { domain: product.domain } : {}),
      schema: [],
    };
    const nextProduct: DataProduct = {
      ...product,
      outputPorts: (product.outputPorts ?? []).map((item, at) => (at === index ? { ...item, contractId } : item)),
    };
    void runEdit(
      () =>
        backend.entityPut([
          { kind: 'contract', id: contractId, value },
          { kind: 'product', id: product.id, value: nextProduct },
        ]),
      `create a contract for ${port.name}`,
    );
  };

  return (
    <div className="inspector-form">
      {back}
      <Heading kind="Output port" id={`${product.id} → ${port.name}`} />
      <div className="field-row">
        <TextField label="Name" value={port.name} testId="inspector-name" onChange={(text) => setPort({ ...port, name: text })} onBlur={flush} />
        <TextField label="Version" value={port.version} testId="inspector-version" onChange={(text) => setPort({ ...port, version: text })} onBlur={flush} />
        <SelectField
          label="Type"
          value={port.type ?? ''}
          allowNone="(not set)"
          choices={['table', 'topic', 'api', 'file', 'view'].map((value) => ({ value, label: value }))}
          testId="inspector-port-type"
          onChange={(type) => setPort(withField(port, 'type', type || undefined), true)}
        />
      </div>
      <TextField
        label="Description"
        multiline
        value={port.description ?? ''}
        testId="inspector-description"
        onChange={(text) => setPort(withField(port, 'description', text || undefined))}
        onBlur={flush}
      />
      {contract ? (
        <ContractEditor key={contract.id} contract={contract} />
      ) : (
        <Section title="Contract">
          <p className="empty">
            {port.contractId
              ? `The contract ${port.contractId} is not in the design.`
              : 'This port has no contract yet: readers cannot rely on it.'}
          </p>
          <button type="button" className="button primary" data-testid="inspector-create-contract" onClick={createContract}>
            Create a contract
          </button>
        </Section>
      )}
    </div>
  );
}

function SourceSystemForm({ source, mesh }: { source: SourceSystem; mesh: MeshDocument }) {
  const save = useSave('sourceSystem', source.id);
  const { draft, update, flush } = useDraft(source, save);
  const text = (key: 'kind' | 'technology' | 'description') => (value: string) =>
    update(withField(draft, key, value || undefined));
  return (
    <div className="inspector-form">
      <Heading kind="Source system" id={source.id} />
      <TextField label="Name" value={draft.name} testId="inspector-name" onChange={(name) => update({ ...draft, name })} onBlur={flush} />
      <SelectField
        label="Domain"
        value={draft.domain ?? ''}
        allowNone="(none)"
        choices={choicesOf(mesh.domains)}
        testId="inspector-domain"
        onChange={(domain) => update(withField(draft, 'domain', domain || undefined), true)}
      />
      <div className="field-row">
        <TextField label="Kind" value={draft.kind ?? ''} testId="inspector-kind" placeholder="database, saas, event-stream…" onChange={text('kind')} onBlur={flush} />
        <TextField label="Technology" value={draft.technology ?? ''} testId="inspector-technology" onChange={text('technology')} onBlur={flush} />
      </div>
      <TextField label="Description" multiline value={draft.description ?? ''} testId="inspector-description" onChange={text('description')} onBlur={flush} />
    </div>
  );
}

function ConsumerForm({ consumer, mesh }: { consumer: Consumer; mesh: MeshDocument }) {
  const save = useSave('consumer', consumer.id);
  const { draft, update, flush } = useDraft(consumer, save);
  const text = (key: 'kind' | 'description' | 'useCase') => (value: string) =>
    update(withField(draft, key, value || undefined));
  return (
    <div className="inspector-form">
      <Heading kind="Consumer" id={consumer.id} />
      <TextField label="Name" value={draft.name} testId="inspector-name" onChange={(name) => update({ ...draft, name })} onBlur={flush} />
      <div className="field-row">
        <SelectField
          label="Kind"
          value={draft.kind ?? ''}
          allowNone="(not set)"
          choices={['report', 'dashboard', 'ml-model', 'application'].map((value) => ({ value, label: value }))}
          testId="inspector-kind"
          onChange={(kind) => update(withField(draft, 'kind', kind || undefined), true)}
        />
        <SelectField
          label="Domain"
          value={draft.domain ?? ''}
          allowNone="(none)"
          choices={choicesOf(mesh.domains)}
          testId="inspector-domain"
          onChange={(domain) => update(withField(draft, 'domain', domain || undefined), true)}
        />
        <SelectField
          label="Owner team"
          value={draft.ownerTeam ?? ''}
          allowNone="(none)"
          choices={choicesOf(mesh.teams)}
          testId="inspector-ownerTeam"
          onChange={(team) => update(withField(draft, 'ownerTeam', team || undefined), true)}
        />
      </div>
      <TextField label="Description" multiline value={draft.description ?? ''} testId="inspector-description" onChange={text('description')} onBlur={flush} />
      <TextField label="Use case" multiline value={draft.useCase ?? ''} testId="inspector-useCase" onChange={text('useCase')} onBlur={flush} />
      <Section title="Reads">
        {(draft.inputs ?? []).length === 0 ? (
          <p className="empty">Reads nothing yet. Drag from a product&apos;s output port onto this consumer.</p>
        ) : (
          <ul className="port-rows">
            {(draft.inputs ?? []).map((binding, index) => (
              <li key={index}>
                <span>{bindingText(binding)}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Stop reading ${bindingTarget(binding)}`}
                  title="Remove this dependency"
                  onClick={() => update({ ...draft, inputs: (draft.inputs ?? []).filter((_, at) => at !== index) }, true)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
