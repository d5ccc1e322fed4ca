import { editedWindowPositionCheck } from '../kit/edited-window-position.js';

/** Diagnostics: a typed WooCommerce position, checked and written as the download writes it (the kit's window position). */
export const checkEditedWooCursor = editedWindowPositionCheck('WooCommerce');
