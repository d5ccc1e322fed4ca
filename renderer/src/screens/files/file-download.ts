/**
 * Offers text as a file download from the page itself (the renderer cannot write files): a Blob and an
 * a[download] link, clicked and released. This is the viewed text, so at most the first 1 MB of the file
 * (files.content's bound); the screen says so when the file is longer.
 */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Released after the click has been handled (a revoke in the same task can cancel the download).
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
