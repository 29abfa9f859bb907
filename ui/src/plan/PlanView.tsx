// The rollout plan: the mesh-level verdict and its reasons, each domain's readiness (with the questionnaire to
// score it), the lighthouse ranking, the stored waves, the critical path and wave-order findings, the automatic
// proposal (applied as one undoable edit) and the plan's export. Numbers come from the backend's plan engine.
import { useState } from 'react';
import type { PlanFormat, RolloutPlan } from '../ipc/types';
import { useDesignStore } from '../store/designStore';
import { runEdit, useBackend } from '../studio/session';
import { useBackendQuery } from '../studio/useBackendQuery';
import { fileNameFor, saveTextAs } from '../studio/files';
import { AssessmentEditor } from './AssessmentEditor';
import { positiveIntOrNull } from './planEdits';
import { PlanSettingsEditor, WavesEditor } from './WavesEditor';

const VERDICT_CLASS: Record<RolloutPlan['verdict']['verdict'], string> = {
  meshPaysOff: 'verdict-good',
  startWithLighthouse: 'verdict-mixed',
  stayCentralized: 'verdict-bad',
  notAssessed: 'verdict-none',
};

const EXPORTS: readonly { format: PlanFormat; label: string; extension: string }[] = [
  { format: 'markdown', label: 'Markdown', extension: 'md' },
  { format: 'csv', label: 'CSV', extension: 'csv' },
  { format: 'json', label: 'JSON', extension: 'json' },
];

