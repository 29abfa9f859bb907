// Node sizes shared by the canvas, the custom nodes and the auto layout, so ELK places what React Flow draws.
import type { DataProduct } from '../ipc/model';

export const PRODUCT_WIDTH = 240;
export const PORT_ROW_HEIGHT = 18;
/** Height of a product node above its port rows: name, chips. */
export const PRODUCT_HEADER_HEIGHT = 58;
export const SOURCE_SIZE = { width: 200, height: 56 } as const;
export const CONSUMER_SIZE = { width: 200, height: 56 } as const;
export const COLLAPSED_DOMAIN_SIZE = { width: 240, height: 96 } as const;
export const EMPTY_DOMAIN_SIZE = { width: 280, height: 120 } as const;
/** Room around a domain's products inside its region; the top holds the domain's title bar. */
export const DOMAIN_PADDING = { top: 44, left: 20, bottom: 20, right: 20 } as const;

export function productPortRows(product: DataProduct): number {
  return Math.max(1, product.inputPorts?.length ?? 0, product.outputPorts?.length ?? 0);
}

export function productSize(product: DataProduct): { width: number; height: number } {
  return { width: PRODUCT_WIDTH, height: PRODUCT_HEADER_HEIGHT + productPortRows(product) * PORT_ROW_HEIGHT + 8 };
}

/** Vertical centre of port row `index`, from the node's top. */
export function portRowY(index: number): number {
  return PRODUCT_HEADER_HEIGHT + index * PORT_ROW_HEIGHT + PORT_ROW_HEIGHT / 2;
}
