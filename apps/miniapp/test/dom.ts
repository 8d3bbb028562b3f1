import { waitFor } from '@testing-library/react';

/**
 * The native `<input>` inside Taro's `<Input>`: the web component renders it after mounting, so it is
 * awaited. Found by the start of its placeholder, which is what a worker sees in the empty field.
 */
export function findInput(container: HTMLElement, placeholder: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const input = container.querySelector<HTMLInputElement>(`input[placeholder^="${placeholder}"]`);
    if (!input) throw new Error(`no input whose placeholder starts with ${placeholder}`);
    return input;
  });
}
