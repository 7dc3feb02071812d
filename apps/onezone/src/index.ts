// The only file that starts anything: the shell's start-up path (config → store → admin → serve).
import { startService } from '@repo/service-shell';
import { onezoneService } from './service.ts';

await startService(onezoneService, { appUrl: import.meta.url });
