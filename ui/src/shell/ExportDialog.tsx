// Export: every backend format (written by Rust to a path the user picks, with progress), including the mesh
// pictures Rust lays out and draws itself (SVG, PNG), plus PNG and SVG pictures of the canvas as it is on screen,
// made here with html-to-image. In the desktop app those are saved through the backend (`saveBytes`); in a plain
// browser they are offered as a download link.
import { useEffect, useState } from 'react';
import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { toIpcError } from '../ipc/backend';
import type { ExportFormat, ExportProgress, ExportReport } from '../ipc/types';
import { useDesignStore } from '../store/designStore';
import { useUiStore } from '../store/uiStore';
import { useBackend } from '../studio/session';

/** Pictures of the canvas as shown, taken in the window. */
type Picture = 'canvas-png' | 'canvas-svg';
type Choice = ExportFormat | Picture;

/** `testId` keeps the canvas pictures at their old ids (`export-format-png`/`-svg`), which the desktop tests use. */
const FORMATS: readonly { value: Choice; label: string; detail: string; testId: string }[] = [
  { value: 'mesh', label: 'Mesh as code', detail: 'A folder: mesh.yaml plus one file per product and contract, for git.', testId: 'mesh' },
  { value: 'odcs', label: 'ODCS contracts', detail: 'One Open Data Contract Standard v3.2.0 YAML file per contract.', testId: 'odcs' },
  { value: 'odps', label: 'ODPS products', detail: 'One Open Data Product Standard v1.1.0 YAML file per product.', testId: 'odps' },
  { value: 'dcs', label: 'Data Contract Specification', detail: 'DCS 1.2 files (deprecated format, for older tools).', testId: 'dcs' },
  { value: 'html', label: 'HTML catalog', detail: 'A folder of static pages: every domain, product and contract, browsable offline.', testId: 'html' },
  { value: 'jsonschema', label: 'JSON Schema per contract', detail: 'A folder with one JSON Schema file per contract.', testId: 'jsonschema' },
  { value: 'sql', label: 'SQL DDL per contract', detail: 'A folder with CREATE TABLE statements for every contract.', testId: 'sql' },
  { value: 'markdown', label: 'Markdown per contract', detail: 'A folder with one readable Markdown page per contract.', testId: 'markdown' },
  { value: 'json', label: 'JSON', detail: 'The whole design in one JSON file.', testId: 'json' },
  { value: 'mermaid', label: 'Mermaid diagram', detail: 'A flowchart of domains, products and dependencies.', testId: 'mermaid' },
  { value: 'dot', label: 'Graphviz DOT', detail: 'The dependency graph for Graphviz.', testId: 'dot' },
  { value: 'svg', label: 'Mesh picture (SVG, laid out by Meshwright)', detail: 'The whole mesh drawn by Meshwright, whatever the canvas shows.', testId: 'mesh-svg' },
  { value: 'png', label: 'Mesh picture (PNG, laid out by Meshwright)', detail: 'The same picture as a PNG image.', testId: 'mesh-png' },
  { value: 'canvas-png', label: 'PNG of the canvas', detail: 'What the canvas shows, at twice the screen resolution.', testId: 'png' },
  { value: 'canvas-svg', label: 'SVG of the canvas', detail: 'What the canvas shows, as a scalable picture.', testId: 'svg' },
];

/** Formats that write many files into a folder. */
const FOLDER_FORMATS: ReadonlySet<Choice> = new Set(['mesh', 'odcs', 'odps', 'dcs', 'html', 'jsonschema', 'sql', 'markdown']);
const EXTENSION: Record<string, string> = { json: 'json', mermaid: 'mmd', dot: 'dot', png: 'png', svg: 'svg', 'canvas-png': 'png', 'canvas-svg': 'svg' };

function isPicture(choice: Choice): choice is Picture {
  return choice === 'canvas-png' || choice === 'canvas-svg';
}

function stem(title: string): string {
  return title.replace(/\.mesh$/i, '') || 'design';
}

