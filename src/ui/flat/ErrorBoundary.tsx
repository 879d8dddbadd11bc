import { Component, type ReactNode } from 'react';

/**
 * Keeps a failing part (a 3D view, one zone, one screen) from blanking the page around it. `onError`
 * reports it (the device's error log, the fault store); the fallback takes its place until the
 * boundary's key changes.
 */
export class ErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode; onError?: (error: Error) => void }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    console.warn('[hall] part of the page failed:', error.message);
    this.props.onError?.(error);
  }
  override render() {
    return this.state.error ? this.props.fallback : this.props.children;
  }
}
