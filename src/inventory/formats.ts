/** The inventory's text formats (the CLI lists them without loading the inventory). */
export type InventoryFormat = 'csv' | 'csv-detail' | 'markdown' | 'json';
export const INVENTORY_FORMATS: readonly InventoryFormat[] = ['csv', 'csv-detail', 'markdown', 'json'];
