import { editedWindowPositionCheck } from '../kit/edited-window-position.js';

/**
 * Magento's order download position is the kit's incremental window position on updated_at
 * (kit/incremental-window.ts): {"v":1,"updatedAt":...,"createdAtMin":...,"recent":{...}}.
 */

export { FUTURE_SLACK_MS } from '../kit/edited-window-position.js';

/** Diagnostics: a typed Magento position, checked and written as the download writes it. */
export const checkEditedMagentoCursor = editedWindowPositionCheck('Magento');
