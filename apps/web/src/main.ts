/** Entry point: wires the connection form to the two API panels. */
import { selectedApi, watchConnection } from './connection.ts';
import { mountCamundaPanel } from './camunda-panel.ts';
import { mountOnezoneAccount } from './onezone-account.ts';
import { mountOnezonePanel } from './onezone-panel.ts';
import './style.css';

watchConnection();
const panels = { camunda: mountCamundaPanel(), onezone: mountOnezonePanel() };
mountOnezoneAccount();

// Load the list of the API on show, so the page shows live data at once.
const refreshSelected = () => void panels[selectedApi()].refresh();
for (const radio of document.querySelectorAll('#connection input[type="radio"]')) radio.addEventListener('change', refreshSelected);
refreshSelected();
