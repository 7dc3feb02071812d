/** A plain table of users; each API's panel says which columns to show. */

/** A column: its header and how to read a cell from a row. */
export type Column<Row> = [header: string, cell: (row: Row) => string];

export function renderUserTable<Row>(container: HTMLElement, columns: Array<Column<Row>>, rows: Row[]): void {
  if (rows.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'hint';
    empty.textContent = 'No users.';
    container.replaceChildren(empty);
    return;
  }
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const [header] of columns) head.appendChild(document.createElement('th')).textContent = header;
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const [, cell] of columns) tr.insertCell().textContent = cell(row);
  }
  container.replaceChildren(table);
}
