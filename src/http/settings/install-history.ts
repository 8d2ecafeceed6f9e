/**
 * The settings page's install history: who installed, reinstalled and uninstalled Handoff, and who is the settings
 * admin (the ladder's acting admin) afterwards. A reinstall approved by a teammate without settings access keeps
 * the installer; this list is where admins see that it happened and that nothing was taken over.
 */
import type { InstallEvent } from '../../store';
import { formatWhen, type NameBook } from './audit';
import { html, type SafeHtml } from './html';

function who(adminId: string | null, book: NameBook): string {
  if (adminId === null) return 'nobody';
  return book.admins.get(adminId) ?? `Admin ${adminId}`;
}

function describe(event: InstallEvent, book: NameBook): string {
  const approver = who(event.approvedByAdminId, book);
  const installer = who(event.installerAdminId, book);
  switch (event.kind) {
    case 'install':
      return `Installed by ${approver}; settings admin: ${installer}.`;
    case 'reinstall':
      return event.installerAdminId === event.previousInstallerAdminId
        ? `Reinstalled by ${approver}; settings admin stays ${installer}.`
        : `Reinstalled by ${approver}; settings admin changed from ${who(event.previousInstallerAdminId, book)} to ${installer}.`;
    case 'uninstall':
      return 'Uninstalled in Intercom.';
  }
}

export function renderInstallHistory(events: readonly InstallEvent[], book: NameBook, timezone: string): SafeHtml {
  if (events.length === 0) return html`<p class="muted">No install recorded through Intercom's install flow.</p>`;
  const rows = events.map(
    (event) =>
      html`<li><time datetime="${new Date(event.at).toISOString()}">${formatWhen(event.at, timezone)}</time> · ${describe(event, book)}</li>`,
  );
  return html`<ol class="install-history">${rows}</ol>`;
}
