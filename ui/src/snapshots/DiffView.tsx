// A design comparison: the summary, then every added, removed or changed entity by kind, changed fields one by
// one, and for contracts the graded changes with the version bump they need.
import type { DesignDiff } from '../ipc/types';
import { formatValue, groupByKind, summaryText } from './diffFormat';

export function DiffView({ diff }: { diff: DesignDiff }) {
  const groups = groupByKind(diff);
  return (
    <section className="diff" data-testid="snapshot-diff" aria-label={`Changes from ${diff.from} to ${diff.to}`}>
      <h3>
        From {diff.from} to {diff.to}
      </h3>
      <p data-testid="snapshot-diff-summary">{summaryText(diff)}</p>
      {groups.map((group) => (
        <div key={group.kind} className="diff-group">
          <h4>{group.label}</h4>
          <ul>
            {group.changes.map((change) => (
              <li key={`${change.kind}:${change.id}`} className={`diff-entity diff-${change.change}`} data-testid="diff-entity" data-change={change.change}>
                <span className={`chip diff-chip-${change.change}`}>{change.change}</span> <code>{change.id || '(design)'}</code>
                {change.fields.length > 0 && (
                  <table className="data-table diff-fields">
                    <thead>
                      <tr>
                        <th scope="col">Field</th>
                        <th scope="col">Before</th>
                        <th scope="col">After</th>
                      </tr>
                    </thead>
                    <tbody>
                      {change.fields.map((field) => (
                        <tr key={field.path} data-testid="diff-field">
                          <td>
                            <code>{field.path || '(value)'}</code>
                          </td>
                          <td>{formatValue(field.old)}</td>
                          <td>{formatValue(field.new)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {change.contractChanges.length > 0 && (
                  <ul className="contract-changes" data-testid="diff-contract-changes">
                    {change.contractChanges.map((graded, index) => (
                      <li key={`${graded.location}-${index}`} className={`graded graded-${graded.severity}`}>
                        <span className={`badge ${graded.severity === 'breaking' ? 'badge-error' : graded.severity === 'warning' ? 'badge-warning' : 'badge-info'}`}>{graded.severity}</span>{' '}
                        {graded.message}
                      </li>
                    ))}
                  </ul>
                )}
                {change.bumpNeeded !== null && (
                  <p className="muted small">
                    Needs a {change.bumpNeeded} version bump{change.versionSufficient === false ? ' — the version number does not say so yet.' : '.'}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