export function PlanView() {
  const backend = useBackend();
  const title = useDesignStore((state) => state.view?.title ?? 'design');
  const mesh = useDesignStore((state) => state.view?.mesh);
  const products = mesh?.products;
  const [capacityText, setCapacityText] = useState('');
  const [weeksText, setWeeksText] = useState('4');
  const [editing, setEditing] = useState<string | null>(null);
  const capacity = positiveIntOrNull(capacityText);
  const plan = useBackendQuery(() => backend.planGet(capacity), [backend, capacity]);
  const questions = useBackendQuery(() => backend.planQuestions(), [backend]);
  const nameOf = (id: string) => products?.find((product) => product.id === id)?.name ?? id;

  if (plan.error) {
    return (
      <main className="screen" data-testid="plan-view">
        <p className="empty" role="alert">
          The plan could not be made: {plan.error.message}
        </p>
      </main>
    );
  }
  const data = plan.data;
  if (!data) {
    return (
      <main className="screen" data-testid="plan-view">
        <p className="muted" role="status">
          Working out the plan…
        </p>
      </main>
    );
  }

  const apply = async () => {
    await runEdit(() => backend.planApplyProposal(capacity, positiveIntOrNull(weeksText)), 'apply the proposed waves');
  };

  return (
    <main className="screen plan-view" data-testid="plan-view" aria-label="Rollout plan">
      <header className="screen-head">
        <h1>Rollout plan</h1>
        <div className="screen-actions" role="group" aria-label="Export the plan">
          {EXPORTS.map((choice) => (
            <button
              key={choice.format}
              type="button"
              className="button small"
              data-testid={`plan-export-${choice.format}`}
              onClick={() =>
                void saveTextAs(backend, () => backend.planExport(choice.format, capacity), {
                  what: `the plan as ${choice.label}`,
                  title: `Rollout plan (${choice.label})`,
                  defaultName: `${fileNameFor(title, 'plan')}.${choice.extension}`,
                  extensions: [choice.extension],
                })
              }
            >
              Export {choice.label}
            </button>
          ))}
        </div>
      </header>

      <section className={`card verdict ${VERDICT_CLASS[data.verdict.verdict]}`} data-testid="plan-verdict" aria-label="Verdict">
        <h2>
          Verdict: <span data-testid="plan-verdict-headline">{data.verdict.headline}</span>
        </h2>
        <ul>
          {data.verdict.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        <p className="muted">
          {data.verdict.assessed} of {data.verdict.domains} domains assessed, {data.verdict.ready} ready.
        </p>
      </section>

      <div className="screen-columns">
        <section className="card" aria-label="Readiness per domain">
          <h2>Readiness per domain</h2>
          {data.readiness.length === 0 ? (
            <p className="empty">No domains yet. Add domains on the canvas, then score their readiness here.</p>
          ) : (
            <table className="data-table" data-testid="readiness-table">
              <thead>
                <tr>
                  <th scope="col">Domain</th>
                  <th scope="col">Readiness</th>
                  <th scope="col">Need</th>
                  <th scope="col">Value</th>
                  <th scope="col">Answered</th>
                  <th scope="col" aria-label="Questionnaire" />
                </tr>
              </thead>
              <tbody>
                {data.readiness.map((row) => (
                  <tr key={row.domain} data-testid={`readiness-${row.domain}`} className={editing === row.domain ? 'current' : undefined}>
                    <th scope="row">
                      {row.name}
                      {row.ready && <span className="chip status-active">ready</span>}
                      {row.weakest.length > 0 && <div className="muted small">Work on: {row.weakest.join(', ')}</div>}
                    </th>
                    <td data-testid={`readiness-score-${row.domain}`}>{row.readiness ?? '–'}</td>
                    <td>{row.need ?? '–'}</td>
                    <td>{row.businessValue ?? '–'}</td>
                    <td>{row.answered}/12</td>
                    <td>
                      <button
                        type="button"
                        className="button small"
                        data-testid={`assess-${row.domain}`}
                        aria-expanded={editing === row.domain}
                        onClick={() => setEditing(editing === row.domain ? null : row.domain)}
                      >
                        {editing === row.domain ? 'Close' : 'Score…'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {editing !== null && questions.data && (
            <AssessmentEditor domain={editing} name={data.readiness.find((row) => row.domain === editing)?.name ?? editing} questions={questions.data} />
          )}
        </section>

        <section className="card" aria-label="Lighthouse candidates">
          <h2>Lighthouse candidates</h2>
          {data.ranking.length === 0 ? (
            <p className="empty">No domains to rank yet.</p>
          ) : (
            <ol className="ranking" data-testid="ranking">
              {data.ranking.map((row) => (
                <li key={row.domain} data-testid="ranking-row" className={row.domain === data.lighthouse ? 'lighthouse' : undefined}>
                  <div className="ranking-head">
                    <strong>
                      {row.rank}. {row.name}
                    </strong>
                    <span className="score" title="Score out of 100">
                      {row.score}
                    </span>
                    {row.domain === data.lighthouse && (
                      <span className="chip status-active">{data.lighthouseChosen ? 'lighthouse (chosen)' : 'lighthouse'}</span>
                    )}
                  </div>
                  <p className="muted">{row.explanation}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <section className="card" aria-label="Plan settings">
        <h2>Plan settings</h2>
        <p className="muted">Stored in the design; each change is one edit (Undo with Ctrl+Z).</p>
        {mesh && <PlanSettingsEditor mesh={mesh} plan={data} />}
      </section>

      <section className="card" aria-label="Waves">
        <h2>Waves</h2>
        {mesh && <WavesEditor mesh={mesh} plan={data} />}
        <h3>Products in no wave</h3>
        {data.unplanned.length === 0 ? (
          <p className="muted" data-testid="plan-unplanned-none">Every product that is not live yet has a wave.</p>
        ) : (
          <p data-testid="plan-unplanned">{data.unplanned.map((id) => <span key={id} className="chip" title={id}>{nameOf(id)}</span>)}</p>
        )}
        <h3>Critical path</h3>
        {data.criticalPath.products.length === 0 ? (
          <p className="muted">No products yet.</p>
        ) : (
          <p data-testid="plan-critical-path">
            {data.criticalPath.products.map(nameOf).join(' → ')}{' '}
            <span className="muted">
              (at least {data.criticalPath.minimumWaves} {data.criticalPath.minimumWaves === 1 ? 'wave' : 'waves'}
              {data.criticalPath.throughCycles ? ', through a dependency cycle' : ''})
            </span>
          </p>
        )}
        {data.waveFindings.length > 0 && (
          <>
            <h3>Wave order problems</h3>
            <ul className="wave-findings" data-testid="plan-wave-findings">
              {data.waveFindings.map((finding, index) => (
                <li key={`${finding.rule}-${index}`} className="finding-warning">
                  <span className={`badge badge-${finding.severity}`}>{finding.rule}</span> {finding.message}
                  <div className="muted">{finding.fix}</div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-label="Propose waves">
        <h2>Propose waves</h2>
        <p className="muted">
          Meshwright orders products so nothing goes live before what it reads: the lighthouse first, then by rank.
          Applying the proposal replaces the stored waves in one edit; Undo (Ctrl+Z) brings them back.
        </p>
        <div className="field-row inline-fields">
          <label title="Try another capacity for this proposal only; the stored capacity is in the plan settings">
            Products per wave (this proposal)
            <input
              type="number"
              min={1}
              placeholder={data.capacity === null ? 'no limit' : String(data.capacity)}
              value={capacityText}
              data-testid="plan-capacity"
              onChange={(event) => setCapacityText(event.target.value)}
            />
          </label>
          <label>
            Weeks per wave
            <input type="number" min={1} value={weeksText} data-testid="plan-weeks" onChange={(event) => setWeeksText(event.target.value)} />
          </label>
          <button type="button" className="button primary" data-testid="plan-apply-proposal" disabled={data.proposal.length === 0} onClick={() => void apply()}>
            Replace the waves with this proposal
          </button>
        </div>
        {data.proposal.length === 0 ? (
          <p className="empty">Nothing to plan: the design has no products that still need to go live.</p>
        ) : (
          <ol className="proposal" data-testid="plan-proposal">
            {data.proposal.map((wave) => (
              <li key={wave.number}>
                <strong>Wave {wave.number}</strong> ({wave.products.length}): {wave.products.map(nameOf).join(', ')}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
