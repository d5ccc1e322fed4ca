/** A message on the field (or the row, or the button) it belongs to; nothing when there is none. */
export function FieldError({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null;
  return (
    <div className="field__error" id={id} role="alert">
      {message}
    </div>
  );
}
