import { useEffect, useState } from 'react';

/**
 * A one-shot message carried across a navigation ("Merchant saved" after create lands on the new
 * merchant's page, "Merchant deleted" on the list). The next screen shows it once.
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

/** The pending message, kept for this screen's life and cleared for the next one. */
export function useFlash(): string | null {
  // Read without clearing during render (React may render twice), clear once mounted.
  const [message] = useState(() => pending);
  useEffect(() => {
    pending = null;
  }, []);
  return message;
}
