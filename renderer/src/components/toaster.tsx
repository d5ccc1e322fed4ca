import { useEffect, useState, type ReactNode } from 'react';
import { Toast } from 'radix-ui';
import { CircleCheck, CircleAlert, X } from 'lucide-react';

/**
 * "Saved" style messages as Radix toasts: announced politely to screen readers, paused while hovered
 * or focused, dismissed by swipe, Escape or the close button. A toast survives navigation (the toaster
 * sits in the frame, not in a screen), which is what "Merchant saved" after a create needs.
 */

export interface ToastMessage {
  id: number;
  text: string;
  kind: 'success' | 'error';
}

type Listener = (messages: ToastMessage[]) => void;
let messages: ToastMessage[] = [];
let nextId = 1;
const listeners = new Set<Listener>();

function publish(next: ToastMessage[]): void {
  messages = next;
  for (const listener of listeners) listener(messages);
}

/** Shows a message in the toaster; callable from event handlers and mutation callbacks. */
export function toast(text: string, kind: ToastMessage['kind'] = 'success'): void {
  publish([...messages, { id: nextId++, text, kind }]);
}

function dismiss(id: number): void {
  publish(messages.filter((message) => message.id !== id));
}

export function Toaster({ children }: { children?: ReactNode }) {
  const [shown, setShown] = useState(messages);
  useEffect(() => {
    listeners.add(setShown);
    return () => {
      listeners.delete(setShown);
    };
  }, []);
  return (
    <Toast.Provider swipeDirection="right" duration={8_000} label="Notification">
      {children}
      {shown.map((message) => (
        <Toast.Root
          key={message.id}
          className={`toast toast--${message.kind}`}
          type={message.kind === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => {
            if (!open) dismiss(message.id);
          }}
        >
          {message.kind === 'error' ? <CircleAlert size={18} aria-hidden="true" /> : <CircleCheck size={18} aria-hidden="true" />}
          <Toast.Title className="toast__title">{message.text}</Toast.Title>
          <Toast.Close className="toast__close" aria-label="Dismiss">
            <X size={16} aria-hidden="true" />
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="toast-viewport" />
    </Toast.Provider>
  );
}
