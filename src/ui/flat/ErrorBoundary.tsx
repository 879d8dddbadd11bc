import { Component, type ReactNode } from 'react';

/** Keeps a failing part (a 3D view, one zone) from blanking the page around it. */
export class ErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    console.warn('[hall] part of the page failed:', error.message);
  }
  override render() {
    return this.state.error ? this.props.fallback : this.props.children;
  }
}
