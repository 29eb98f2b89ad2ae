/** A button copying a text to the clipboard, saying so for a moment. */
import { useState } from 'preact/hooks';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [done, setDone] = useState<string | undefined>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('Copied');
    } catch {
      // The clipboard API needs a secure origin (localhost counts) and the page's focus: say so rather than fail silently.
      setDone('Copy refused by the browser: select the text instead');
    }
    setTimeout(() => setDone(undefined), 2000);
  };
  return (
    <button type="button" class="copy" onClick={copy} data-copy>
      {done ?? label}
    </button>
  );
}
