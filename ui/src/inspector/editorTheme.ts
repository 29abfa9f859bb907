// CodeMirror's look in the studio's light and dark themes. Colours come from the app's CSS variables, so the
// editor follows the theme toggle and the OS setting like the rest of the window.
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { HighlightStyle, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import type { Theme } from '../store/uiStore';

const base = {
  '&': { color: 'var(--text)', backgroundColor: 'var(--surface)' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
};

const lightTheme = EditorView.theme(base, { dark: false });

const darkTheme = EditorView.theme(
  {
    ...base,
    '.cm-activeLine': { backgroundColor: 'rgba(139, 135, 255, 0.08)' },
    '.cm-activeLineGutter': { backgroundColor: 'rgba(139, 135, 255, 0.12)' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
      { backgroundColor: 'rgba(139, 135, 255, 0.3)' },
    '.cm-tooltip': { backgroundColor: 'var(--surface-2)', color: 'var(--text)', border: '1px solid var(--border)' },
  },
  { dark: true },
);

const darkHighlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: '#8b87ff' },
  { tag: [tags.string, tags.special(tags.string)], color: '#7dd3a8' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: '#fbbf24' },
  { tag: tags.keyword, color: '#f472b6' },
  { tag: tags.comment, color: '#8a91a6', fontStyle: 'italic' },
  { tag: [tags.punctuation, tags.separator, tags.meta], color: '#9aa1b5' },
  { tag: tags.invalid, color: '#f87171' },
]);

/** The editor theme and syntax colours for the app's theme (put it in a Compartment to switch). */
export function editorTheme(theme: Theme): Extension {
  return theme === 'dark'
    ? [darkTheme, syntaxHighlighting(darkHighlight)]
    : [lightTheme, syntaxHighlighting(defaultHighlightStyle, { fallback: true })];
}
