import { editedWindowPositionCheck } from '../kit/edited-window-position.js';

export { FUTURE_SLACK_MS } from '../kit/edited-window-position.js';

/** Diagnostics: a typed BigCommerce position, checked and written as the download writes it (the kit's window position). */
export const checkEditedCursor = editedWindowPositionCheck('BigCommerce');
