// A small splitter between two panels: drag it (or use the arrow keys on it) to resize; the size is remembered.
import { useCallback, useState } from 'react';

export function useStoredSize(key: string, initial: number): [number, (size: number) => void] {
  const [size, setSize] = useState(() => {
    try {
      const stored = Number(localStorage.getItem(key));
      return Number.isFinite(stored) && stored > 0 ? stored : initial;
    } catch {
      return initial;
    }
  });
  const store = useCallback(
    (next: number) => {
      setSize(next);
      try {
        localStorage.setItem(key, String(Math.round(next)));
      } catch {
        // Storage may be refused; the size then lasts for this session.
      }
    },
    [key],
  );
  return [size, store];
}

export type SplitterProps = {
  /** `vertical`: a bar between left and right panels; `horizontal`: between top and bottom. */
  orientation: 'vertical' | 'horizontal';
  size: number;
  onResize: (size: number) => void;
  min: number;
  max: number;
  /** +1 when dragging towards right/bottom grows the panel, -1 when it shrinks it. */
  direction: 1 | -1;
  label: string;
};

export function Splitter({ orientation, size, onResize, min, max, direction, label }: SplitterProps) {
  const clamp = (value: number) => Math.min(max, Math.max(min, value));
  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const start = orientation === 'vertical' ? event.clientX : event.clientY;
    const initial = size;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (moveEvent: PointerEvent) => {
      const now = orientation === 'vertical' ? moveEvent.clientX : moveEvent.clientY;
      onResize(clamp(initial + direction * (now - start)));
    };
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={Math.round(size)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 60 : 20;
        const grow = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
        const shrink = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
        if (event.key === grow) onResize(clamp(size - direction * step));
        else if (event.key === shrink) onResize(clamp(size + direction * step));
      }}
    />
  );
}
