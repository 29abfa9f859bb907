// The single list of things the user can do. The toolbar, the command palette, the shortcut sheet, the keyboard
// and the native menu (`menu-action` events carrying an action id) all run actions from here.

export type ActionGroup = 'Design' | 'Edit' | 'View' | 'Add' | 'Governance' | 'Help';

export type Action = {
  /** Stable id; the native menu sends it in `menu-action`. */
  id: string;
  label: string;
  group: ActionGroup;
  /**
   * Keys, `+`-joined: `Mod` is Ctrl (⌘ on macOS), then `Shift`, `Alt`, and a key as `KeyboardEvent.key` spells
   * it (case-insensitive for letters), e.g. `Mod+Shift+Z`, `Delete`, `?`. Several alternatives: `|`-joined.
   */
  shortcut?: string;
  /** False when the action cannot run now (no design open, nothing selected…). */
  enabled?: () => boolean;
  run: () => void | Promise<void>;
};

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** True when `event` is one of the key combinations of `shortcut`. */
export function matchesShortcut(shortcut: string, event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return shortcut.split('|').some((alternative) => {
    const parts = alternative.split('+');
    const key = parts.pop() ?? '';
    const wantMod = parts.includes('Mod');
    const wantShift = parts.includes('Shift');
    const wantAlt = parts.includes('Alt');
    const mod = isMac ? event.metaKey : event.ctrlKey;
    if (mod !== wantMod || event.altKey !== wantAlt) return false;
    // Punctuation such as `?` already needs Shift on most layouts: do not require it to be absent.
    const letterOrNamed = key.length > 1 || /[a-z0-9]/i.test(key);
    if (letterOrNamed && event.shiftKey !== wantShift) return false;
    return event.key.toLowerCase() === key.toLowerCase();
  });
}

/** How a shortcut is written for people: `Ctrl+Shift+Z` (or `⌘⇧Z` on macOS). */
export function formatShortcut(shortcut: string): string {
  const first = shortcut.split('|')[0] ?? '';
  const parts = first.split('+').map((part) => {
    if (part === 'Mod') return isMac ? '⌘' : 'Ctrl';
    if (part === 'Shift') return isMac ? '⇧' : 'Shift';
    if (part === 'Alt') return isMac ? '⌥' : 'Alt';
    return part.length === 1 ? part.toUpperCase() : part;
  });
  return parts.join(isMac ? '' : '+');
}

/** True when keys typed into this element belong to it (text fields, editors), not to the canvas. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(type);
  }
  return target.closest('.cm-editor') !== null;
}

/** Runs the action `event` is a shortcut of; returns true when one ran. */
export function runShortcut(actions: readonly Action[], event: KeyboardEvent): boolean {
  const editing = isEditableTarget(event.target);
  for (const action of actions) {
    if (!action.shortcut || !matchesShortcut(action.shortcut, event)) continue;
    // In a text field only the palette and Escape-like global keys apply; typing stays typing.
    if (editing && action.id !== 'app.palette') continue;
    if (action.enabled && !action.enabled()) return false;
    event.preventDefault();
    void action.run();
    return true;
  }
  return false;
}