export function ExportDialog() {
  const backend = useBackend();
  const flow = useReactFlow();
  const title = useDesignStore((state) => state.view?.title ?? 'design');
  const [format, setFormat] = useState<Choice>('mesh');
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<ExportReport | null>(null);
  const [download, setDownload] = useState<{ href: string; name: string } | null>(null);
  const close = () => useUiStore.getState().openDialog(null);

  useEffect(() => backend.onExportProgress(setProgress), [backend]);

  /** A picture of every node, not only what is on screen: fit the view, then capture the viewport layer. */
  const picture = async (kind: Picture): Promise<string> => {
    const element = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!element) throw new Error('there is no canvas to take a picture of');
    await flow.fitView({ padding: 0.05 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    const bounds = getNodesBounds(flow.getNodes());
    const width = Math.min(8000, Math.max(400, Math.ceil(bounds.width + 80)));
    const height = Math.min(8000, Math.max(300, Math.ceil(bounds.height + 80)));
    const viewport = getViewportForBounds(bounds, width, height, 0.05, 2, 0.04);
    const { toPng, toSvg } = await import('html-to-image');
    const background = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
    const options = {
      backgroundColor: background,
      width,
      height,
      pixelRatio: 2,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
      },
    };
    // WebKitGTK leaves the edges' CSS-variable strokes unresolved in the copy html-to-image makes, so the edges
    // vanish from the picture: give each edge its computed stroke inline for the capture, then put it back.
    const paths = [...element.querySelectorAll<SVGPathElement>('.react-flow__edge-path, .react-flow__connection-path')];
    const saved = paths.map((path) => path.getAttribute('style'));
    for (const path of paths) {
      const computed = getComputedStyle(path);
      path.style.stroke = computed.stroke;
      path.style.strokeWidth = computed.strokeWidth;
      path.style.strokeOpacity = computed.strokeOpacity;
      path.style.fill = 'none';
    }
    try {
      return await (kind === 'canvas-png' ? toPng(element, options) : toSvg(element, options));
    } finally {
      paths.forEach((path, index) => {
        const style = saved[index];
        if (style === null || style === undefined) path.removeAttribute('style');
        else path.setAttribute('style', style);
      });
    }
  };

  const run = async () => {
    setDone(null);
    setDownload(null);
    setProgress(null);
    setRunning(true);
    try {
      if (isPicture(format)) {
        const dataUrl = await picture(format);
        const extension = EXTENSION[format] ?? 'png';
        const name = `${stem(title)}.${extension}`;
        if (backend.runtime === 'browser') {
          setDownload({ href: dataUrl, name });
        } else {
          const path = await backend.pickSaveFile({ title: `${extension.toUpperCase()} picture`, defaultName: name, extensions: [extension] });
          if (path !== null) {
            await backend.saveBytes(path, base64Of(dataUrl));
            setDone({ path, files: 1, bytes: Math.round((dataUrl.length * 3) / 4) });
          }
        }
      } else {
        const path = FOLDER_FORMATS.has(format)
          ? await backend.pickFolder()
          : await backend.pickSaveFile({ title: format, defaultName: `${stem(title)}.${EXTENSION[format]}`, extensions: [EXTENSION[format] ?? format] });
        if (path !== null) setDone(await backend.exportRun(format, path));
      }
    } catch (error) {
      useDesignStore.getState().showError(`export as ${format}`, toIpcError(error));
    }
    setRunning(false);
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="overlay" role="presentation" onMouseDown={close}>
      <div
        className="dialog export-dialog"
        role="dialog"
        aria-label="Export"
        data-testid="export-dialog"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <div className="dialog-head">
          <h2>Export</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        <fieldset className="format-list" disabled={running}>
          <legend>Format</legend>
          {FORMATS.map((choice) => (
            <label key={choice.value} className="format-choice">
              <input
                type="radio"
                name="export-format"
                value={choice.value}
                checked={format === choice.value}
                data-testid={`export-format-${choice.testId}`}
                onChange={() => setFormat(choice.value)}
              />
              <span>
                <strong>{choice.label}</strong>
                <span className="muted">{choice.detail}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {running && progress && (
          <div className="progress" data-testid="export-progress">
            <progress max={100} value={percent} aria-label="Export progress" />
            <span className="muted">
              {progress.phase} ({progress.done}/{progress.total})
            </span>
          </div>
        )}
        {done && (
          <p className="success" data-testid="export-done" role="status">
            Wrote {done.files} {done.files === 1 ? 'file' : 'files'} ({Math.round(done.bytes / 1024)} KB) to {done.path}.
          </p>
        )}
        {download && (
          <p className="success" role="status">
            <a href={download.href} download={download.name} data-testid="export-download">
              Download {download.name}
            </a>
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Close
          </button>
          <button type="button" className="button primary" data-testid="export-run" disabled={running} onClick={() => void run()}>
            {running ? 'Exporting…' : FOLDER_FORMATS.has(format) ? 'Choose folder and export' : 'Export'}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The base64 payload of a data URL; an SVG data URL (percent-encoded text) is re-encoded as base64. */
export function base64Of(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  const header = dataUrl.slice(0, comma);
  const body = dataUrl.slice(comma + 1);
  if (header.endsWith(';base64')) return body;
  const bytes = new TextEncoder().encode(decodeURIComponent(body));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
