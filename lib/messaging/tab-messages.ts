/** Messages the background sends to a streaming tab's content script. */
export const PANEL_COMMAND = 'toggle-panel';

export interface PanelToggleMessage {
  backstory: 1;
  type: 'togglePanel';
}

export const panelToggleMessage = (): PanelToggleMessage => ({ backstory: 1, type: 'togglePanel' });

export function isPanelToggleMessage(message: unknown): message is PanelToggleMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as PanelToggleMessage).backstory === 1 &&
    (message as PanelToggleMessage).type === 'togglePanel'
  );
}
