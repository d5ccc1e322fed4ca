import { useEffect, useRef, useState } from 'react';

/** Search by order number, name or SKU: applied after a pause in typing, or at once on Enter. */
export function SearchBox({ value, onSearch, delayMs = 400 }: { value: string; onSearch: (text: string) => void; delayMs?: number }) {
  const [text, setText] = useState(value);
  const applied = useRef(value);
  const latestOnSearch = useRef(onSearch);
  useEffect(() => {
    latestOnSearch.current = onSearch;
  });
  // The URL may change from elsewhere (back, a link): show what it says.
  useEffect(() => {
    applied.current = value;
    setText(value);
  }, [value]);
  useEffect(() => {
    if (text.trim() === applied.current.trim()) return;
    const timer = setTimeout(() => {
      applied.current = text;
      latestOnSearch.current(text.trim());
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  return (
    <form
      role="search"
      className="field orders__search"
      onSubmit={(event) => {
        event.preventDefault();
        applied.current = text;
        onSearch(text.trim());
      }}
    >
      <label htmlFor="orders-search">Search</label>
      <input id="orders-search" type="search" placeholder="Order number, name or SKU" value={text} onChange={(event) => setText(event.target.value)} />
    </form>
  );
}
