import type { BootstrapOutcome } from '@repo/auth';
import type { Logger } from '@repo/config';

/** The one start-up line about the bootstrap admin; a generated password is shown here, once. */
export function logBootstrapOutcome(logger: Logger, outcome: BootstrapOutcome): void {
  const user = outcome.username;
  switch (outcome.action) {
    case 'generated':
      // Only its hash is stored. In the message, not a field, so redaction rules for `password` keys
      // do not hide it from the one person who needs it.
      logger.warn(
        { adminUsername: user },
        `*** BOOTSTRAP ADMIN CREATED: username "${user}", password "${outcome.password}" (shown only this once; set ADMIN_PASSWORD to choose it) ***`,
      );
      return;
    case 'created':
      return logger.info({ adminUsername: user }, `bootstrap admin "${user}" created with the password from ADMIN_PASSWORD`);
    case 'reset':
      return logger.warn({ adminUsername: user }, `bootstrap admin "${user}" reset in place to the password from ADMIN_PASSWORD`);
    case 'unchanged':
      return logger.info({ adminUsername: user }, `bootstrap admin "${user}" uses the password from ADMIN_PASSWORD`);
    case 'kept':
      return logger.info(`an admin exists; its password was printed on its first start (set ADMIN_PASSWORD to reset "${user}")`);
  }
}
