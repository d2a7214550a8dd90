// A strict RFC 4180 reader for the tests (CRLF records, quoted fields with doubled quotes).
export function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"') {
      if (fieldStarted && field.length) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true; fieldStarted = true; i++; continue;
    }
    if (c === ',') { row.push(field); field = ''; fieldStarted = false; i++; continue; }
    if (c === '\r' && input[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; fieldStarted = false; i += 2; continue; }
    if (c === '\r' || c === '\n') throw new Error(`bare line break in an unquoted field at ${i}`);
    field += c; fieldStarted = true; i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (fieldStarted || row.length) throw new Error('last record lacks its CRLF');
  return rows;
}
