// jsdom lacks what React Flow measures with: ResizeObserver and DOMMatrixReadOnly. Minimal stand-ins.
class ResizeObserverStandIn {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

class DOMMatrixReadOnlyStandIn {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([0-9.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

const globals = globalThis as Record<string, unknown>;
globals['ResizeObserver'] ??= ResizeObserverStandIn;
globals['DOMMatrixReadOnly'] ??= DOMMatrixReadOnlyStandIn;
