/**
 * After a failed submit, focus goes to the first field the form marks invalid, in page order, so a
 * keyboard or screen-reader user lands on the problem instead of hunting for it. Fields are marked
 * with aria-invalid (Field does it) or sit inside a .field--invalid wrapper. Called after React has
 * rendered the errors, hence the frame's wait.
 */
export const INVALID_SELECTOR = '[aria-invalid="true"], .field--invalid input, .field--invalid select, .field--invalid textarea';

export function firstInvalid(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>(INVALID_SELECTOR);
}

export function focusFirstInvalid(root: ParentNode | null | undefined = document): void {
  const scope = root ?? document;
  requestAnimationFrame(() => {
    const target = firstInvalid(scope) ?? scope.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    if (!target.matches('input, select, textarea, button, a[href], [tabindex]')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'center' });
  });
}
