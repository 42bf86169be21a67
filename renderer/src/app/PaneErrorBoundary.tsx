import { Component, type ReactNode } from 'react';
import { translate } from '../i18n/translate.ts';

/** Which part of the window a boundary guards, as its message names it. */
export type Pane = 'history' | 'search' | 'backup';

/** A failure inside one pane shows there, with a way back, instead of blanking the whole window. */
export class PaneErrorBoundary extends Component<
  {
    children: ReactNode;
    pane?: Pane;
    /** @deprecated The pane's words come from the catalog: pass `pane`. */
    label?: string;
  },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const pane = this.props.pane ?? (this.props.label?.startsWith('backup') ? 'backup' : 'other');
    return (
      <div className="pane-error" role="alert">
        <p>{translate('app.pane.failed', { pane, reason: this.state.error.message })}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {translate('common.retry')}
        </button>
      </div>
    );
  }
}
