// The `?` sheet: every action that has a keyboard shortcut, by group, straight from the action registry.
import { formatShortcut, type Action, type ActionGroup } from '../actions/registry';
import { useUiStore } from '../store/uiStore';

const GROUPS: readonly ActionGroup[] = ['Design', 'Edit', 'View', 'Add', 'Governance', 'Help'];

export function ShortcutSheet({ actions }: { actions: readonly Action[] }) {
  const close = () => useUiStore.getState().openDialog(null);
  return (
    <div className="overlay" role="presentation" onMouseDown={close}>
      <div
        className="dialog shortcut-sheet"
        role="dialog"
        aria-label="Keyboard shortcuts"
        data-testid="shortcut-sheet"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <div className="dialog-head">
          <h2>Keyboard shortcuts</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={close} autoFocus>
            ×
          </button>
        </div>
        <div className="shortcut-groups">
          {GROUPS.map((group) => {
            const listed = actions.filter((action) => action.group === group && action.shortcut);
            if (listed.length === 0) return null;
            return (
              <section key={group}>
                <h3>{group}</h3>
                <dl>
                  {listed.map((action) => (
                    <div key={action.id} className="shortcut-row">
                      <dt>{action.label}</dt>
                      <dd>
                        <kbd>{formatShortcut(action.shortcut ?? '')}</kbd>
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            );
          })}
        </div>
        <p className="muted">Plus: drag from an output port to a product to add a dependency; Shift+drag to select many.</p>
      </div>
    </div>
  );
}
