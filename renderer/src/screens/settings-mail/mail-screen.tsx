import { useApi } from '../../api/hooks.js';
import { QueryView } from '../../components/states.js';
import { MailForm } from './mail-form.js';

/** `#/settings/mail`: the outgoing mail server that e-mail alerts and the Test message go through. */
export function MailSettingsScreen(_props: object) {
  const mail = useApi('mail.get', {});
  return (
    <div className="mail-settings">
      <h1>Mail settings</h1>
      <p className="mail-settings__intro">
        Dockhand e-mails new alerts to each merchant's error contacts through this server: at most one message every 30 minutes per merchant, the
        first one as soon as an alert is raised after a quiet spell. Without it, alerts are only shown here.
      </p>
      <QueryView query={mail} what="Loading the mail settings">
        {(view) => <MailForm view={view} />}
      </QueryView>
    </div>
  );
}
