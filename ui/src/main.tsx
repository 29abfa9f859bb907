// Entry point: mounts the studio with the real backend inside Tauri, the in-memory one in a plain browser.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { defaultBackend } from './ipc/backend';
import './styles.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('cannot start the studio: index.html has no #root element');
}
const root = container;

void defaultBackend().then((backend) => {
  createRoot(root).render(
    <StrictMode>
      <App backend={backend} />
    </StrictMode>,
  );
});
