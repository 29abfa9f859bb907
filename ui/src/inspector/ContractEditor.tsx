// The contract of an output port, as a form (schema, quality, SLA, support) or as its ODCS YAML document.
// The YAML editor (CodeMirror) loads on first use, so the studio starts without it.
import { lazy, Suspense, useCallback, useState } from 'react';
import type { Contract, QualityRule, SchemaObject, SchemaProperty, SlaProperty, SupportChannel } from '../ipc/model';
import { runEdit, useBackend } from '../studio/session';
import { RowsEditor, Section, SelectField, STATUS_CHOICES, TextField, useDraft, withField, type Column } from './fields';

const ContractYamlEditor = lazy(() => import('./ContractYamlEditor'));

const LOGICAL_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'timestamp', 'time', 'object', 'array'];
const CLASSIFICATIONS = ['public', 'internal', 'restricted', 'confidential', 'pii'];

const PROPERTY_COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Name', width: '18%' },
  { key: 'logicalType', label: 'Type', kind: 'select', choices: LOGICAL_TYPES },
  { key: 'required', label: 'Req.', kind: 'checkbox' },
  { key: 'unique', label: 'Uniq.', kind: 'checkbox' },
  { key: 'primaryKey', label: 'PK', kind: 'checkbox' },
  { key: 'classification', label: 'Class.', kind: 'select', choices: CLASSIFICATIONS },
  { key: 'description', label: 'Description', width: '28%' },
  { key: 'examples', label: 'Examples', kind: 'list' },
];

const QUALITY_COLUMNS: readonly Column[] = [
  { key: 'description', label: 'Rule', width: '34%' },
  {
    key: 'dimension',
    label: 'Dimension',
    kind: 'select',
    choices: ['accuracy', 'completeness', 'conformity', 'consistency', 'coverage', 'timeliness', 'uniqueness'],
  },
  { key: 'type', label: 'Type', kind: 'select', choices: ['text', 'library', 'sql', 'custom'] },
  { key: 'metric', label: 'Metric' },
  { key: 'mustBe', label: 'Must be', kind: 'number-or-text' },
  { key: 'severity', label: 'Severity', kind: 'select', choices: ['error', 'warning', 'info'] },
];

const SLA_COLUMNS: readonly Column[] = [
  { key: 'property', label: 'Property', kind: 'select', choices: ['availability', 'latency', 'frequency', 'retention', 'timeOfAvailability', 'throughput', 'errorRate', 'generalAvailability', 'endOfSupport', 'endOfLife'] },
  { key: 'value', label: 'Value', kind: 'number-or-text' },
  { key: 'unit', label: 'Unit' },
  { key: 'description', label: 'Description', width: '40%' },
];

const SUPPORT_COLUMNS: readonly Column[] = [
  { key: 'channel', label: 'Channel' },
  { key: 'url', label: 'URL', width: '36%' },
  { key: 'tool', label: 'Tool', kind: 'select', choices: ['email', 'slack', 'teams', 'discord', 'ticket', 'other'] },
  { key: 'scope', label: 'Scope', kind: 'select', choices: ['interactive', 'announcements', 'issues'] },
];

export function ContractEditor({ contract }: { contract: Contract }) {
  const [view, setView] = useState<'form' | 'yaml'>('form');
  return (
    <section className="contract-editor" data-testid="contract-editor">
      <div className="contract-editor-head">
        <h3>
          Contract <code>{contract.id}</code>
        </h3>
        <div className="tabs" role="tablist" aria-label="Contract view">
          <button
            type="button"
            role="tab"
            aria-selected={view === 'form'}
            className={view === 'form' ? 'tab active' : 'tab'}
            data-testid="contract-tab-form"
            onClick={() => setView('form')}
          >
            Form
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={view === 'yaml'}
            className={view === 'yaml' ? 'tab active' : 'tab'}
            data-testid="contract-tab-yaml"
            onClick={() => setView('yaml')}
          >
            YAML
          </button>
        </div>
      </div>
      {view === 'form' ? (
        <ContractForm contract={contract} />
      ) : (
        <Suspense fallback={<p className="loading">Loading the YAML editor…</p>}>
          <ContractYamlEditor contractId={contract.id} />
        </Suspense>
      )}
    </section>
  );
}

