/**
 * The language picker (a `<details>` in the header) closes as menus do: Escape closes it and gives
 * the focus back to its summary; a click elsewhere closes it.
 */
export function enhanceLanguagePicker(): void {
  const picker = document.querySelector<HTMLDetailsElement>('.language-picker details');
  if (!picker) return;
  picker.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !picker.open) return;
    picker.open = false;
    picker.querySelector('summary')?.focus();
    event.preventDefault();
  });
  document.addEventListener('click', (event) => {
    if (picker.open && !picker.contains(event.target as Node)) picker.open = false;
  });
}
