/** Messages the background sends to a streaming tab's content script. */
import type { PanelActionMessage } from './panel-messages';

export const PANEL_COMMAND = 'toggle-panel';

/**
 * The viewer's shortcut, sent to the tab's top frame on the one channel the background speaks to the page side
 * on (the panel frame's actions use it too): the watch session answers it, and a page with none ignores it.
 */
export const panelToggleMessage = (): PanelActionMessage => ({ backstoryPanelAction: { action: 'toggle' } });
