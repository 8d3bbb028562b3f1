import { useSyncExternalStore } from 'react';
import type { MeView } from '@jingcai/shared';

/**
 * The signed-in worker, shared by every page. Services update it whenever the API returns a fresh
 * `MeView`, so a page that shows it re-renders without fetching again.
 */
let current: MeView | null = null;
const listeners = new Set<() => void>();

export function getCurrentUser(): MeView | null {
  return current;
}

export function setCurrentUser(me: MeView | null): void {
  current = me;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCurrentUser(): MeView | null {
  return useSyncExternalStore(subscribe, getCurrentUser);
}
