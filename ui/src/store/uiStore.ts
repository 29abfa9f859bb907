// Window state that is neither the design nor the canvas view: open dialogs and the colour theme.
import { create } from 'zustand';

export type Theme = 'light' | 'dark';
const THEME_KEY = 'meshwright.theme';

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

export function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export type Dialog = 'palette' | 'shortcuts' | 'export' | 'snapshots' | 'publish' | null;

/** What the main area shows: the mesh canvas, or one of the rollout and workshop screens in its place. */
export type Screen = 'canvas' | 'plan' | 'metrics' | 'productCanvas';

export type UiState = {
  dialog: Dialog;
  /** The user's choice; null follows the system setting. */
  theme: Theme | null;
  /**
   * True from the moment a viewport move is asked for (a reveal waits a moment for an expanded domain to render)
   * until it starts; the canvas shows it as `data-viewport-pending` so browser tests can wait for a still view.
   */
  viewportPending: boolean;
  setViewportPending(pending: boolean): void;
  screen: Screen;
  /** Workshop mode: full screen, larger type, the timer and sticky notes at hand. */
  workshop: boolean;
  setScreen(screen: Screen): void;
  setWorkshop(on: boolean): void;
  openDialog(dialog: Dialog): void;
  toggleTheme(): void;
};

export const useUiStore = create<UiState>()((set, get) => ({
  dialog: null,
  theme: storedTheme(),
  viewportPending: false,
  screen: 'canvas',
  workshop: false,
  setScreen(screen) {
    set({ screen });
  },
  setWorkshop(on) {
    set({ workshop: on });
  },
  setViewportPending(pending) {
    if (get().viewportPending !== pending) set({ viewportPending: pending });
  },
  openDialog(dialog) {
    set({ dialog });
  },
  toggleTheme() {
    const next: Theme = (get().theme ?? systemTheme()) === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Private windows may refuse storage; the theme then lasts for this session.
    }
    set({ theme: next });
  },
}));
