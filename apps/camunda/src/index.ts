// The only file that starts anything: the shell's start-up path (config → store → admin → serve).
import { startService } from '@repo/service-shell';
import { camundaService } from './service.ts';

await startService(camundaService, { appUrl: import.meta.url });