function ContractForm({ contract }: { contract: Contract }) {
  const backend = useBackend();
  const save = useCallback(
    (value: Contract) => void runEdit(() => backend.entityPut([{ kind: 'contract', id: contract.id, value }]), `save contract ${contract.id}`),
    [backend, contract.id],
  );
  const { draft, update, flush } = useDraft(contract, save);
  const schema = draft.schema ?? [];
  const setObject = (index: number, next: SchemaObject, immediate: boolean) =>
    update({ ...draft, schema: schema.map((item, at) => (at === index ? next : item)) }, immediate);

  return (
    <div className="contract-form">
      <div className="field-row">
        <TextField label="Name" value={draft.name ?? ''} testId="contract-name" onChange={(text) => update(withField(draft, 'name', text || undefined))} onBlur={flush} />
        <TextField label="Version" value={draft.version} testId="contract-version" onChange={(version) => update({ ...draft, version })} onBlur={flush} />
        <SelectField label="Status" value={draft.status} choices={STATUS_CHOICES} testId="contract-status" onChange={(status) => update({ ...draft, status }, true)} />
      </div>
      <TextField
        label="Purpose"
        multiline
        value={draft.description?.purpose ?? ''}
        testId="contract-purpose"
        onChange={(text) => update({ ...draft, description: withField(draft.description ?? {}, 'purpose', text || undefined) })}
        onBlur={flush}
      />

      <Section
        title="Schema"
        actions={
          <button
            type="button"
            className="button small"
            data-testid="contract-add-object"
            onClick={() => update({ ...draft, schema: [...schema, { name: `object_${schema.length + 1}`, logicalType: 'object', properties: [] }] }, true)}
          >
            Add object
          </button>
        }
      >
        {schema.length === 0 && <p className="empty">No schema yet. Add an object (a table, a topic's message) and its properties.</p>}
        {schema.map((object, index) => (
          <details key={index} className="schema-object" open={schema.length <= 2}>
            <summary>
              <strong>{object.name || '(unnamed object)'}</strong>{' '}
              <span className="muted">{(object.properties ?? []).length} properties</span>
            </summary>
            <div className="field-row">
              <TextField label="Object name" value={object.name} onChange={(name) => setObject(index, { ...object, name }, false)} onBlur={flush} />
              <TextField
                label="Description"
                value={object.description ?? ''}
                onChange={(text) => setObject(index, withField(object, 'description', text || undefined), false)}
                onBlur={flush}
              />
            </div>
            <RowsEditor<SchemaProperty>
              rows={object.properties ?? []}
              columns={PROPERTY_COLUMNS}
              testId={`contract-properties-${index}`}
              make={() => ({ name: '', logicalType: 'string' })}
              addLabel="Add property"
              empty="No properties yet."
              onChange={(properties, immediate) => setObject(index, { ...object, properties }, immediate)}
              onBlur={flush}
            />
            <h4>Quality rules</h4>
            <RowsEditor<QualityRule>
              rows={object.quality ?? []}
              columns={QUALITY_COLUMNS}
              testId={`contract-quality-${index}`}
              make={() => ({ type: 'text', description: '' })}
              addLabel="Add quality rule"
              empty="No quality rules on this object."
              onChange={(quality, immediate) => setObject(index, withField(object, 'quality', quality.length > 0 ? quality : undefined), immediate)}
              onBlur={flush}
            />
            <button
              type="button"
              className="button small danger"
              onClick={() => update({ ...draft, schema: schema.filter((_, at) => at !== index) }, true)}
            >
              Remove object {object.name}
            </button>
          </details>
        ))}
      </Section>

      <Section title="Service levels (SLA)">
        <RowsEditor<SlaProperty>
          rows={draft.slaProperties ?? []}
          columns={SLA_COLUMNS}
          testId="contract-sla"
          make={() => ({ property: 'availability', value: '' })}
          addLabel="Add SLA property"
          empty="No service levels: readers do not know how fresh or available the data is."
          onChange={(slaProperties, immediate) => update({ ...draft, slaProperties }, immediate)}
          onBlur={flush}
        />
      </Section>

      <Section title="Support">
        <RowsEditor<SupportChannel>
          rows={draft.support ?? []}
          columns={SUPPORT_COLUMNS}
          testId="contract-support"
          make={() => ({ channel: '' })}
          addLabel="Add support channel"
          empty="No support channels: readers do not know where to ask."
          onChange={(support, immediate) => update({ ...draft, support }, immediate)}
          onBlur={flush}
        />
      </Section>
    </div>
  );
}
