// A handful of governance rules computed in TypeScript, so the studio can be exercised without the Rust engine.
// The real checks (54 rules, policy packs) live in Rust; rule ids here follow the same MW-AREA-NNN spelling.
import type { CheckReport, Finding } from '../ipc/types';
import type { MeshDocument } from '../ipc/model';
import { isContractBinding } from '../ipc/meshIndex';
import { rolloutFindings } from './mockRollout';

export function mockCheck(mesh: MeshDocument): CheckReport {
  const findings: Finding[] = [];
  const teams = new Set(mesh.teams.map((team) => team.id));
  const domains = new Set(mesh.domains.map((domain) => domain.id));
  const contracts = new Set(mesh.contracts.map((contract) => contract.id));
  const sources = new Set(mesh.sourceSystems.map((source) => source.id));

  for (const product of mesh.products) {
    const ref = [{ kind: 'product' as const, id: product.id }];
    if (product.ownerTeam === undefined || product.ownerTeam === '') {
      findings.push({
        rule: 'MW-OWN-001',
        severity: 'error',
        message: `Product ${product.id} has no owner team.`,
        entities: ref,
        path: 'ownerTeam',
        fix: 'Pick the owner team in the inspector.',
      });
    } else if (!teams.has(product.ownerTeam)) {
      findings.push({
        rule: 'MW-OWN-002',
        severity: 'error',
        message: `Product ${product.id} is owned by team ${product.ownerTeam}, which does not exist.`,
        entities: ref,
        path: 'ownerTeam',
        fix: 'Pick an existing team, or add the team.',
      });
    }
    if (product.domain !== undefined && !domains.has(product.domain)) {
      findings.push({
        rule: 'MW-DOM-001',
        severity: 'error',
        message: `Product ${product.id} belongs to domain ${product.domain}, which does not exist.`,
        entities: ref,
        path: 'domain',
        fix: 'Pick an existing domain in the inspector.',
      });
    }
    if (!product.description?.purpose) {
      findings.push({
        rule: 'MW-DOC-001',
        severity: 'warning',
        message: `Product ${product.id} does not say what it is for.`,
        entities: ref,
        path: 'description.purpose',
        fix: 'Write the purpose in the inspector.',
      });
    }
    for (const port of product.outputPorts ?? []) {
      if (port.contractId === undefined) {
        findings.push({
          rule: 'MW-CON-001',
          severity: 'warning',
          message: `Output port ${port.name} of ${product.id} has no contract.`,
          entities: ref,
          path: `outputPorts.${port.name}`,
          fix: 'Attach a data contract to the output port.',
        });
      }
    }
    for (const port of product.inputPorts ?? []) {
      const source = port.source;
      const known = isContractBinding(source) ? contracts.has(source.contractId) : sources.has(source.sourceSystem);
      if (!known) {
        findings.push({
          rule: 'MW-REF-001',
          severity: 'error',
          message: `Input port ${port.name} of ${product.id} reads ${
            isContractBinding(source) ? source.contractId : source.sourceSystem
          }, which is not in the design.`,
          entities: ref,
          path: `inputPorts.${port.name}`,
          fix: 'Bind the input port to an existing contract or source system, or remove it.',
        });
      }
    }
  }
  for (const contract of mesh.contracts) {
    if (contract.status === 'deprecated') {
      findings.push({
        rule: 'MW-LIFE-001',
        severity: 'info',
        message: `Contract ${contract.id} is deprecated.`,
        entities: [{ kind: 'contract', id: contract.id }],
        path: 'status',
        fix: 'Move readers to its successor, then retire it.',
      });
    }
  }
  for (const domain of mesh.domains) {
    if (domain.ownerTeam === undefined) {
      findings.push({
        rule: 'MW-OWN-003',
        severity: 'warning',
        message: `Domain ${domain.id} has no owner team.`,
        entities: [{ kind: 'domain', id: domain.id }],
        path: 'ownerTeam',
        fix: 'Pick the owner team in the inspector.',
      });
    }
  }
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  // MW-ROL-001: wave order, the same findings the plan view lists (the Rust check reports them too).
  findings.push(...rolloutFindings(mesh));
  return { findings, errors: count('error'), warnings: count('warning'), infos: count('info') };
}
