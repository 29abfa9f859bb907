// Ctrl+K: one search box that jumps to any entity of the design or runs any action of the registry.
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatShortcut, type Action } from '../actions/registry';
import { contractOwners } from '../ipc/meshIndex';
import { useDesignStore } from '../store/designStore';
import { useUiStore } from '../store/uiStore';

type Item =
  | { type: 'action'; key: string; label: string; detail: string; action: Action }
  | { type: 'entity'; key: string; label: string; detail: string; kind: string; id: string };

const MAX_RESULTS = 60;

export type CommandPaletteProps = { actions: readonly Action[]; onReveal: (nodeId: string) => void };

export function CommandPalette({ actions, onReveal }: CommandPaletteProps) {
  const close = () => useUiStore.getState().openDialog(null);
  const mesh = useDesignStore((state) => state.view?.mesh);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const everything = useMemo<Item[]>(() => {
    const items: Item[] = actions
      .filter((action) => action.id !== 'app.palette')
      .map((action) => ({
        type: 'action',
        key: `action:${action.id}`,
        label: action.label,
        detail: action.shortcut ? formatShortcut(action.shortcut) : action.group,
        action,
      }));
    if (mesh) {
      const add = (kind: string, kindLabel: string, list: readonly { id: string; name?: string }[]) => {
        for (const item of list) {
          items.push({ type: 'entity', key: `${kind}:${item.id}`, label: item.name ?? item.id, detail: `${kindLabel} · ${item.id}`, kind, id: item.id });
        }
      };
      add('product', 'Product', mesh.products);
      add('domain', 'Domain', mesh.domains);
      add('contract', 'Contract', mesh.contracts);
      add('sourceSystem', 'Source system', mesh.sourceSystems);
      add('consumer', 'Consumer', mesh.consumers);
      add('team', 'Team', mesh.teams);
    }
    return items;
  }, [actions, mesh]);

  const results = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
    const matching =
      words.length === 0
        ? everything.filter((item) => item.type === 'action')
        : everything.filter((item) => {
            const text = `${item.label} ${item.detail}`.toLowerCase();
            return words.every((word) => text.includes(word));
          });
    // Names that start with the query come first.
    const first = words[0] ?? '';
    return matching
      .map((item, index) => ({ item, rank: item.label.toLowerCase().startsWith(first) ? 0 : 1, index }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .slice(0, MAX_RESULTS)
      .map(({ item }) => item);
  }, [everything, query]);

  const run = (item: Item | undefined) => {
    if (!item) return;
    close();
    if (item.type === 'action') {
      if (!item.action.enabled || item.action.enabled()) void item.action.run();
      return;
    }
    const store = useDesignStore.getState();
    if (item.kind === 'team') {
      store.inspect({ kind: 'team', id: item.id });
      return;
    }
    if (item.kind === 'contract' && mesh) {
      const owner = contractOwners(mesh).get(item.id);
      if (!owner) {
        store.showToast({ kind: 'info', title: 'Contract not on the canvas', message: `No output port publishes ${item.id} yet.` });
        return;
      }
      onReveal(owner.productId);
      store.inspect({ kind: 'port', id: owner.productId, direction: 'output', name: owner.portName });
      return;
    }
    onReveal(item.id);
  };

  return (
    <div className="overlay" role="presentation" onMouseDown={close}>
      <div
        className="palette"
        role="dialog"
        aria-label="Search and commands"
        data-testid="palette"
        onMouseDown={(event) => event.stopPropagation()}
      >
        <input
          ref={input}
          className="palette-input"
          data-testid="palette-input"
          placeholder="Find a product, domain, contract… or type a command"
          value={query}
          aria-controls="palette-results"
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((at) => Math.min(at + 1, results.length - 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((at) => Math.max(at - 1, 0));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              run(results[active]);
            } else if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
        />
        <ul id="palette-results" className="palette-results" role="listbox">
          {results.length === 0 && <li className="empty">Nothing matches “{query}”.</li>}
          {results.map((item, index) => (
            <li
              key={item.key}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'palette-item active' : 'palette-item'}
              data-testid="palette-item"
              onMouseEnter={() => setActive(index)}
              onClick={() => run(item)}
            >
              <span className="palette-label">{item.label}</span>
              <span className="palette-detail">{item.detail}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
