import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { createMockBackend, isIpcError, mockBackend, sampleMeshSummary, toIpcError } from './ipc/backend';

afterEach(cleanup);

/** The number shown under a count's label, as the user reads it. */
function countShownFor(label: string): string | null {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? null;
}

describe('App', () => {
  it('shows the design name, every count and the domain names from the backend', async () => {
    render(<App backend={mockBackend} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Retail' })).toBeTruthy();
    expect(countShownFor('Domains')).toBe('3');
    expect(countShownFor('Teams')).toBe('4');
    expect(countShownFor('Data products')).toBe('7');
    expect(countShownFor('Contracts')).toBe('6');
    expect(countShownFor('Source systems')).toBe('2');
    expect(countShownFor('Consumers')).toBe('3');
    expect(countShownFor('Dependencies')).toBe('9');

    const domains = screen.getByRole('list', { name: 'Domains' });
    const names = Array.from(domains.querySelectorAll('li'), (item) => item.textContent);
    expect(names).toEqual(['Orders', 'Payments', 'Logistics']);
    expect(screen.getByText(sampleMeshSummary.path ?? '')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders names from the design as text, never as markup', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const backend = createMockBackend({
      summary: { ...sampleMeshSummary, name: hostile, domainNames: [hostile] },
    });
    const { container } = render(<App backend={backend} />);

    expect(await screen.findByRole('heading', { level: 1, name: hostile })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('says so when the design has no domains', async () => {
    const backend = createMockBackend({
      summary: { ...sampleMeshSummary, name: 'Empty', path: null, domains: 0, domainNames: [] },
    });
    render(<App backend={backend} />);

    expect(await screen.findByText('No domains yet.')).toBeTruthy();
    expect(countShownFor('Domains')).toBe('0');
  });

  it('shows the error message when the backend rejects', async () => {
    const backend = createMockBackend({
      failWith: { code: 'not_a_mesh', message: 'cannot open x.mesh: not a Meshwright design (application_id 0)' },
    });
    render(<App backend={backend} />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('cannot open x.mesh: not a Meshwright design (application_id 0)');
    expect(alert.textContent).toContain('not_a_mesh');
    expect(screen.queryByRole('list', { name: 'Domains' })).toBeNull();
    expect(screen.getByText('The full studio (canvas, inspector, findings) is coming.')).toBeTruthy();
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
    expect(toIpcError('command mesh_show not found')).toEqual({
      code: 'unexpected',
      message: 'command mesh_show not found',
    });
  });
});
