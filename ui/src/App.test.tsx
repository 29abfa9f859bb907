import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from './App';
import type { MeshDocument } from './ipc/model';
import { gridLayout } from './canvas/layout';
import { createMockBackend, retailFixture } from './mock/mockBackend';
import { useDesignStore } from './store/designStore';
import { useUiStore } from './store/uiStore';

/** The retail example with every node placed, so opening it does not wait for ELK. */
function placedRetail(): MeshDocument {
  const mesh = retailFixture();
  return { ...mesh, layout: gridLayout(mesh) };
}

beforeEach(() => {
  useDesignStore.getState().setView(null);
  useUiStore.getState().openDialog(null);
});
afterEach(cleanup);

describe('App', () => {
  it('starts on the welcome screen and opens the retail example: title, settings and findings', async () => {
    render(<App backend={createMockBackend()} />);
    expect(await screen.findByText('No recent designs yet. Open the retail example to look around.')).toBeTruthy();
    expect(document.title).toBe('Meshwright');

    fireEvent.click(screen.getByTestId('welcome-example-retail'));
    await waitFor(() => expect(document.title).toBe('retail.mesh — Meshwright'), { timeout: 15_000 });
    expect((screen.getByTestId('inspector-name') as HTMLInputElement).value).toBe('Retail mesh');
    expect(screen.getByTestId('design-title').textContent).toBe('retail.mesh');
    const items = screen.getAllByTestId('finding-item');
    expect(items.map((item) => item.getAttribute('data-rule'))).toEqual(['MW-LIFE-001']);
  }, 20_000);

  it('says what went wrong when an example cannot be opened', async () => {
    render(<App backend={createMockBackend()} />);
    fireEvent.click(await screen.findByTestId('welcome-example-healthcare'));
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toContain('Could not open the healthcare example');
    expect(toast.textContent).toContain('the browser preview has the retail example only');
  });

  it('teaches on an empty design: add a domain on the canvas, no findings in the panel', async () => {
    render(<App backend={createMockBackend()} />);
    fireEvent.click(await screen.findByTestId('welcome-new'));
    expect(await screen.findByText('Add a domain to start')).toBeTruthy();
    expect(screen.getByTestId('findings-empty').textContent).toContain('No findings.');

    fireEvent.click(screen.getByTestId('empty-add-domain'));
    await waitFor(() => expect(useDesignStore.getState().view?.mesh.domains.map((domain) => domain.id)).toEqual(['new-domain']));
    expect(((await screen.findByTestId('inspector-name')) as HTMLInputElement).value).toBe('New domain');
    // The new domain has no owner team: the mock's governance says so.
    expect((await screen.findAllByTestId('finding-item')).map((item) => item.getAttribute('data-rule'))).toEqual(['MW-OWN-003']);
  });

  it('jumps to a product from the Ctrl+K palette and saves a name typed in the inspector as one edit', async () => {
    const backend = createMockBackend({ openOn: placedRetail() });
    render(<App backend={backend} />);
    await screen.findByTestId('inspector');

    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    fireEvent.change(await screen.findByTestId('palette-input'), { target: { value: 'sales kpis' } });
    fireEvent.keyDown(screen.getByTestId('palette-input'), { key: 'Enter' });
    const name = (await screen.findByDisplayValue('Executive sales KPIs')) as HTMLInputElement;
    expect(name.getAttribute('data-testid')).toBe('inspector-name');
    expect(useDesignStore.getState().selection).toEqual(['orders.sales-kpis']);

    fireEvent.change(name, { target: { value: 'Board KPIs' } });
    fireEvent.change(name, { target: { value: 'Board KPIs daily' } });
    await waitFor(() => expect(backend.current()?.products.find((product) => product.id === 'orders.sales-kpis')?.name).toBe('Board KPIs daily'));
    // Typing quickly makes one edit, not one per keystroke.
    expect(useDesignStore.getState().view?.undoLabel).toBe('Edit product orders.sales-kpis');
    expect(useDesignStore.getState().view?.revision).toBe(1);

    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(name.value).toBe('Executive sales KPIs'));
  });

  it('runs the action a native menu item sends', async () => {
    const backend = createMockBackend({ openOn: placedRetail() });
    render(<App backend={backend} />);
    await screen.findByTestId('inspector');
    act(() => backend.emitMenuAction('app.shortcuts'));
    const sheet = await screen.findByTestId('shortcut-sheet');
    expect(sheet.textContent).toContain('Undo');
    expect(sheet.textContent).toContain('Ctrl+Z');
  });

  it('renders names from the design as text, never as markup', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const mesh = placedRetail();
    mesh.settings = { ...mesh.settings, name: hostile };
    mesh.products = mesh.products.map((product) => (product.id === 'orders.sales-kpis' ? { ...product, name: hostile } : product));
    const { container } = render(<App backend={createMockBackend({ openOn: mesh })} />);
    expect(((await screen.findByTestId('inspector-name')) as HTMLInputElement).value).toBe(hostile);

    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    fireEvent.change(await screen.findByTestId('palette-input'), { target: { value: 'onerror' } });
    expect((await screen.findAllByTestId('palette-item'))[0]?.textContent).toContain(hostile);
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });
});
