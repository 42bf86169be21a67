/**
 * Puts text on the clipboard. The async Clipboard API needs a focused window (true for a click in it); where it
 * is refused (an unfocused preview tab), the older copy command on a hidden text field does the same.
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    document.execCommand('copy');
    field.remove();
  }
}
