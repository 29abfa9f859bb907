// Governance findings of the open design, grouped by severity and rule. Clicking one selects its entity and
// brings it into view (a contract's finding goes to the product that publishes the contract).
import { useMemo, useState } from 'react';
import type { Finding, Severity } from '../ipc/types';
import { contractOwners } from '../ipc/meshIndex';
import { nodeIdOfEntity } from '../canvas/graph';
import { useDesignStore } from '../store/designStore';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEVERITY_TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Information' };

export type FindingsPanelProps = { onReveal: (nodeId: string) => void };

export function FindingsPanel({ onReveal }: FindingsPanelProps) {
  const report = useDesignStore((state) => state.view?.findings);
  const mesh = useDesignStore((state) => state.view?.mesh);
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });

  const groups = useMemo(() => {
    const bySeverity = new Map<Severity, Map<string, Finding[]>>();
    for (const finding of report?.findings ?? []) {
      const rules = bySeverity.get(finding.severity) ?? new Map<string, Finding[]>();
      bySeverity.set(finding.severity, rules);
      const list = rules.get(finding.rule);
      if (list) list.push(finding);
      else rules.set(finding.rule, [finding]);
    }
    return bySeverity;
  }, [report]);

  if (!report || !mesh) return null;

  const reveal = (finding: Finding) => {
    const [first] = finding.entities;
    if (!first) return;
    const store = useDesignStore.getState();
    if (first.kind === 'team') {
      store.inspect({ kind: 'team', id: first.id });
      return;
    }
    const nodeId = nodeIdOfEntity(first, contractOwners(mesh));
    if (nodeId === null) return;
    onReveal(nodeId);
    if (first.kind === 'contract') {
      const owner = contractOwners(mesh).get(first.id);
      if (owner) store.inspect({ kind: 'port', id: owner.productId, direction: 'output', name: owner.portName });
    }
  };

  const total = report.findings.length;
  return (
    <div className="findings" data-testid="findings">
      <div className="findings-head">
        <h2>Findings</h2>
        <div className="findings-filters" role="group" aria-label="Show severities">
          {SEVERITIES.map((severity) => {
            const count = severity === 'error' ? report.errors : severity === 'warning' ? report.warnings : report.infos;
            return (
              <label key={severity} className={`filter filter-${severity}`}>
                <input
                  type="checkbox"
                  checked={shown[severity]}
                  onChange={(event) => setShown({ ...shown, [severity]: event.target.checked })}
                />
                <span className={`badge badge-${severity}`}>{count}</span> {severity}
              </label>
            );
          })}
        </div>
      </div>
      {total === 0 ? (
        <p className="empty" data-testid="findings-empty">
          No findings. The governance checks run after every edit; when something needs attention (a product without
          an owner, a port without a contract) it shows up here with how to fix it.
        </p>
      ) : (
        <div className="findings-list">
          {SEVERITIES.filter((severity) => shown[severity] && groups.has(severity)).map((severity) => (
            <section key={severity} className={`finding-group severity-${severity}`}>
              <h3>
                {SEVERITY_TITLE[severity]} ({[...(groups.get(severity)?.values() ?? [])].reduce((sum, list) => sum + list.length, 0)})
              </h3>
              {[...(groups.get(severity)?.entries() ?? [])].map(([rule, findings]) => (
                <details key={rule} className="finding-rule" open={findings.length <= 5}>
                  <summary>
                    <code>{rule}</code> <span className="muted">{findings.length}</span>
                  </summary>
                  <ul>
                    {findings.map((finding, index) => (
                      <li key={index}>
                        <button
                          type="button"
                          className="finding-item"
                          data-testid="finding-item"
                          data-rule={finding.rule}
                          onClick={() => reveal(finding)}
                        >
                          <span className="finding-message">{finding.message}</span>
                          {finding.fix && <span className="finding-fix">{finding.fix}</span>}
                        </button>
                      </li>
                    ))}
                  </ul>
                </details>
              ))}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
