// The contract as its ODCS YAML document, in CodeMirror 6. "Apply" sends the text to the backend, which
// validates it and stores it as one edit; problems come back with their line and show there as diagnostics.
import { useEffect, useRef, useState } from 'react';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { yaml } from '@codemirror/lang-yaml';
import { toIpcError } from '../ipc/backend';
import type { YamlProblem } from '../ipc/types';
import { useDesignStore } from '../store/designStore';
import { useBackend } from '../studio/session';
import { systemTheme, useUiStore } from '../store/uiStore';
import { editorTheme } from './editorTheme';

/** Where a problem sits in the document: its line (and column when known), or the first line. */
export function problemDiagnostics(state: EditorState, problems: readonly YamlProblem[]): Diagnostic[] {
  const lines = state.doc.lines;
  return problems.map((problem) => {
    const number = Math.min(Math.max(problem.line ?? 1, 1), lines);
    const line = state.doc.line(number);
    const from = problem.column !== null && problem.line !== null ? Math.min(line.from + problem.column - 1, line.to) : line.from;
    const where = problem.path ? `${problem.path}: ` : '';
    return { from, to: Math.max(line.to, from), severity: 'error', message: `${where}${problem.message}` };
  });
}

export default function ContractYamlEditor({ contractId }: { contractId: string }) {
  const backend = useBackend();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorView | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'applying'>('loading');
  const [problems, setProblems] = useState<YamlProblem[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const chosenTheme = useUiStore((state) => state.theme);
  const theme = chosenTheme ?? systemTheme();
  const themeCompartment = useRef(new Compartment());
  const themeRef = useRef(theme);
  themeRef.current = theme;

  const load = async () => {
    setStatus('loading');
    try {
      const text = await backend.contractYaml(contractId);
      setLoadError(null);
      setProblems([]);
      const view = editor.current;
      if (view) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
        view.dispatch(setDiagnostics(view.state, []));
      }
    } catch (error) {
      setLoadError(toIpcError(error).message);
    }
    setStatus('ready');
  };

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: '',
        extensions: [
          lineNumbers(),
          highlightActiveLine(),
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          themeCompartment.current.of(editorTheme(themeRef.current)),
          yaml(),
          lintGutter(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': `ODCS YAML of contract ${contractId}`, 'data-testid': 'contract-yaml' }),
        ],
      }),
    });
    editor.current = view;
    void load();
    return () => {
      view.destroy();
      editor.current = null;
    };
    // The editor is made once per contract; `load` only reads the contract id.
  }, [contractId]);

  // Follow the app's theme without rebuilding the editor (the text and its undo history stay).
  useEffect(() => {
    editor.current?.dispatch({ effects: themeCompartment.current.reconfigure(editorTheme(theme)) });
  }, [theme]);

  const apply = async () => {
    const view = editor.current;
    if (!view) return;
    setStatus('applying');
    try {
      const result = await backend.contractFromYaml(contractId, view.state.doc.toString());
      if (result.ok) {
        useDesignStore.getState().applyChanged(result.changed);
        setProblems([]);
        view.dispatch(setDiagnostics(view.state, []));
        useDesignStore.getState().showToast({ kind: 'info', title: 'Contract saved', message: `${contractId} was updated from its YAML.` });
      } else {
        setProblems(result.problems);
        view.dispatch(setDiagnostics(view.state, problemDiagnostics(view.state, result.problems)));
      }
    } catch (error) {
      useDesignStore.getState().showError(`apply the YAML of ${contractId}`, toIpcError(error));
    }
    setStatus('ready');
  };

  return (
    <div className="yaml-editor">
      {loadError !== null && (
        <p className="error-message" role="alert">
          {loadError}
        </p>
      )}
      <div ref={host} className="yaml-host" />
      {problems.length > 0 && (
        <ul className="yaml-problems" data-testid="yaml-problems">
          {problems.map((problem, index) => (
            <li key={index}>
              {problem.line !== null ? `Line ${problem.line}: ` : ''}
              {problem.path ? `${problem.path}: ` : ''}
              {problem.message}
            </li>
          ))}
        </ul>
      )}
      <div className="yaml-actions">
        <button type="button" className="button primary" data-testid="contract-yaml-apply" disabled={status !== 'ready'} onClick={() => void apply()}>
          {status === 'applying' ? 'Applying…' : 'Apply'}
        </button>
        <button type="button" className="button" disabled={status !== 'ready'} onClick={() => void load()}>
          Reload
        </button>
        <span className="muted">ODCS v3.2.0. Apply saves the whole contract as one edit.</span>
      </div>
    </div>
  );
}
