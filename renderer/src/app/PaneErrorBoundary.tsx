import { Component, type ReactNode } from 'react';

/** A failure inside one pane shows there, with a way back, instead of blanking the whole window. */
export class PaneErrorBoundary extends Component<{ children: ReactNode; label: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="pane-error" role="alert">
        <p>
          The {this.props.label} ran into a problem: {this.state.error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
