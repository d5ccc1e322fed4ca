import { describe, expect, it } from 'vitest';
import { parseShipMethodsCsv } from '../../../../renderer/src/screens/ship-methods/parse-ship-methods-csv.js';

describe('parseShipMethodsCsv', () => {
  it('reads rows without a header as code, description, carrier', () => {
    const result = parseShipMethodsCsv('UPS-GND,UPS Ground,UPS\nFDX-2D,FedEx 2Day,FedEx\n');
    expect(result.hadHeader).toBe(false);
    expect(result.problems).toEqual([]);
    expect(result.methods).toEqual([
      { code: 'UPS-GND', description: 'UPS Ground', carrier: 'UPS' },
      { code: 'FDX-2D', description: 'FedEx 2Day', carrier: 'FedEx' },
    ]);
  });

  it('takes a header row in any column order and lets description and carrier be missing', () => {
    const result = parseShipMethodsCsv('Carrier,Code,Description\r\nUSPS,USPS-GA,Ground Advantage\r\n,LOCAL,\r\n');
    expect(result.hadHeader).toBe(true);
    expect(result.methods).toEqual([
      { code: 'USPS-GA', description: 'Ground Advantage', carrier: 'USPS' },
      { code: 'LOCAL', description: '', carrier: '' },
    ]);
  });

  it('reports blank codes, extra columns and repeated codes with their line, and keeps the good rows', () => {
    const text = ['A,Alpha,UPS', '', ',No code,UPS', 'B,Beta,UPS,extra', 'A,Again,UPS', 'C,"Gamma, quoted",DHL'].join('\n');
    const result = parseShipMethodsCsv(text);
    expect(result.methods.map((m) => m.code)).toEqual(['A', 'C']);
    expect(result.methods[1].description).toBe('Gamma, quoted');
    expect(result.problems).toEqual([
      { line: 3, reason: 'Enter a code' },
      { line: 4, reason: '4 columns; expected code, description, carrier' },
      { line: 5, reason: 'The code A is already on line 1' },
    ]);
  });

  it('counts lines inside quoted cells that span lines', () => {
    const result = parseShipMethodsCsv('A,"two\nlines",UPS\n,x,y');
    expect(result.methods).toHaveLength(1);
    expect(result.problems).toEqual([{ line: 3, reason: 'Enter a code' }]);
  });

  it('refuses a code longer than the save schema allows', () => {
    const result = parseShipMethodsCsv(`${'X'.repeat(51)},Too long,UPS`);
    expect(result.methods).toEqual([]);
    expect(result.problems[0].line).toBe(1);
    expect(result.problems[0].reason).toMatch(/too long/);
  });
});
