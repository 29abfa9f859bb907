// The workshop bar: a big timer (start, pause, reset), a button for a new sticky note and the way out.
import { useEffect, useRef, useState } from 'react';
import type { Action } from '../actions/registry';
import { formatShortcut } from '../actions/registry';
import { formatTimer } from './workshopMode';

export function WorkshopBar({ actions }: { actions: readonly Action[] }) {
  const [elapsed, setElapsed] = useState(0);
  const [running, setRunning] = useState(false);
  const started = useRef<number | null>(null);
  const before = useRef(0);

  useEffect(() => {
    if (!running) return;
    started.current = Date.now();
    const timer = setInterval(() => setElapsed(before.current + Date.now() - (started.current ?? Date.now())), 250);
    return () => clearInterval(timer);
  }, [running]);

  const toggle = () => {
    if (running) {
      before.current += Date.now() - (started.current ?? Date.now());
      setElapsed(before.current);
    }
    setRunning(!running);
  };
  const reset = () => {
    before.current = 0;
    started.current = Date.now();
    setElapsed(0);
  };
  const run = (id: string) => () => void actions.find((action) => action.id === id)?.run();
  const leave = actions.find((action) => action.id === 'view.workshop');

  return (
    <div className="workshop-bar" role="toolbar" aria-label="Workshop" data-testid="workshop-bar">
      <span className="workshop-timer" role="timer" aria-live="off" data-testid="workshop-timer">
        {formatTimer(elapsed)}
      </span>
      <button type="button" className="button" data-testid="workshop-timer-toggle" onClick={toggle}>
        {running ? 'Pause' : elapsed > 0 ? 'Resume' : 'Start'}
      </button>
      <button type="button" className="button" data-testid="workshop-timer-reset" onClick={reset}>
        Reset
      </button>
      <button type="button" className="button primary" data-testid="workshop-add-note" onClick={run('workshop.addNote')}>
        + Sticky note
      </button>
      <button type="button" className="button" data-testid="workshop-leave" title={leave?.shortcut ? `Leave workshop mode (${formatShortcut(leave.shortcut)})` : 'Leave workshop mode'} onClick={run('view.workshop')}>
        Leave workshop
      </button>
    </div>
  );
}
