// The Data Product Canvas of one product: ten blocks, each with what the model says and the room's free text
// (stored as one undoable edit when a block loses focus). Printing: the backend renders a printable page
// (A4 or A0) that is shown only inside a sandboxed iframe without scripts, and can be saved as an HTML file.
// "Export PNG" takes a picture of the blocks as shown here.
import { useEffect, useRef, useState } from 'react';
import { toIpcError } from '../ipc/backend';
import type { CanvasBlockView, Paper } from '../ipc/types';
import { useDesignStore } from '../store/designStore';
import { useUiStore } from '../store/uiStore';
import { runEdit, useBackend } from '../studio/session';
import { useBackendQuery } from '../studio/useBackendQuery';
import { fileNameFor } from '../studio/files';
import { base64Of } from '../shell/ExportDialog';
import { canvasBlockEdit, canvasProduct } from './canvasEdits';

export function ProductCanvasView() {
  const backend = useBackend();
  const mesh = useDesignStore((state) => state.view?.mesh);
  const selection = useDesignStore((state) => state.selection);
  const [shown, setShown] = useState<string | null>(null);
  const product = mesh ? canvasProduct(mesh, shown === null ? selection : [], shown) : null;
  const canvas = useBackendQuery(() => (product === null ? Promise.resolve(null) : backend.canvasView(product)), [backend, product]);
  const [print, setPrint] = useState<{ paper: Paper; html: string } | null>(null);
  const [download, setDownload] = useState<{ href: string; name: string } | null>(null);
  const blocksRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);

  if (!mesh) return null;
  if (product === null) {
    return (
      <main className="screen" data-testid="product-canvas-view">
        <p className="empty" data-testid="product-canvas-empty">
          No data products yet. Add a product on the canvas, then fill its Data Product Canvas here.
        </p>
      </main>
    );
  }
  const name = mesh.products.find((item) => item.id === product)?.name ?? product;
  const store = useDesignStore.getState;

  const preview = async (paper: Paper) => {
    try {
      setPrint({ paper, html: await backend.canvasHtml(product, paper) });
    } catch (error) {
      store().showError(`make the printable ${paper.toUpperCase()} canvas`, toIpcError(error));
    }
  };

  const saveHtml = async () => {
    if (!print) return;
    try {
      const path = await backend.pickSaveFile({ title: 'Printable canvas', defaultName: `${fileNameFor(product, `canvas-${print.paper}`)}.html`, extensions: ['html'] });
      if (path === null) return;
      await backend.saveText(path, print.html);
      store().showToast({ kind: 'info', title: 'Saved the printable canvas', message: path });
    } catch (error) {
      store().showError('save the printable canvas', toIpcError(error));
    }
  };

  const exportPng = async () => {
    const element = blocksRef.current;
    if (!element) return;
    setDownload(null);
    try {
      const { toPng } = await import('html-to-image');
      const background = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
      const dataUrl = await toPng(element, { backgroundColor: background, pixelRatio: 2 });
      const fileName = `${fileNameFor(product, 'canvas')}.png`;
      if (backend.runtime === 'browser') {
        setDownload({ href: dataUrl, name: fileName });
        return;
      }
      const path = await backend.pickSaveFile({ title: 'PNG picture', defaultName: fileName, extensions: ['png'] });
      if (path === null) return;
      await backend.saveBytes(path, base64Of(dataUrl));
      store().showToast({ kind: 'info', title: 'Saved the canvas picture', message: path });
    } catch (error) {
      store().showError('take a picture of the canvas', toIpcError(error));
    }
  };

  return (
    <main className="screen product-canvas-view" data-testid="product-canvas-view" aria-label="Data Product Canvas">
      <header className="screen-head">
        <h1>Data Product Canvas</h1>
        <label className="inline-fields">
          <span className="muted">Product</span>
          <select
            value={product}
            data-testid="product-canvas-select"
            aria-label="Product"
            onChange={(event) => {
              setShown(event.target.value);
              setPrint(null);
            }}
          >
            {mesh.products.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
        <div className="screen-actions">
          <button type="button" className="button small" data-testid="canvas-print-a4" onClick={() => void preview('a4')}>
            Print A4…
          </button>
          <button type="button" className="button small" data-testid="canvas-print-a0" onClick={() => void preview('a0')}>
            Print A0…
          </button>
          <button type="button" className="button small" data-testid="canvas-export-png" onClick={() => void exportPng()}>
            Export PNG
          </button>
          <button type="button" className="button small" data-testid="canvas-back" onClick={() => useUiStore.getState().setScreen('canvas')}>
            Back to the mesh
          </button>
        </div>
      </header>
      {download && (
        <p className="success" role="status">
          <a href={download.href} download={download.name} data-testid="canvas-png-download">
            Download {download.name}
          </a>
        </p>
      )}
      {canvas.error && (
        <p className="empty" role="alert">
          The canvas could not be made: {canvas.error.message}
        </p>
      )}
      {canvas.data && (
        <div className="dp-canvas" ref={blocksRef} data-testid="product-canvas">
          <h2 className="dp-canvas-title">
            {name} <span className="muted small">{canvas.data.design}</span>
          </h2>
          <div className="dp-canvas-grid">
            {canvas.data.blocks.map((block) => (
              <CanvasBlockCard key={`${product}-${block.block}`} block={block} onCommit={(text) => void runEdit(() => backend.entityPut([canvasBlockEdit(mesh, product, block.block, text)]), `edit the ${block.title} of ${name}`)} />
            ))}
          </div>
        </div>
      )}
      {print && (
        <div className="overlay" role="presentation" onMouseDown={() => setPrint(null)}>
          <div className="dialog print-dialog" role="dialog" aria-label={`Printable canvas, ${print.paper.toUpperCase()}`} data-testid="canvas-print-preview" onMouseDown={(event) => event.stopPropagation()} onKeyDown={(event) => event.key === 'Escape' && setPrint(null)}>
            <div className="dialog-head">
              <h2>Printable canvas ({print.paper.toUpperCase()})</h2>
              <button type="button" className="icon-button" aria-label="Close" onClick={() => setPrint(null)}>
                ×
              </button>
            </div>
            {/* No scripts run in the page: it is the backend's HTML with the design's text escaped, shown sandboxed. */}
            <iframe ref={frameRef} title="Printable canvas" className="print-frame" sandbox="allow-same-origin allow-modals" srcDoc={print.html} data-testid="canvas-print-frame" />
            <div className="dialog-actions">
              <button type="button" className="button" data-testid="canvas-save-html" onClick={() => void saveHtml()}>
                Save as HTML…
              </button>
              <button type="button" className="button primary" data-testid="canvas-print" onClick={() => frameRef.current?.contentWindow?.print()}>
                Print…
              </button>
            </div>
          </div>
        </div>
      )}
    </main>
  );
}

/** One block: the model's facts, then the free text, stored when the field loses focus. */
function CanvasBlockCard({ block, onCommit }: { block: CanvasBlockView; onCommit: (text: string) => void }) {
  const stored = block.text ?? '';
  const [text, setText] = useState(stored);
  useEffect(() => setText(stored), [stored]);
  return (
    <section className={`dp-block dp-block-${block.block}`} data-testid={`canvas-block-${block.block}`} aria-label={block.title}>
      <h3>{block.title}</h3>
      {block.facts.length > 0 ? (
        <ul className="dp-facts">
          {block.facts.map((fact, index) => (
            <li key={index}>{fact}</li>
          ))}
        </ul>
      ) : (
        <p className="muted small">The model says nothing here yet.</p>
      )}
      <textarea
        className="dp-text"
        aria-label={`Notes for ${block.title}`}
        placeholder="Add what the room says…"
        value={text}
        data-testid={`canvas-text-${block.block}`}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => text !== stored && onCommit(text)}
      />
    </section>
  );
}
